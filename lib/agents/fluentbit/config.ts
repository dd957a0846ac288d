/**
 * The Fluent Bit pipeline for SLS as data (sections of `Key value` entries
 * with comments), and its two spellings: the classic format and YAML. The
 * kafka output always has TLS (SASL_SSL, verification left on), SASL PLAIN,
 * topic = Logstore (or `<logstore>.json`), no message key, acks 1 and
 * idempotence off. Option facts: docs/agents/fluentbit.md.
 */
import { dump } from 'js-yaml';
import type { RenderContext } from '../context';
import type { FluentbitOptions } from './schema';
import { caLocation, tailDbPath } from './layout';
import {
  classicComment,
  classicLine,
  fluentBitLiteral,
  fluentBitReference,
} from '../../config-languages/fluentbit-classic/quote';

/** One property: key as the classic examples spell it (YAML writes it lower-case), a checked value. */
export interface Entry {
  key: string;
  value: string | number;
  comment?: readonly string[];
}

export interface Section {
  kind: 'service' | 'input' | 'output';
  comment?: readonly string[];
  entries: Entry[];
}

const CLASSIC_HEADERS: Readonly<Record<Section['kind'], string>> = { service: '[SERVICE]', input: '[INPUT]', output: '[OUTPUT]' };
const INDENT = '    ';

export function serviceSection(): Section {
  return {
    kind: 'service',
    entries: [
      { key: 'Flush', value: 1, comment: ['Send buffered records every second.'] },
      { key: 'Log_Level', value: 'info' },
    ],
  };
}

export function tailInputSection(options: FluentbitOptions): Section {
  return {
    kind: 'input',
    comment: ['What to collect: new lines of these files.'],
    entries: [
      { key: 'Name', value: 'tail' },
      { key: 'Tag', value: 'host.logs' },
      { key: 'Path', value: fluentBitLiteral('Files to collect', options.logPath) },
      { key: 'DB', value: tailDbPath(options), comment: ['Remembers how far each file was read, across restarts.'] },
      { key: 'Mem_Buf_Limit', value: '16MB' },
      { key: 'Skip_Long_Lines', value: 'On' },
    ],
  };
}

export function kafkaOutputSection(ctx: RenderContext, options: FluentbitOptions): Section {
  const ca = caLocation(ctx, options);
  const password =
    ctx.secretMode === 'env'
      ? {
          key: 'rdkafka.sasl.password',
          value: fluentBitReference(ctx.passwordEnvVar),
          comment: [`From the service environment (${ctx.passwordEnvVar}); unset, the producer cannot start.`],
        }
      : { key: 'rdkafka.sasl.password', value: fluentBitLiteral('SASL password', ctx.password), comment: ['A "#" inside a value is literal: only a line starting with "#" is a comment.'] };
  return {
    kind: 'output',
    comment: [
      ctx.sandbox ? 'The wizard sandbox: a local stand-in for the SLS Kafka endpoint.' : 'Alibaba Cloud SLS through its Kafka endpoint (10012 internet, 10011 intranet).',
    ],
    entries: [
      { key: 'Name', value: 'kafka' },
      { key: 'Match', value: '*', comment: ['Every record; in your own config, match the tags of your inputs.'] },
      { key: 'Brokers', value: fluentBitLiteral('Bootstrap server', ctx.endpoint.bootstrap) },
      {
        key: 'Topics',
        value: fluentBitLiteral('Topic', ctx.topic),
        comment: [ctx.expandJson ? 'Logstore + ".json": SLS expands each JSON message into fields.' : 'The Logstore: SLS stores each message in the field "content".'],
      },
      {
        key: 'Format',
        value: 'json',
        comment: ['One JSON object per record, its time in @timestamp.', 'No Message_Key: records carry no key, so librdkafka spreads them over all shards.'],
      },
      { key: 'Timestamp_Key', value: '@timestamp' },
      { key: 'Timestamp_Format', value: options.timestampFormat },
      { key: 'rdkafka.client.id', value: fluentBitReference('HOSTNAME', 'fluent-bit-'), comment: ['Names this host in broker logs (Fluent Bit presets ${HOSTNAME}).'] },
      { key: 'rdkafka.security.protocol', value: 'SASL_SSL', comment: ['TLS on, certificate and host name verified (librdkafka defaults, never turned off).'] },
      ...(ca ? [{ key: 'rdkafka.ssl.ca.location', value: fluentBitLiteral('CA certificate file', ca), comment: [ctx.sandbox ? 'The sandbox CA, downloaded in the steps.' : 'Trust the CAs in this PEM file.'] }] : []),
      { key: 'rdkafka.sasl.mechanisms', value: 'PLAIN', comment: ['SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.'] },
      { key: 'rdkafka.sasl.username', value: fluentBitLiteral('SASL username', ctx.username) },
      password,
      { key: 'rdkafka.compression.codec', value: options.compression },
      { key: 'rdkafka.request.required.acks', value: 1, comment: ['The leader (SLS) acknowledges each batch.'] },
      { key: 'rdkafka.enable.idempotence', value: 'false', comment: ['SLS supports no idempotent producer.'] },
    ],
  };
}

