/**
 * The request schemas of POST /api/render and POST /api/validate: the settings
 * schema (lib/settings). Part of the HTTP contract (./contract), kept in its own
 * module so the browser, which parses responses with ./contract, never loads the
 * settings schema through it.
 */
import { settingsSchema } from '../settings/schema';

export const renderRequestSchema = settingsSchema;

/** Checks default to the sandbox: a live check of SLS is opt-in (ALLOW_LIVE_CHECK=1). */
export const validateRequestSchema = settingsSchema.extend({ target: settingsSchema.shape.target.unwrap().default('sandbox') });
