/**
 * The collector config as one YAML tree: receivers, the batch processor, the
 * `kafka` exporter for SLS in the shape of the chosen release line, and the
 * pipelines. Option names and version ranges: docs/agents/otelcol.md and
 * tests/fixtures/agents/otelcol/schema.json.
 */
import type { RenderContext } from '../context';
import { renderYamlDocument, yamlMap, yamlReference, type YamlEntry, type YamlMap, type YamlScalar } from '../../config-languages/yaml/document';
import type { OtelcolOptions, OtelcolSignal } from './schema';

export const OTELCOL_CONFIG_DIR = '/etc/otelcol-contrib';
export const EXPORTER_ID = 'kafka';
/** SLS speaks Kafka up to 2.1.1; 2.1.0 is also zstd's minimum. */
export const KAFKA_PROTOCOL_VERSION = '2.1.0';
/** SLS stores log entries of at most 1 MB. */
export const MAX_MESSAGE_BYTES = 1_000_000;
/** Records per otlp_json message: keeps one batch (= one Kafka message) well under 1 MB. */
export const OTLP_JSON_BATCH = 500;

/**
 * A value the collector must read literally. It expands `${env:X}`, `${X}`
 * and `$$` in string values, with rules that changed between releases, so a
 * `$` is refused rather than escaped.
 */
function literal(field: string, value: string): string {
  if (value.includes('$')) throw new RangeError(`${field}: “${value}” contains “$”, which the collector would expand.`);
  return value;
}

export function sandboxCaPath(ctx: RenderContext): string | undefined {
  return ctx.sandbox ? `${OTELCOL_CONFIG_DIR}/${ctx.sandbox.caFileName}` : undefined;
}

export function signalsOf(options: OtelcolOptions): OtelcolSignal[] {
  return ['logs', ...options.extraSignals];
}

/** Any signal sent as otlp_json: one Kafka message per batch, so batches are capped. */
function batchesAreMessages(options: OtelcolOptions): boolean {
  return options.logsEncoding === 'otlp_json' || options.extraSignals.length > 0;
}

function tlsMap(ctx: RenderContext): YamlMap {
  const caFile = sandboxCaPath(ctx);
  return yamlMap(
    { key: 'insecure', value: false },
    caFile ? { key: 'ca_file', value: caFile, comments: ['Trust the sandbox CA downloaded from the wizard.'] } : undefined,
  );
}

const TLS_COMMENT = 'TLS on and verified (system CAs unless ca_file is set); without this block the exporter talks plain text.';

function exporterMap(ctx: RenderContext, options: OtelcolOptions): YamlMap {
  const post124 = options.version === 'post124';
  const password: YamlScalar =
    ctx.secretMode === 'env' ? yamlReference(`\${env:${ctx.passwordEnvVar}}`) : literal('password', ctx.password);
  const topicComments = [
    ctx.expandJson
      ? 'Topic = Logstore + ".json": SLS expands each JSON message into fields.'
      : 'Topic = Logstore: SLS stores each message in the field "content".',
    options.logsEncoding === 'raw'
      ? 'raw: one message per log record, its body as the value, no key (spread over all shards).'
      : 'otlp_json: one message per exported batch of log records.',
  ];
  const signalEntries: YamlEntry[] = post124
    ? [
        {
          key: 'logs',
          value: yamlMap({ key: 'topic', value: literal('topic', ctx.topic) }, { key: 'encoding', value: options.logsEncoding }),
          comments: topicComments,
        },
        ...options.extraSignals.map(
          (signal): YamlEntry => ({
            key: signal,
            value: yamlMap({ key: 'topic', value: literal('topic', ctx.logstore) }, { key: 'encoding', value: 'otlp_json' }),
            comments: [`${signal === 'metrics' ? 'Metrics' : 'Traces'} as OTLP JSON, one message per batch, into the Logstore.`],
          }),
        ),
      ]
    : [
        { key: 'topic', value: literal('topic', ctx.topic), comments: topicComments },
        { key: 'encoding', value: options.logsEncoding },
      ];
  const sasl = yamlMap(
    { key: 'mechanism', value: 'PLAIN' },
    { key: 'username', value: literal('username', ctx.username) },
    { key: 'password', value: password },
  );
  return yamlMap(
    {
      key: 'brokers',
      value: [literal('brokers', ctx.endpoint.bootstrap)],
      comments: [
        ctx.sandbox
          ? 'The wizard sandbox: a local stand-in for the SLS Kafka endpoint.'
          : 'SLS Kafka endpoint: port 10012 from the internet, 10011 inside Alibaba Cloud.',
      ],
    },
    { key: 'protocol_version', value: KAFKA_PROTOCOL_VERSION, comments: ['SLS speaks Kafka up to 2.1.1; never lower than 2.1.0.'] },
    ...signalEntries,
    {
      key: 'auth',
      value: yamlMap(
        { key: 'sasl', value: sasl, comments: ['SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.'] },
        post124 ? undefined : { key: 'tls', value: tlsMap(ctx), comments: [TLS_COMMENT] },
      ),
    },
    post124 ? { key: 'tls', value: tlsMap(ctx), comments: [TLS_COMMENT] } : undefined,
    {
      key: 'producer',
      value: yamlMap(
        {
          key: 'required_acks',
          value: 1,
          comments: ['Acks 1, never all: all keeps the idempotent producer on, which SLS does not support.'],
        },
        { key: 'compression', value: options.compression },
        { key: 'max_message_bytes', value: MAX_MESSAGE_BYTES },
      ),
    },
  );
}

