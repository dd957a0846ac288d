/**
 * The `output.kafka` section every Beat shares (libbeat Kafka output on
 * sarama), written for the SLS Kafka endpoint: SASL PLAIN over verified TLS,
 * protocol 2.1.0, no message key, round-robin over all shards.
 * Sources: docs/agents/beats.md (keystore, Kafka output settings, versions); elastic/beats
 * libbeat/outputs/kafka (config.go, docs/kafka.asciidoc); docs/sls.md#json-parsing.
 */
import type { BeatName, BeatsOptions } from './schema';
import type { RenderContext } from '../context';
import { literal, reference, yamlComment, yamlEntry, type BeatsValue } from '../../config-languages/yaml/text';
import { clientIdTemplate, HOST_PLACEHOLDER } from '../client-id';
import { hostFormCommentLines } from '../host-form';

/**
 * Batching chosen for SLS (libbeat defaults in docs/agents/beats.md: bulk_max_size
 * 2048, compression_level 4): at most 1024 events per Kafka request keeps a request of
 * 1 KB lines near 1 MB, far under the 5 MB SLS write limit.
 */
export const BULK_MAX_SIZE = 1024;
export const COMPRESSION_LEVEL = 4;
/** The memory queue: room for 4096 events while SLS is slow, handed to the output in batches of 1024 or after 1 s. */
export const QUEUE_EVENTS = 4096;
export const QUEUE_FLUSH_MIN_EVENTS = 1024;

/** The Kafka header SLS reads to expand JSON values into fields (docs/sls.md#json-parsing). */
export const JSON_PARSE_HEADER = { key: 'data-parse-format', value: 'json' } as const;

/**
 * `headers` arrived in the Kafka output in 2022 (elastic/beats#29940,
 * #30369, skipped for 7.x backports); 7.17 ignores the key silently, so it
 * falls back to the `<logstore>.json` topic.
 */
export function usesJsonHeader(ctx: RenderContext, options: BeatsOptions): boolean {
  return ctx.expandJson && options.version !== '7.17';
}

