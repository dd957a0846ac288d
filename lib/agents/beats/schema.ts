/**
 * Beats options: which Beats get a config, which Beats major version they
 * run, whether the wizard writes the `output.kafka` section alone or a
 * complete minimal config, and the few producer settings worth choosing.
 * Every message names the field and says the fix.
 * Sources: docs/agents/beats.md (libbeat's Kafka output and its sarama producer).
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { agentOptionsError, choice } from '../common/options-schema';

export const BEAT_NAMES = ['filebeat', 'metricbeat', 'packetbeat', 'winlogbeat', 'auditbeat', 'heartbeat'] as const;
export type BeatName = (typeof BEAT_NAMES)[number];

/** Beats majors with different Kafka output facts (zstd, `headers`, default protocol version). */
export const BEATS_VERSIONS = ['7.17', '8', '9'] as const;
export type BeatsVersion = (typeof BEATS_VERSIONS)[number];

export const BEATS_COMPRESSIONS = CODECS;
export type BeatsCompression = (typeof BEATS_COMPRESSIONS)[number];

/**
 * SLS stores log entries of at most 1 MB (docs/sls.md#limits); a larger Kafka
 * message would only be rejected by the server, so Beats may as well drop it.
 */
export const MAX_MESSAGE_BYTES_LIMIT = 1_048_576;

const MAX_LIST_ENTRIES = 64;
const MAX_TEXT_LENGTH = 2048;

/** Characters that cannot be part of a one-line value: controls, line/paragraph separators, lone surrogates. */
const NOT_ONE_LINE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;

/** `/var/log/*.log`, `C:\logs\*.log`, `C:/logs/*.log`, `\\server\share\*.log`. */
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

export function logPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'Log paths: enter a path such as /var/log/*.log, or remove the empty entry.';
  if (path.length > MAX_TEXT_LENGTH) return `Log paths: shorten this path to at most ${MAX_TEXT_LENGTH} characters.`;
  if (NOT_ONE_LINE.test(path)) {
    return 'Log paths: remove the line break or control character; each path is one line of text.';
  }
  if (path.trim() !== path) return 'Log paths: remove the spaces at the start or end of the path.';
  if (!ABSOLUTE_PATH.test(path)) {
    return 'Log paths: use an absolute path such as /var/log/*.log or C:\\logs\\*.log.';
  }
  return undefined;
}

export function heartbeatUrlProblem(url: string): string | undefined {
  if (url.length === 0) return 'Heartbeat URLs: enter a URL such as http://localhost:80, or remove the empty entry.';
  if (url.length > MAX_TEXT_LENGTH) return `Heartbeat URLs: shorten this URL to at most ${MAX_TEXT_LENGTH} characters.`;
  if (/\s/u.test(url) || NOT_ONE_LINE.test(url)) {
    return 'Heartbeat URLs: remove spaces, line breaks and control characters; write a space inside a URL as %20.';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Heartbeat URLs: enter a full URL with scheme and host, such as https://example.com/health.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'Heartbeat URLs: use an http:// or https:// URL; the http monitor checks web endpoints.';
  }
  return undefined;
}