export function pipelineSections(ctx: RenderContext, options: FluentbitOptions): Section[] {
  return options.mode === 'complete'
    ? [serviceSection(), tailInputSection(options), kafkaOutputSection(ctx, options)]
    : [kafkaOutputSection(ctx, options)];
}

/** The classic `.conf` text: `[SECTION]` headers, 4-space indented `Key value` lines, `#` comments. */
export function renderClassic(header: readonly string[], sections: readonly Section[]): string {
  const lines = header.map((text) => classicComment(text));
  for (const section of sections) {
    lines.push('');
    for (const text of section.comment ?? []) lines.push(classicComment(text));
    lines.push(CLASSIC_HEADERS[section.kind]);
    const width = Math.max(...section.entries.map((e) => e.key.length));
    for (const entry of section.entries) {
      for (const text of entry.comment ?? []) lines.push(classicComment(text, INDENT));
      lines.push(classicLine(INDENT, entry.key, String(entry.value), width));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Words YAML 1.1 or 1.2 reads as booleans or null (compared lower-case). */
const YAML_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
/** Starts with a letter or `/`, then only characters that are never YAML syntax and cannot make a number or date. */
const PLAIN = /^[A-Za-z/][A-Za-z0-9_./-]*$/;

/**
 * One YAML scalar: numbers and plain words as they are, everything else as
 * js-yaml writes it (quoted when YAML would read it as something else).
 * The fast path matters: js-yaml's dump costs ~50 µs per call.
 */
function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (PLAIN.test(value) && !YAML_WORDS.has(value.toLowerCase())) return value;
  return dump(value, { lineWidth: -1 }).replace(/\n$/, '');
}

function yamlComment(text: string, indent: number): string {
  return `${' '.repeat(indent)}${classicComment(text)}`;
}

/** The YAML text: `service` map, `pipeline.inputs` / `pipeline.outputs` lists, lower-case keys. */
export function renderYaml(header: readonly string[], sections: readonly Section[]): string {
  const lines = header.map((text) => yamlComment(text, 0));
  const entryLines = (entries: readonly Entry[], indent: number, firstPrefix?: string) => {
    entries.forEach((entry, i) => {
      for (const text of entry.comment ?? []) lines.push(yamlComment(text, indent));
      const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      // Keys are ours: checked by classicLine's key rule before they get here.
      classicLine(INDENT, entry.key, String(entry.value));
      lines.push(`${lead}${entry.key.toLowerCase()}: ${yamlScalar(entry.value)}`);
    });
  };
  const service = sections.find((s) => s.kind === 'service');
  if (service) {
    lines.push('service:');
    entryLines(service.entries, 2);
  }
  lines.push('pipeline:');
  for (const kind of ['input', 'output'] as const) {
    const list = sections.filter((s) => s.kind === kind);
    if (list.length === 0) continue;
    lines.push(`  ${kind}s:`);
    for (const section of list) {
      for (const text of section.comment ?? []) lines.push(yamlComment(text, 4));
      // Comments of the first entry go above the "- " line.
      const [first, ...rest] = section.entries;
      if (!first) continue;
      for (const text of first.comment ?? []) lines.push(yamlComment(text, 4));
      entryLines([{ ...first, comment: [] }, ...rest], 6, '    - ');
    }
  }
  return `${lines.join('\n')}\n`;
}
