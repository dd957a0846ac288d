/**
 * Strings of the Validate panel (components/validate) that the wizard page
 * needs at once: the button, the check target and the progress line. The
 * report's strings load with the report (validate-report.ts).
 * The table itself is data (./data/validate.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import table from './data/validate.json';

export const validateMessages = table satisfies Messages;

export type ValidateMessageKey = keyof typeof validateMessages;
