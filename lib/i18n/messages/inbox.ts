/**
 * Strings of the sandbox inbox page (/sandbox, components/inbox), in English
 * and Simplified Chinese.
 * The table itself is data (./data/inbox.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import type { Messages } from '../core';
import table from './data/inbox.json';

export const inboxMessages = table satisfies Messages;

export type InboxMessageKey = keyof typeof inboxMessages;
