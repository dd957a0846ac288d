/**
 * Fluent Bit options (docs/agents/more-agents.md, `fluentbit` table): the
 * config format, whether to write a whole pipeline (a `tail` input) or the
 * kafka output alone, which files to collect, compression, the record time
 * format, an optional CA file and where Fluent Bit runs (it decides paths
 * and steps). TLS, SASL PLAIN, no message key and idempotence off are not
 * options: they are always rendered. No version choice: the rendered keys are
 * the same from 2.0 to 5.1 (docs/agents/fluentbit.md, "Versions").
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { agentOptionsError, choice, MAX_TEXT_VALUE_LENGTH, optionalText } from '../common/options-schema';
import { fluentBitValueProblem } from '../../config-languages/fluentbit-classic/quote';

export const FLUENTBIT_FORMATS = ['classic', 'yaml'] as const;
export const FLUENTBIT_MODES = ['complete', 'output-only'] as const;
export const FLUENTBIT_TIMESTAMP_FORMATS = ['iso8601', 'double', 'iso8601_ns'] as const;
export const FLUENTBIT_PLATFORMS = ['systemd', 'docker', 'kubernetes'] as const;
export const DEFAULT_LOG_PATH = '/var/log/*.log';

/** Why an absolute path (or comma-separated paths) cannot be used, or undefined. */
function pathProblem(label: string, example: string, value: string, list: boolean): string | undefined {
  if (value.length > MAX_TEXT_VALUE_LENGTH) return `${label}: shorten the path to at most ${MAX_TEXT_VALUE_LENGTH} characters.`;
  const written = fluentBitValueProblem(label, value);
  if (written) return written;
  const parts = list ? value.split(',') : [value];
  if (parts.some((p) => !p.trim().startsWith('/'))) {
    return list
      ? `${label}: enter absolute paths such as ${example}, separated by commas.`
      : `${label}: enter an absolute path such as ${example}.`;
  }
  if (!list && value.endsWith('/')) return `${label}: name a PEM file, not a directory, e.g. ${example}.`;
  return undefined;
}

export function logPathProblem(value: string): string | undefined {
  return pathProblem('Files to collect', DEFAULT_LOG_PATH, value, true);
}

export function caFileProblem(value: string): string | undefined {
  return pathProblem('CA certificate file', '/etc/ssl/certs/ca-certificates.crt', value, false);
}

export const fluentbitOptionsSchema = z.strictObject(
  {
    /** `classic` .conf (every release, deprecated end of 2026) or YAML (2.0+, standard from 3.2). */
    format: choice(FLUENTBIT_FORMATS, 'Config format: choose “classic” (.conf) or “yaml”.', 'classic'),
    /** `complete`: service + tail input + kafka output; `output-only`: the kafka output to add to an existing config. */
    mode: choice(FLUENTBIT_MODES, 'What to generate: choose “complete” (with a tail input) or “output-only”.', 'complete'),
    /** The tail input's `Path` (comma-separated patterns); complete mode only. */
    logPath: z
      .string({ error: `Files to collect: enter a path pattern such as ${DEFAULT_LOG_PATH}.` })
      .superRefine((value, ctx) => {
        const message = logPathProblem(value);
        if (message) ctx.addIssue({ code: 'custom', message });
      })
      .default(DEFAULT_LOG_PATH),
    compression: choice(CODECS, 'Compression: choose none, gzip, snappy, lz4 or zstd.', 'gzip'),
    /** out_kafka `timestamp_format` of the record time in each JSON message. */
    timestampFormat: choice(FLUENTBIT_TIMESTAMP_FORMATS, 'Timestamp format: choose iso8601, double or iso8601_ns.', 'iso8601'),
    /** Empty: OpenSSL's default store. Ignored for the sandbox, which names its own CA. */
    caFile: optionalText('CA certificate file: expected text, e.g. /etc/ssl/certs/ca-certificates.crt.', caFileProblem),
    /** Decides paths (state, CA) and the install/run steps. */
    platform: choice(FLUENTBIT_PLATFORMS, 'Where it runs: choose systemd (deb/rpm package), docker or kubernetes.', 'systemd'),
  },
  { error: agentOptionsError('Fluent Bit', 'Fluent Bit options: expected an object such as {}.') },
);

export type FluentbitOptions = z.output<typeof fluentbitOptionsSchema>;
