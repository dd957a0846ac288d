/**
 * The wizard page's own strings: the document title, the heading and the
 * intro under it (components/PageHeader.tsx).
 * The table itself is data (./data/page.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import table from './data/page.json';

export const pageMessages = table satisfies Messages;