export function outputKafkaLines(ctx: RenderContext, options: BeatsOptions, beat: BeatName = options.beats[0] ?? 'filebeat'): string[] {
  const i = 2;
  const header = usesJsonHeader(ctx, options);
  const topic = header ? ctx.logstore : ctx.topic;

  const ssl: { [key: string]: BeatsValue } = {
    enabled: true,
    verification_mode: literal('full'),
  };
  if (ctx.sandbox) {
    // ${path.config} is the Beat's config folder on every platform (/etc/<beat>, /usr/share/<beat> in Docker, the install folder on Windows).
    ssl.certificate_authorities = [reference('path.config', `/${ctx.sandbox.caFileName}`)];
  }

  return [
    'output.kafka:',
    yamlComment(
      ctx.sandbox ? 'The wizard sandbox endpoint (a local trial, not SLS).' : 'The SLS Kafka endpoint: port 10012 on the internet, 10011 inside Alibaba Cloud.',
      i,
    ),
    ...hostFormCommentLines(ctx, '#', '  '),
    ...yamlEntry('hosts', [literal(ctx.endpoint.bootstrap)], i),
    yamlComment(`Names this Beat and host in the broker's logs; the install step puts the host name in place of ${HOST_PLACEHOLDER}.`, i),
    ...yamlEntry('client_id', literal(clientIdTemplate(beat)), i),
    ...(header
      ? [
          yamlComment('The Logstore; the data-parse-format header makes SLS store JSON values as fields.', i),
          ...yamlEntry('topic', literal(topic), i),
          yamlComment('headers needs Beats 8.2 or later; on 8.0 and 8.1 use topic "<logstore>.json" and no headers.', i),
          ...yamlEntry('headers', [{ key: literal(JSON_PARSE_HEADER.key), value: literal(JSON_PARSE_HEADER.value) }], i),
        ]
      : ctx.expandJson
        ? [
            yamlComment('The Logstore with .json: SLS stores JSON values as fields (Beats 7.17 cannot send headers).', i),
            ...yamlEntry('topic', literal(topic), i),
          ]
        : [yamlComment('The Logstore; SLS stores each event in the field "content".', i), ...yamlEntry('topic', literal(topic), i)]),
    yamlComment('SASL PLAIN: the project and "AccessKeyId#AccessKeySecret" (the # is part of the password).', i),
    ...yamlEntry('username', literal(ctx.username), i),
    ...(ctx.secretMode === 'env'
      ? [
          yamlComment(`Resolved at start-up from the Beat keystore, or else the environment variable ${ctx.passwordEnvVar}.`, i),
          ...yamlEntry('password', reference(ctx.passwordEnvVar), i),
        ]
      : [
          yamlComment('This file now holds the AccessKey secret: keep it readable by the Beat only, or use the keystore.', i),
          ...yamlEntry('password', literal(ctx.password), i),
        ]),
    ...yamlEntry('sasl.mechanism', literal('PLAIN'), i),
    yamlComment(
      ctx.sandbox
        ? 'TLS must be switched on explicitly; the sandbox CA file sits next to this config.'
        : 'TLS must be switched on explicitly; the SLS certificate is checked against the system trust store.',
      i,
    ),
    ...yamlEntry('ssl', ssl, i),
    yamlComment(
      options.version === '9'
        ? 'Kafka protocol version: SLS expects 2.x clients (2.1.0 is also the Beats 9 default).'
        : `Kafka protocol version: SLS expects 2.x clients; without this line Beats ${options.version} asks for 1.0.0.`,
      i,
    ),
    ...yamlEntry('version', literal('2.1.0'), i),
    yamlComment('No message key: events rotate over every partition, i.e. every SLS shard.', i),
    ...yamlEntry('partition.round_robin', { reachable_only: false }, i),
    ...yamlEntry('required_acks', options.acks, i),
    ...yamlEntry('compression', literal(options.compression), i),
    ...(options.compression === 'gzip'
      ? [
          yamlComment(`gzip level 1-9: ${COMPRESSION_LEVEL} (the libbeat default) saves most of the bandwidth for little CPU.`, i),
          ...yamlEntry('compression_level', COMPRESSION_LEVEL, i),
        ]
      : []),
    yamlComment('Events larger than this are dropped by the Beat; SLS accepts log entries of up to 1 MB.', i),
    ...yamlEntry('max_message_bytes', options.maxMessageBytes, i),
    yamlComment(`At most ${BULK_MAX_SIZE} events per Kafka request (libbeat default 2048): with 1 KB lines about 1 MB, far under the 5 MB SLS write limit.`, i),
    ...yamlEntry('bulk_max_size', BULK_MAX_SIZE, i),
    ...(options.codec === 'line'
      ? [
          yamlComment('Send only the raw log line as the record (SLS field "content"), not the whole event as JSON.', i),
          ...yamlEntry('codec.format.string', literal('%{[message]}'), i),
        ]
      : [yamlComment('No codec line: each event goes as JSON (the libbeat default); codec.format.string: \'%{[message]}\' sends only the raw line.', i)]),
  ];
}

/** The memory queue between inputs and the output: a top-level section, next to output.kafka. */
export function queueLines(): string[] {
  return [
    yamlComment(`Up to ${QUEUE_EVENTS} events wait in memory while SLS is slow; the output gets batches of`),
    yamlComment(`${QUEUE_FLUSH_MIN_EVENTS} events, or what has gathered after 1 s. Replace any queue.mem already in the file.`),
    'queue.mem:',
    ...yamlEntry('events', QUEUE_EVENTS, 2),
    ...yamlEntry('flush.min_events', QUEUE_FLUSH_MIN_EVENTS, 2),
    ...yamlEntry('flush.timeout', literal('1s'), 2),
  ];
}
