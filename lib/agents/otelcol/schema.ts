/**
 * OpenTelemetry Collector options: which release line the exporter block
 * must fit (v0.124.0 moved topic/encoding under each signal and TLS to the
 * top level), a complete config or the exporter alone, the receiver, the
 * files to read, the logs encoding, extra signals and compression. Always
 * rendered, never offered: protocol_version 2.1.0, required_acks 1, a TLS
 * block. Sources: docs/agents/otelcol.md (exporter/kafkaexporter config.go,
 * pkg/kafka/configkafka config.go).
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { absoluteLogPathProblem, agentOptionsError, choice } from '../common/options-schema';

/** `post124`: v0.124.0 and later; `pre124`: v0.100.0 up to v0.123.x. */
export const OTELCOL_VERSIONS = ['post124', 'pre124'] as const;
export type OtelcolVersion = (typeof OTELCOL_VERSIONS)[number];

export const OTELCOL_MODES = ['complete', 'output-only'] as const;
export const OTELCOL_RECEIVERS = ['filelog', 'otlp'] as const;

/** `raw`: one message per log record (no key); `otlp_json`: one message per batch. `otlp_proto` is binary in SLS: not offered. */
export const OTELCOL_LOGS_ENCODINGS = ['raw', 'otlp_json'] as const;

export const OTELCOL_EXTRA_SIGNALS = ['metrics', 'traces'] as const;
export type OtelcolSignal = 'logs' | (typeof OTELCOL_EXTRA_SIGNALS)[number];

const MAX_PATHS = 64;

export function logPathProblem(value: string): string | undefined {
  const label = 'Files to collect';
  const problem = absoluteLogPathProblem(label, value);
  if (problem) return problem;
  // The collector expands ${env:X}, ${X} and $$ in every string value; a literal “$” has no spelling that works in every release.
  if (value.includes('$')) return `${label}: remove the “$”; the collector would read it as a variable.`;
  return undefined;
}

export const otelcolOptionsSchema = z
  .strictObject(
    {
      version: choice(OTELCOL_VERSIONS, 'Collector version: choose “post124” (v0.124.0 or later) or “pre124” (before v0.124.0); run otelcol-contrib --version.', 'post124'),
      mode: choice(OTELCOL_MODES, 'What to generate: choose “complete” (a whole config.yaml) or “output-only” (the kafka exporter alone).', 'complete'),
      /** Read only in complete mode. */
      receiver: choice(OTELCOL_RECEIVERS, 'Receiver: choose “filelog” (log files) or “otlp” (from applications).', 'filelog'),
      /** Read only in complete mode with the filelog receiver. */
      logPaths: z
        .array(
          z.string({ error: 'Files to collect: expected text such as /var/log/*.log.' }).superRefine((value, ctx) => {
            const message = logPathProblem(value);
            if (message) ctx.addIssue({ code: 'custom', message });
          }),
          { error: 'Files to collect: expected a list such as ["/var/log/*.log"].' },
        )
        .min(1, { error: 'Files to collect: enter at least one, for example /var/log/*.log.' })
        .max(MAX_PATHS, { error: `Files to collect: enter at most ${MAX_PATHS}; use wildcards to cover more.` })
        .default(() => ['/var/log/*.log']),
      logsEncoding: choice(OTELCOL_LOGS_ENCODINGS, 'Log encoding: choose “raw” (one SLS log per record) or “otlp_json” (one per batch).', 'raw'),
      extraSignals: z
        .array(z.enum(OTELCOL_EXTRA_SIGNALS, { error: 'Also send: choose metrics, traces, or neither.' }), {
          error: 'Also send: expected a list such as ["metrics"].',
        })
        .max(OTELCOL_EXTRA_SIGNALS.length, { error: 'Also send: choose metrics, traces, or neither.' })
        .refine((list) => new Set(list).size === list.length, { error: 'Also send: name each signal once.' })
        .default(() => []),
      compression: choice(CODECS, `Compression: choose one of ${CODECS.join(', ')}.`, 'gzip'),
    },
    { error: agentOptionsError('OpenTelemetry Collector', 'OpenTelemetry Collector options: expected an object such as {}.') },
  )
  .superRefine((options, ctx) => {
    if (options.version === 'pre124' && options.extraSignals.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['extraSignals'],
        message: 'Also send: metrics and traces need their own topic settings, which arrived in v0.124.0; choose “v0.124.0 or later” or clear them.',
      });
    }
  });

export type OtelcolOptions = z.output<typeof otelcolOptionsSchema>;
