/**
 * Strings of the code viewer's toolbar (components/output/CodeView.tsx), in English and Simplified Chinese.
 * The table itself is data (./data/code-view.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import table from './data/code-view.json';

export const codeViewMessages = table satisfies Messages;
