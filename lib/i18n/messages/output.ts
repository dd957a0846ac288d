/**
 * Strings of the output panel (components/output): the per-agent and per-file
 * tabs, copy feedback, the steps, the zip download and the share link, in
 * English and Simplified Chinese.
 * The table itself is data (./data/output.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import { outputShellMessages } from './output-shell';
import panel from './data/output.json';
import languages from './data/language-names.json';

export const outputMessages = { ...outputShellMessages, ...panel } satisfies Messages;

/** How each file's language is named in its caption. */
export const languageNames = languages satisfies Messages;
