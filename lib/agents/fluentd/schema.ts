/**
 * Fluentd options: which package the host runs, which events go to SLS (the
 * `<match>` pattern), how fluent-plugin-kafka's `kafka2` output sends them
 * (codec, acks, format) and how the file buffer behaves. Every field has a
 * default, so `{}` renders a working config. Free-text fields are checked
 * here against what the Fluentd config language can carry safely.
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { choice, strictObjectError } from '../common/options-schema';

export const FLUENTD_PACKAGES = ['fluent-package', 'td-agent'] as const;
export const FLUENTD_COMPRESSIONS = CODECS;
export const FLUENTD_ACKS = ['all', 'leader'] as const;
export const FLUENTD_FORMATS = ['json', 'single_value'] as const;
export const FLUENTD_CA_MODES = ['system', 'file'] as const;
/** What the buffer does when total_limit_size is reached (docs.fluentd.org configuration/buffer-section). */
export const FLUENTD_OVERFLOW_ACTIONS = ['block', 'drop_oldest_chunk', 'throw_exception'] as const;

/** One tag pattern of a `<match>` directive: tag parts, `*`, `**` and `{a,b}`. */
const MATCH_PATTERN_PART = /^[A-Za-z0-9_.*{},-]+$/;

/**
 * Why a `<match>` pattern cannot be used, or undefined. The pattern is a
 * directive argument, which older Fluentd versions read unquoted up to `>`;
 * so it is limited to the characters tag patterns use, separated by single
 * spaces, with balanced braces.
 */
export function matchPatternProblem(value: string): string | undefined {
  const label = 'Match pattern';
  if (value.length === 0) return `${label}: enter a tag pattern such as ** (all events) or app.**.`;
  if (value.length > 256) return `${label}: shorten it to 256 characters or fewer.`;
  if (value !== value.trim() || value.includes('  ')) {
    return `${label}: separate patterns with single spaces and remove spaces at the start and end.`;
  }
  for (const part of value.split(' ')) {
    if (!MATCH_PATTERN_PART.test(part)) {
      return `${label}: use only letters, digits, “_”, “-”, “.”, “*”, “{”, “}” and “,” (for example app.** or {nginx,apache}.access).`;
    }
    let depth = 0;
    for (const c of part) {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      if (depth < 0 || depth > 1) return `${label}: use braces as {a,b}, one level deep and balanced.`;
    }
    if (depth !== 0) return `${label}: use braces as {a,b}, one level deep and balanced.`;
  }
  return undefined;
}

/**
 * Why an absolute file path cannot be used, or undefined. Control characters
 * (newlines above all) and unpaired UTF-16 surrogates cannot be written into a
 * config file faithfully; surrounding spaces would be stripped by Fluentd.
 */
