/**
 * The settings form's strings in English and Simplified Chinese: endpoint,
 * credentials, Logstore options, target, the agent choice (`agent.<id>`, from
 * each agent's lib/agents/<id>/meta.json) and the status line. Two more files
 * are loaded only when needed, to keep the page's first load small:
 * form-agents.ts (option labels, help and choice labels; with the option
 * sections and the settings runtime) and form-errors.ts (the schema's error
 * messages in Chinese).
 * The table itself is data (./data/form.json, `{ en, zh }` per key); this
 * module types it, so an unknown key is a compile error.
 */
import { AGENT_LABEL_MESSAGES } from '../../agents/meta';
import type { Message } from '../core';
import table from './data/form.json';

export const formMessages = {
  ...table,
  // Every agent's checkbox label (`agent.<id>`), from its folder.
  ...AGENT_LABEL_MESSAGES,
} satisfies Record<string, Message>;

export type FormMessageKey = keyof typeof formMessages;
