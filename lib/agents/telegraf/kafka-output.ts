/**
 * The `[[outputs.kafka]]` block for SLS: brokers, topic, pinned protocol
 * version, no message key, codec, acks, TLS switched on the way the chosen
 * Telegraf release understands, SASL PLAIN and JSON messages.
 * Option names and defaults: influxdata/telegraf plugins/outputs/kafka
 * (sample.conf, kafka.go) and plugins/common/kafka (config.go, sasl.go).
 */
import type { TelegrafCompression, TelegrafOptions, TelegrafOsFamily } from './schema';
import type { RenderContext } from '../context';
import type { TomlLine } from '../../config-languages/toml/lines';
import { clientIdTemplate, HOST_PLACEHOLDER } from '../client-id';
import { hostFormCommentLines } from '../host-form';

/** Metrics per write: about 0.5 MB of JSON at typical sizes, well under the 5 MB SLS write limit. */
export const METRIC_BATCH_SIZE = 1000;

export const TELEGRAF_CONFIG_DIR = '/etc/telegraf';

/** The system CA bundle (one PEM file; Telegraf reads `tls_ca` with os.ReadFile) per Linux family. */
export const SYSTEM_CA_BUNDLES: Readonly<Record<Exclude<TelegrafOsFamily, 'custom'>, string>> = {
  debian: '/etc/ssl/certs/ca-certificates.crt',
  rhel: '/etc/pki/tls/certs/ca-bundle.crt',
  suse: '/etc/ssl/ca-bundle.pem',
};

/** `compression_codec` takes sarama's codec numbers only, in every release. */
export const COMPRESSION_CODECS: Readonly<Record<TelegrafCompression, number>> = {
  none: 0,
  gzip: 1,
  snappy: 2,
  lz4: 3,
  zstd: 4,
};

/** SLS documents Kafka 2.1.0 as its minimum protocol version; 2.1.0 is also the lowest version sarama allows zstd with. */
export const KAFKA_PROTOCOL_VERSION = '2.1.0';

/** sarama's default and the SLS examples' value. */
export const MAX_MESSAGE_BYTES = 1_000_000;

const ACKS_COMMENT: Readonly<Record<TelegrafOptions['acks'], string>> = {
  1: 'Acks 1: the leader (SLS) acknowledges each batch; Telegraf alone would default to -1.',
  [-1]: 'Acks -1: wait for all in-sync replicas (Telegraf default).',
  0: 'Acks 0: no acknowledgement; fastest, but failed writes go unnoticed.',
};

export interface CaFile {
  path: string;
  /** Why the file names a CA instead of relying on enable_tls and the system store. */
  reason: 'sandbox' | 'custom' | 'tls-switch';
}

/**
 * The file `tls_ca` names, or undefined when Telegraf (1.25+) uses the
 * system store through `enable_tls`. On 1.17–1.24 a TLS option must be set
 * for TLS to be on at all, so the OS family's bundle is named there.
 */
export function caFileFor(ctx: RenderContext, options: TelegrafOptions): CaFile | undefined {
  if (ctx.sandbox) return { path: `${TELEGRAF_CONFIG_DIR}/${ctx.sandbox.caFileName}`, reason: 'sandbox' };
  if (options.osFamily === 'custom') return { path: options.caPath, reason: 'custom' };
  if (options.telegrafVersion === '1.17-1.24') return { path: SYSTEM_CA_BUNDLES[options.osFamily], reason: 'tls-switch' };
  return undefined;
}

function tlsLines(ctx: RenderContext, options: TelegrafOptions): TomlLine[] {
  const caFile = caFileFor(ctx, options);
  const lines: TomlLine[] = [];
  if (options.telegrafVersion === '1.25+') {
    lines.push({ comment: 'TLS on and verified (enable_tls is honoured from Telegraf 1.25).' });
    lines.push({ key: 'enable_tls', value: { boolean: true } });
  } else {
    lines.push({ comment: 'TLS: Telegraf 1.17-1.24 ignores enable_tls and turns TLS on only when a TLS' });
    lines.push({ comment: 'option such as tls_ca is set, so tls_ca is required here.' });
  }
  if (caFile) {
    const why: Record<CaFile['reason'], string> = {
      sandbox: 'Trust the sandbox CA downloaded from the wizard (a PEM file).',
      custom: 'Trust only the CAs in this PEM file (a file, not a directory).',
      'tls-switch': 'The system CA bundle (a PEM file, not a directory).',
    };
    lines.push({ comment: why[caFile.reason] });
    lines.push({ key: 'tls_ca', value: { string: caFile.path } });
  }
  lines.push({ key: 'insecure_skip_verify', value: { boolean: false } });
  return lines;
}

