/**
 * Vector options: the file's format, whether it is a complete config (file
 * source → kafka sink) or the sink alone, the sink's inputs, the files to
 * read, the event encoding, compression and end-to-end acknowledgements.
 * Only safe choices: TLS is always on and verified, there is no message key.
 * Sources: docs/agents/vector.md (KafkaSinkConfig, src/kafka.rs).
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { absoluteLogPathProblem, agentOptionsError, choice, textValueProblem } from '../common/options-schema';

export const VECTOR_FORMATS = ['yaml', 'toml'] as const;
export type VectorFormat = (typeof VECTOR_FORMATS)[number];

/** `complete`: data_dir, a file source and the sink; `output-only`: the sink alone, fed by the user's `inputs`. */
export const VECTOR_MODES = ['complete', 'output-only'] as const;

/** `json`: the whole event as one JSON object; `text`: the `message` field only. */
export const VECTOR_CODECS = ['json', 'text'] as const;

export const VECTOR_COMPRESSIONS = CODECS;

const MAX_ENTRIES = 64;

/**
 * Vector expands `${VAR}` and `$VAR` in the raw config text whenever
 * interpolation is on (always before 0.57, on request from 0.57), and `$$`
 * is an escape only while it is on: no spelling of a literal `$` works on
 * every release. `SECRET[backend.key]` is replaced by a secret backend.
 */
export function vectorLiteralProblem(label: string, value: string): string | undefined {
  if (value.includes('$')) return `${label}: remove the “$”; Vector would replace it with an environment variable.`;
  if (value.includes('SECRET[')) return `${label}: remove “SECRET[”; Vector would look it up in a secret store.`;
  return undefined;
}

export function logPathProblem(value: string): string | undefined {
  const label = 'Files to collect';
  return absoluteLogPathProblem(label, value) ?? vectorLiteralProblem(label, value);
}

/** Component ids (`app_logs`, `parse.errors` for a named output) and wildcards (`app_*`). */
const INPUT_ID = /^[A-Za-z0-9_*][A-Za-z0-9_.*-]*$/;

export function inputProblem(value: string): string | undefined {
  const label = 'Sink inputs';
  if (value === '') return `${label}: enter a source or transform id such as app_logs, or remove the empty line.`;
  const broken = textValueProblem(label, value, 'id');
  if (broken) return broken;
  if (!INPUT_ID.test(value)) {
    return `${label}: “${value}” is not a component id; use letters, digits, “_”, “-”, “.” and “*”, e.g. app_logs or app_*.`;
  }
  return undefined;
}

function lines(problem: (value: string) => string | undefined, label: string, example: string) {
  return z
    .array(
      z.string({ error: `${label}: expected text such as ${example}.` }).superRefine((value, ctx) => {
        const message = problem(value);
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
      { error: `${label}: expected a list such as ["${example}"].` },
    )
    .min(1, { error: `${label}: enter at least one, for example ${example}.` })
    .max(MAX_ENTRIES, { error: `${label}: enter at most ${MAX_ENTRIES}; use wildcards to cover more.` });
}

export const vectorOptionsSchema = z.strictObject(
  {
    format: choice(VECTOR_FORMATS, 'Config format: choose “yaml” or “toml”.', 'yaml'),
    mode: choice(VECTOR_MODES, 'What to generate: choose “complete” (file source and sink) or “output-only” (the sink alone).', 'complete'),
    /** Read only in output-only mode; a complete config feeds the sink from its own file source. */
    inputs: lines(inputProblem, 'Sink inputs', 'app_logs').default(() => ['sls_source']),
    /** Read only in complete mode. */
    logPaths: lines(logPathProblem, 'Files to collect', '/var/log/*.log').default(() => ['/var/log/*.log']),
    codec: choice(VECTOR_CODECS, 'Message encoding: choose “json” (the whole event) or “text” (the message only).', 'json'),
    compression: choice(VECTOR_COMPRESSIONS, `Compression: choose one of ${CODECS.join(', ')}.`, 'gzip'),
    acknowledgements: z
      .boolean({ error: 'End-to-end acknowledgements: expected true or false.' })
      .default(true),
  },
  { error: agentOptionsError('Vector', 'Vector options: expected an object such as {}.') },
);

export type VectorOptions = z.output<typeof vectorOptionsSchema>;
