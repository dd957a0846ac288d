/**
 * Producer-snippet options: which languages, compression and acks.
 * Compression is gzip or none: gzip is the only codec the SLS documentation
 * shows, and the only one kafkajs has built in (the others need extra codec
 * packages). Not offered: a message key, TLS off, idempotence.
 * Facts: docs/agents/clients.md.
 */
import { z } from 'zod';
import { agentOptionsError, choice } from '../common/options-schema';

export const CLIENT_LANGUAGES = ['java', 'python', 'go', 'node'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

export const CLIENT_COMPRESSIONS = ['gzip', 'none'] as const;

const languagesError = 'Languages: choose one or more of java, python, go, node.';

export const clientsOptionsSchema = z.strictObject(
  {
    languages: z
      .array(z.enum(CLIENT_LANGUAGES, { error: languagesError }), { error: languagesError })
      .min(1, { error: languagesError })
      .refine((list) => new Set(list).size === list.length, { error: 'Languages: list each language once.' })
      .default([...CLIENT_LANGUAGES]),
    compression: choice(CLIENT_COMPRESSIONS, 'Compression: choose gzip or none.', 'gzip'),
    acks: z.literal([-1, 1, 0], { error: 'Acks: choose -1 (stored), 1 (leader) or 0 (no acknowledgement).' }).default(-1),
  },
  { error: agentOptionsError('Code', 'Code options: expected an object such as {}.') },
);

export type ClientsOptions = z.output<typeof clientsOptionsSchema>;