function saslLines(ctx: RenderContext): TomlLine[] {
  return [
    { comment: 'SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.' },
    { comment: 'Handshake v1 follows from version >= 1.0.0, so sasl_version stays unset.' },
    { key: 'sasl_mechanism', value: { string: 'PLAIN' } },
    { key: 'sasl_username', value: { string: secretFieldValue('sasl_username', ctx.username) } },
    ctx.secretMode === 'env'
      ? { key: 'sasl_password', value: { env: ctx.passwordEnvVar } }
      : { key: 'sasl_password', value: { string: secretFieldValue('sasl_password', ctx.password) } },
  ];
}

/**
 * Telegraf 1.27+ resolves `@{store:key}` in secret-typed fields after parsing,
 * and offers no escape for it. The settings schema already limits projects
 * and AccessKeys to letters, digits, `-` and `#`; this guards the invariant.
 */
function secretFieldValue(key: string, value: string): string {
  if (/@\{\w+:\w+\}/.test(value)) {
    throw new RangeError(`${key}: a value containing a secret-store reference “@{…:…}” cannot be written literally.`);
  }
  return value;
}

export function kafkaOutputLines(ctx: RenderContext, options: TelegrafOptions): TomlLine[] {
  return [
    { table: 'outputs.kafka', array: true },
    ctx.sandbox
      ? { comment: 'The wizard sandbox: a local stand-in for the SLS Kafka endpoint.' }
      : { comment: 'SLS Kafka endpoint: port 10012 from the internet, 10011 inside Alibaba Cloud.' },
    ...hostFormCommentLines(ctx, '').map((line): TomlLine => ({ comment: line.trimStart() })),
    { key: 'brokers', value: { strings: [ctx.endpoint.bootstrap] } },
    { comment: `Names this agent and host in the broker's logs; the install step puts the host name in place of ${HOST_PLACEHOLDER}.` },
    { key: 'client_id', value: { string: clientIdTemplate('telegraf') } },
    ctx.expandJson
      ? { comment: 'Topic = Logstore + ".json": SLS expands each JSON message into fields.' }
      : { comment: 'Topic = Logstore: SLS stores each message in the field "content".' },
    { key: 'topic', value: { string: ctx.topic } },
    { comment: 'Pin the Kafka protocol: SLS supports 2.1.0 and later; zstd needs 2.1.0.' },
    { key: 'version', value: { string: KAFKA_PROTOCOL_VERSION } },
    { comment: 'No routing_tag or routing_key: messages carry no key, so each one goes to a' },
    { comment: 'random partition (= SLS shard) and load spreads over all shards.' },
    { comment: `Compression ${options.compression} (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd).` },
    { key: 'compression_codec', value: { integer: COMPRESSION_CODECS[options.compression] } },
    { comment: ACKS_COMMENT[options.acks] },
    { key: 'required_acks', value: { integer: options.acks } },
    { key: 'max_retry', value: { integer: options.maxRetry } },
    { comment: 'A metric larger than this is dropped by sarama; SLS accepts log entries of up to 1 MB.' },
    { key: 'max_message_bytes', value: { integer: MAX_MESSAGE_BYTES } },
    { comment: `At most ${METRIC_BATCH_SIZE} metrics per write (this output's own metric_batch_size): about 0.5 MB of` },
    { comment: 'JSON, well under the 5 MB SLS write limit; flush_interval in [agent] sets how often.' },
    { key: 'metric_batch_size', value: { integer: METRIC_BATCH_SIZE } },
    { comment: 'SLS supports no idempotent (exactly-once) producer.' },
    { key: 'idempotent_writes', value: { boolean: false } },
    { blank: true },
    ...tlsLines(ctx, options),
    { blank: true },
    ...saslLines(ctx),
    { blank: true },
    { comment: 'One JSON document per metric: name, tags, fields, timestamp.' },
    { key: 'data_format', value: { string: 'json' } },
  ];
}