function checkedText(problem: (value: string) => string | undefined, label: string) {
  return z.string({ error: `${label}: expected text.` }).superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

function textList(problem: (value: string) => string | undefined, label: string, example: string) {
  return z
    .array(checkedText(problem, label), { error: `${label}: expected a list such as ["${example}"].` })
    .min(1, { error: `${label}: enter at least one, for example ${example}.` })
    .max(MAX_LIST_ENTRIES, { error: `${label}: enter at most ${MAX_LIST_ENTRIES}; use wildcards to cover more.` });
}

export const beatsOptionsSchema = z
  .strictObject(
    {
      /** One `<beat>.yml` per entry. */
      beats: z
        .array(z.enum(BEAT_NAMES, { error: `Beats: choose from ${BEAT_NAMES.join(', ')}.` }), {
          error: 'Beats: expected a list such as ["filebeat"].',
        })
        .min(1, { error: 'Beats: choose at least one Beat, for example filebeat.' })
        .default((): BeatName[] => ['filebeat']),
      /** The Beats major version that will read the file. */
      version: choice(BEATS_VERSIONS, 'Beats version: choose 7.17, 8 or 9 (the major version you run).', '8'),
      /** `output`: the `output.kafka` section to paste; `complete`: a minimal config with an input. */
      mode: z
        .enum(['output', 'complete'], {
          error: 'Mode: choose “output” (the output.kafka section to paste) or “complete” (a whole minimal config).',
        })
        .default('output'),
      compression: choice(BEATS_COMPRESSIONS, `Compression: choose one of ${BEATS_COMPRESSIONS.join(', ')}.`, 'gzip'),
      /** Kafka `required_acks`: 0 none, 1 leader, -1 all replicas. */
      acks: z
        .union([z.literal(0), z.literal(1), z.literal(-1)], {
          error: 'Required acks: choose 1 (recommended), 0 (no acknowledgement, may lose data) or -1 (all replicas).',
        })
        .default(1),
      maxMessageBytes: z
        .number({ error: 'Max message bytes: enter a whole number such as 1000000.' })
        .int({ error: 'Max message bytes: enter a whole number such as 1000000.' })
        .min(1, { error: 'Max message bytes: enter at least 1 (the default is 1000000).' })
        .max(MAX_MESSAGE_BYTES_LIMIT, {
          error: `Max message bytes: enter at most ${MAX_MESSAGE_BYTES_LIMIT}; SLS accepts log entries of up to 1 MB.`,
        })
        .default(1_000_000),
      /**
       * `json` (libbeat default): the whole event as JSON in `content`;
       * `line`: only the raw log line (`codec.format` `%{[message]}`), Filebeat only.
       */
      codec: z
        .enum(['json', 'line'], { error: 'Codec: choose “json” (the whole event as JSON) or “line” (only the raw log line, Filebeat).' })
        .default('json'),
      /** Filebeat `filestream` paths (complete mode). */
      paths: textList(logPathProblem, 'Log paths', '/var/log/*.log').default(() => ['/var/log/*.log']),
      /** Heartbeat http monitor URLs (complete mode). */
      heartbeatUrls: textList(heartbeatUrlProblem, 'Heartbeat URLs', 'http://localhost:80').default(() => [
        'http://localhost:80',
      ]),
    },
    { error: agentOptionsError('Beats', 'Beats options: expected an object such as { "beats": ["filebeat"] }.') },
  )
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.beats.forEach((beat, index) => {
      if (seen.has(beat)) {
        ctx.addIssue({ code: 'custom', path: ['beats', index], message: `Beats: ${beat} is listed twice; keep it once.` });
      }
      seen.add(beat);
    });
    // Only Filebeat events carry the raw line in `message`; other Beats would send empty strings.
    if (options.codec === 'line' && options.beats.some((beat) => beat !== 'filebeat')) {
      ctx.addIssue({
        code: 'custom',
        path: ['codec'],
        message: 'Codec: “line” sends the message field, which only Filebeat events have; choose “json”, or keep only filebeat in Beats.',
      });
    }
    // 7.17 and 8.x only know none/gzip/snappy/lz4 (libbeat compressionModes); zstd arrived with 9.x.
    if (options.compression === 'zstd' && options.version !== '9') {
      ctx.addIssue({
        code: 'custom',
        path: ['compression'],
        message: `Compression: Beats ${options.version} has no zstd; choose gzip (or lz4, snappy, none), or set Beats version to 9.`,
      });
    }
  });

export type BeatsOptionsInput = z.input<typeof beatsOptionsSchema>;
export type BeatsOptions = z.output<typeof beatsOptionsSchema>;
