/**
 * Helpers every agent's options schema uses: the error of a strict object
 * (unknown keys, or not an object at all), the checks every free-text value
 * that ends up in a file shares, and filling in an agent's defaults.
 */
import { z } from 'zod';

/** How an unknown-keys message is worded: the quoted keys, and `s`/`them` for one vs. several. */
export interface UnknownKeys {
  keys: string;
  s: string;
  them: string;
}

/**
 * The `error` of a `z.strictObject`: `unknown(…)` for unrecognized keys,
 * `notObject` for anything else (the value is not an object).
 */
export function strictObjectError(unknown: (words: UnknownKeys) => string, notObject: string) {
  return (iss: z.core.$ZodRawIssue): string => {
    if (iss.code !== 'unrecognized_keys') return notObject;
    const keys = (iss as { keys: string[] }).keys;
    const several = keys.length > 1;
    return unknown({ keys: keys.map((k) => `“${k}”`).join(', '), s: several ? 's' : '', them: several ? 'them' : 'it' });
  };
}

/** The usual wording: `<Agent> options: unknown field “x”; remove it.` */
export function agentOptionsError(agentName: string, notObject: string) {
  return strictObjectError(({ keys, s, them }) => `${agentName} options: unknown field${s} ${keys}; remove ${them}.`, notObject);
}

/** One of a fixed list of values, with its default and the error that lists the choices. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, error: string, fallback: T[number]) {
  return z.enum(values, { error }).default(fallback as z.output<z.ZodEnum<z.core.util.ToEnum<T[number]>>>);
}

/** The longest free-text value (path, name, password) any agent accepts. */
/** An optional text option (`''` = not set, the default) whose other values `problem` checks. */
export function optionalText(typeError: string, problem: (value: string) => string | undefined) {
  return z
    .string({ error: typeError })
    .superRefine((value, ctx) => {
      if (value === '') return;
      const message = problem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .default('');
}

export const MAX_TEXT_VALUE_LENGTH = 4096;

/**
 * The first problem every one-line text value in a config file shares: too
 * long, a lone UTF-16 surrogate (which cannot be written as UTF-8, so no file
 * or name can hold it), or a control character. `noun` names the value in the
 * message (`path`, `value`).
 */
export function textValueProblem(label: string, value: string, noun = 'path'): string | undefined {
  if (value.length > MAX_TEXT_VALUE_LENGTH) return `${label}: shorten the ${noun} to at most ${MAX_TEXT_VALUE_LENGTH} characters.`;
  if (/\p{Cs}/u.test(value)) return `${label}: the ${noun} contains a broken character; type it again.`;
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return `${label}: remove the line break, tab or other control character from the ${noun}.`;
  }
  return undefined;
}

/** Characters a config language cannot write: `find` the first one, `why` ends the message. */
export interface UnwritableCharacters {
  find: (value: string) => string | undefined;
  why: (character: string) => string;
}

/**
 * The first problem of an absolute file path such as a CA bundle: the checks
 * every text value shares, then a character the file's language cannot
 * write, then a relative path. `optional`: empty is allowed (it is the
 * default), and the relative-path message says so.
 */
export function absoluteFileProblem(
  label: string,
  value: string,
  { unwritable, optional = false }: { unwritable?: UnwritableCharacters; optional?: boolean } = {},
): string | undefined {
  const broken = textValueProblem(label, value);
  if (broken) return broken;
  const bad = unwritable?.find(value);
  if (unwritable && bad !== undefined) return `${label}: ${unwritable.why(bad)}`;
  if (!value.startsWith('/')) {
    return `${label}: enter an absolute path such as /etc/ssl/certs/ca-certificates.crt${optional ? ', or leave it empty' : ''}.`;
  }
  return undefined;
}

/**
 * The first problem of one “Files to collect” line that must be an absolute
 * Unix path: empty, not one line of text, spaces at its ends, or relative.
 * Each agent then adds what its own variable syntax refuses.
 */
export function absoluteLogPathProblem(label: string, value: string): string | undefined {
  if (value === '') return `${label}: enter a path such as /var/log/*.log, or remove the empty line.`;
  const broken = textValueProblem(label, value);
  if (broken) return broken;
  if (value.trim() !== value) return `${label}: remove the spaces at the start or end of the path.`;
  if (!value.startsWith('/')) return `${label}: enter an absolute path such as /var/log/*.log.`;
  return undefined;
}

/**
 * The agent's options with every missing option set to its default; the
 * user's values (and unknown keys) kept. The one way defaults are filled in:
 * the form, share links and the routes (through the schema's own defaults)
 * all end up here or in `schema.parse`.
 */
export function withDefaults(schema: z.ZodObject, options: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...(options ?? {}) };
  for (const [key, value] of Object.entries(defaultsOf(schema))) {
    if (filled[key] === undefined) filled[key] = value;
  }
  return filled;
}

const defaultsCache = new WeakMap<z.ZodObject, Readonly<Record<string, unknown>>>();

/** What `{}` means for this schema: every option's default (a fresh copy each call). */
export function defaultsOf(schema: z.ZodObject): Record<string, unknown> {
  let defaults = defaultsCache.get(schema);
  if (!defaults) {
    const parsed = schema.safeParse({});
    defaults = parsed.success ? (parsed.data as Record<string, unknown>) : {};
    defaultsCache.set(schema, defaults);
  }
  return structuredClone(defaults) as Record<string, unknown>;
}