function absolutePathProblem(label: string, example: string, value: string): string | undefined {
  if (!value.startsWith('/')) return `${label}: enter an absolute path such as ${example}.`;
  if (value.length > 1024) return `${label}: shorten it to 1024 characters or fewer.`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${label}: remove the line break or control character.`;
  if (/\p{Cs}/u.test(value)) return `${label}: remove the broken (unpaired surrogate) character.`;
  if (value !== value.trim()) return `${label}: remove the spaces at the start and end.`;
  return undefined;
}

/** Size in bytes of a Fluentd size value such as `512k` or `1m`, or undefined. */
export function fluentdSizeBytes(value: string): number | undefined {
  const m = /^([1-9][0-9]{0,5})([kmg])$/.exec(value);
  if (!m) return undefined;
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2] as 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function sizeField(label: string, example: string, min: number, max: number, minText: string, maxText: string) {
  return z
    .string({ error: `${label}: enter a size such as ${example}.` })
    .superRefine((value, ctx) => {
      const bytes = fluentdSizeBytes(value);
      if (bytes === undefined) {
        ctx.addIssue({ code: 'custom', message: `${label}: enter a number with k, m or g, such as ${example}.` });
      } else if (bytes < min || bytes > max) {
        ctx.addIssue({ code: 'custom', message: `${label}: choose a size from ${minText} to ${maxText}.` });
      }
    });
}

export const fluentdOptionsSchema = z
  .strictObject(
    {
      /** `fluent-package` (v5 and later, /etc/fluent) or the end-of-life `td-agent` 4 (/etc/td-agent). */
      package: choice(FLUENTD_PACKAGES, 'Package: choose “fluent-package” (Fluentd v5 and later) or “td-agent” (td-agent 4).', 'fluent-package'),
      /** The `<match>` tag pattern: which events go to SLS. */
      match: z
        .string({ error: 'Match pattern: enter a tag pattern such as ** (all events) or app.**.' })
        .superRefine((value, ctx) => {
          const message = matchPatternProblem(value);
          if (message) ctx.addIssue({ code: 'custom', message });
        })
        .default('**'),
      /** Codec by name; gzip is built in, the others need a gem (see the steps). */
      compression: choice(FLUENTD_COMPRESSIONS, 'Compression: choose none, gzip, snappy, lz4 or zstd.', 'gzip'),
      /** `all` → required_acks -1, `leader` → required_acks 1. */
      acks: choice(FLUENTD_ACKS, 'Acks: choose “all” (required_acks -1) or “leader” (required_acks 1).', 'all'),
      /** `json`: the whole record as JSON; `single_value`: only the `message` field, as plain text. */
      format: choice(FLUENTD_FORMATS, 'Format: choose “json” or “single_value” (the message field as plain text).', 'json'),
      /** Add the Fluentd tag to each record as field `tag`. */
      includeTag: z.boolean({ error: 'Include tag: expected true or false.' }).default(true),
      /** Add the event time to each record as field `time` (ISO 8601). */
      includeTime: z.boolean({ error: 'Include time: expected true or false.' }).default(false),
      /** Send the event time as the Kafka record timestamp, which SLS stores as __time__. */
      useEventTime: z.boolean({ error: 'Use event time: expected true or false.' }).default(true),
      /** Trust the system CA store (`system`) or one PEM file (`file`, path in caPath). Ignored for the sandbox. */
      caMode: choice(FLUENTD_CA_MODES, 'CA mode: choose “system” (the OS trust store) or “file” (a PEM file).', 'system'),
      /** PEM CA file for caMode `file`. */
      caPath: z.string({ error: 'CA path: enter an absolute path such as /etc/ssl/certs/ca-certificates.crt.' }).default(''),
      /** File buffer directory; empty means the package's default under /var/log. */
      bufferPath: z.string({ error: 'Buffer path: enter an absolute path such as /var/log/fluent/buffer/sls-kafka.' }).default(''),
      /** Seconds between buffer flushes. */
      flushInterval: z
        .number({ error: 'Flush interval: enter a number of seconds such as 5.' })
        .int('Flush interval: enter whole seconds such as 5.')
        .min(1, 'Flush interval: enter at least 1 second.')
        .max(3600, 'Flush interval: enter at most 3600 seconds (one hour).')
        .default(5),
      /** Largest buffer chunk; one chunk is sent as one batch, so keep it near Kafka's 1 MB message limit. */
      chunkLimitSize: sizeField('Chunk limit size', '1m', 64 * 1024, 8 * 1024 ** 2, '64k', '8m').default('1m'),
      /** Cap on the whole buffer on disk, so an outage cannot fill the disk. */
      totalLimitSize: sizeField('Total limit size', '1g', 16 * 1024 ** 2, 512 * 1024 ** 3, '16m', '512g').default('1g'),
      /** `block` (default): inputs wait while the buffer is full, so a long outage loses nothing that in_tail can re-read. */
      overflowAction: choice(
        FLUENTD_OVERFLOW_ACTIONS,
        'Overflow action: choose “block” (inputs wait), “drop_oldest_chunk” (keep fresh events) or “throw_exception” (refuse new events).',
        'block',
      ),
      /** Write ruby-kafka's own log lines into the Fluentd log (for troubleshooting). */
      kafkaClientLog: z.boolean({ error: 'Kafka client log: expected true or false.' }).default(false),
    },
    {
      error: strictObjectError(
        ({ keys, s, them }) => `Unknown Fluentd option${s} ${keys}: remove ${them}.`,
        'Fluentd options: expected an object, e.g. {} for the defaults.',
      ),
    },
  )
  .superRefine((options, ctx) => {
    if (options.caMode === 'file') {
      const message =
        options.caPath === ''
          ? 'CA path: enter the PEM file to trust, such as /etc/ssl/certs/ca-certificates.crt, or set CA mode to “system”.'
          : (absolutePathProblem('CA path', '/etc/ssl/certs/ca-certificates.crt', options.caPath) ??
            // kafka2 reads ssl_ca_cert as a comma-separated list.
            (options.caPath.includes(',') ? 'CA path: remove the comma; Fluentd reads this setting as a comma-separated list.' : undefined));
      if (message) ctx.addIssue({ code: 'custom', path: ['caPath'], message });
    }
    if (options.bufferPath !== '') {
      const message = absolutePathProblem('Buffer path', '/var/log/fluent/buffer/sls-kafka', options.bufferPath);
      if (message) ctx.addIssue({ code: 'custom', path: ['bufferPath'], message });
    }
  });

export type FluentdOptions = z.output<typeof fluentdOptionsSchema>;
