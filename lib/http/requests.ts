/**
 * The request schemas of POST /api/render and POST /api/validate: the settings
 * schema (lib/settings). Part of the HTTP contract (./contract), kept in its own
 * module so the browser, which parses responses with ./contract, never loads the
 * settings schema through it.
 */
import { z } from 'zod';
import { AGENT_IDS } from '../agents/meta';
import { MAX_LINT_CONTENT_CHARS } from '../lint/types';
import { settingsSchema } from '../settings/schema';

export const renderRequestSchema = settingsSchema;

/** Checks default to the sandbox: a live check of SLS is opt-in (ALLOW_LIVE_CHECK=1). */
export const validateRequestSchema = settingsSchema.extend({ target: settingsSchema.shape.target.unwrap().default('sandbox') });

/** POST /api/lint: a config file's text, its name (a detection hint) and optionally the agent. */
export const lintRequestSchema = z.strictObject(
  {
    content: z
      .string({ error: 'content: send the config file as a text string.' })
      .min(1, { error: 'content: the config is empty; paste the file.' })
      .max(MAX_LINT_CONTENT_CHARS, { error: `content: at most ${MAX_LINT_CONTENT_CHARS} characters; paste the Kafka output section.` }),
    filename: z.string({ error: 'filename: expected text.' }).max(255, { error: 'filename: at most 255 characters.' }).optional(),
    agent: z.enum(AGENT_IDS, { error: `agent: one of ${AGENT_IDS.join(', ')}, or leave it out to detect it.` }).optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `Unknown field(s) ${iss.keys.join(', ')}: send only content, filename and agent.` : 'Body: expected { content, filename?, agent? }.') },
);
export type LintRequest = z.infer<typeof lintRequestSchema>;