function receiversMap(options: OtelcolOptions): YamlMap {
  const filelog = options.receiver === 'filelog';
  // Metrics and traces come in over OTLP whatever the log receiver is.
  const otlp = options.receiver === 'otlp' || options.extraSignals.length > 0;
  return yamlMap(
    filelog
      ? {
          key: 'filelog',
          value: yamlMap(
            { key: 'include', value: options.logPaths.map((p) => literal('include', p)) },
            { key: 'start_at', value: 'end', comments: ['Only lines written from now on.'] },
          ),
        }
      : undefined,
    otlp
      ? {
          key: 'otlp',
          comments: ['OTLP from applications on this host only.'],
          value: yamlMap({
            key: 'protocols',
            value: yamlMap(
              { key: 'grpc', value: yamlMap({ key: 'endpoint', value: 'localhost:4317' }) },
              { key: 'http', value: yamlMap({ key: 'endpoint', value: 'localhost:4318' }) },
            ),
          }),
        }
      : undefined,
  );
}

function batchMap(options: OtelcolOptions): YamlMap {
  if (!batchesAreMessages(options)) return yamlMap();
  return yamlMap(
    { key: 'send_batch_size', value: OTLP_JSON_BATCH, comments: ['otlp_json sends a whole batch as one message: keep it well under 1 MB.'] },
    { key: 'send_batch_max_size', value: OTLP_JSON_BATCH },
  );
}

function pipelinesMap(options: OtelcolOptions): YamlMap {
  return yamlMap(
    ...signalsOf(options).map(
      (signal): YamlEntry => ({
        key: signal,
        value: yamlMap(
          { key: 'receivers', value: [signal === 'logs' ? options.receiver : 'otlp'] },
          { key: 'processors', value: ['batch'] },
          { key: 'exporters', value: [EXPORTER_ID] },
        ),
      }),
    ),
  );
}

export function otelcolConfigTree(ctx: RenderContext, options: OtelcolOptions): YamlMap {
  const exporters = yamlMap({ key: EXPORTER_ID, value: exporterMap(ctx, options) });
  if (options.mode === 'output-only') return yamlMap({ key: 'exporters', value: exporters });
  return yamlMap(
    { key: 'receivers', value: receiversMap(options) },
    { key: 'processors', value: yamlMap({ key: 'batch', value: batchMap(options) }) },
    { key: 'exporters', value: exporters },
    { key: 'service', value: yamlMap({ key: 'pipelines', value: pipelinesMap(options) }) },
  );
}

function header(ctx: RenderContext, options: OtelcolOptions): string[] {
  return [
    'OpenTelemetry Collector (contrib) to Alibaba Cloud Simple Log Service (SLS) over its Kafka endpoint.',
    options.version === 'post124' ? 'For otelcol-contrib v0.124.0 or newer.' : 'For otelcol-contrib before v0.124.0.',
    options.mode === 'complete'
      ? `Save as ${OTELCOL_CONFIG_DIR}/config.yaml.`
      : `Add exporters.kafka to your ${OTELCOL_CONFIG_DIR}/config.yaml and "kafka" to the exporters of your pipelines.`,
    ...(ctx.secretMode === 'env' ? ['The password comes from the environment variable SLS_KAFKA_PASSWORD.'] : []),
  ];
}

export function renderOtelcolText(ctx: RenderContext, options: OtelcolOptions): string {
  return renderYamlDocument(header(ctx, options), otelcolConfigTree(ctx, options));
}
