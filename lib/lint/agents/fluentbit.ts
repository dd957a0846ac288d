/**
 * Lint reader for Fluent Bit's `out_kafka`: the classic `.conf` (the
 * grammar-faithful parser in lib/config-languages/fluentbit-classic, which
 * keeps each property's line) or YAML (`pipeline.outputs[]`, read with
 * positions). Keys are case-insensitive; librdkafka properties are the
 * `rdkafka.*` keys. Facts: docs/agents/fluentbit.md.
 */
import { FluentBitClassicParseError, parseFluentBitClassic } from '../../config-languages/fluentbit-classic/parser';
import { parseYamlPositions } from '../../config-languages/yaml/positions';
import type { Block, Edit, Entry, Reading, WriteValue } from '../model';
import { LintParseError, NotThisKind } from './common';
import { librdkafkaReading, prefixedBlock } from './librdkafka';
import { plainYamlValue, yamlBlock } from './yaml-block';

/** A classic value: no quoting exists; `${NAME}` is an environment reference. */
function classicValue(v: WriteValue): string {
  if ('text' in v) return v.text;
  if ('env' in v) return `\${${v.env}}`;
  if ('number' in v) return String(v.number);
  if ('boolean' in v) return v.boolean ? 'true' : 'false';
  if ('list' in v) return v.list.join(',');
  return v.raw;
}

/** The YAML form: a list item of `pipeline.outputs` whose `name` is kafka. */
export const isFluentBitYaml = (content: string) => /^pipeline[ \t]*:/m.test(content) && !/^[ \t]*\[OUTPUT\]/im.test(content);

function classicBlock(content: string): Block {
  let doc;
  try {
    doc = parseFluentBitClassic(content);
  } catch (err) {
    if (err instanceof FluentBitClassicParseError) throw new LintParseError(`Fluent Bit: ${err.message.replace(/^line \d+: /, '')}`, err.line);
    throw err;
  }
  const section = doc.sections.find((s) => s.name.toLowerCase() === 'output' && s.properties.some((p) => p.key === 'name' && p.value.toLowerCase() === 'kafka'));
  if (!section) throw new NotThisKind('a Fluent Bit config without a kafka [OUTPUT]');
  const lines = content.split('\n');
  const entries = new Map<string, Entry>();
  for (const p of section.properties) entries.set(p.key, { key: p.key, value: p.value, line: p.line, endLine: p.line });
  const last = section.properties[section.properties.length - 1]?.line ?? section.line;
  const first = section.properties[0];
  const indent = first ? (/^[ \t]*/.exec(lines[first.line - 1] ?? '')?.[0] ?? '    ') : '    ';
  return {
    line: section.line,
    endLine: last,
    get: (k) => entries.get(k.toLowerCase()),
    set: (k, v): Edit => {
      const e = entries.get(k.toLowerCase());
      // Keep the key as written and the spaces that line the values up.
      if (e) return { from: e.line, to: e.line, lines: [(lines[e.line - 1] ?? '').replace(/^([ \t]*\S+[ \t]+).*$/, (_, head: string) => head + classicValue(v))] };
      return { from: last + 1, to: last, lines: [`${indent}${k} ${classicValue(v)}`] };
    },
    remove: (k) => {
      const e = entries.get(k.toLowerCase());
      return e ? { from: e.line, to: e.line, lines: [] } : undefined;
    },
  };
}

function yamlOutputBlock(content: string): Block {
  const root = parseYamlPositions(content);
  const pipeline = root?.kind === 'map' ? root.entries.find((e) => e.key === 'pipeline')?.value : undefined;
  const outputs = pipeline?.kind === 'map' ? pipeline.entries.find((e) => e.key === 'outputs')?.value : undefined;
  const output =
    outputs?.kind === 'seq'
      ? outputs.items.find((i) => i.kind === 'map' && i.entries.some((e) => e.key.toLowerCase() === 'name' && e.value.kind === 'scalar' && e.value.value?.toLowerCase() === 'kafka'))
      : undefined;
  if (!output || output.kind !== 'map') throw new NotThisKind('a Fluent Bit YAML config without a kafka output');
  const block = yamlBlock({ entries: output.entries, line: output.line, endLine: output.endLine }, plainYamlValue());
  return { ...block, get: (k) => block.get(k) ?? block.get(k.toLowerCase()) };
}

export function readFluentbit(content: string): Reading {
  const yaml = isFluentBitYaml(content);
  const own = yaml ? yamlOutputBlock(content) : classicBlock(content);
  const block = prefixedBlock(own, 'rdkafka.');
  const key = own.get('message_key');
  const topics = own.get('topics');
  const firstTopic = topics?.value?.split(',')[0]?.trim();
  return librdkafkaReading({
    agent: 'fluentbit',
    language: yaml ? 'yaml' : 'fluentbit-classic',
    block,
    header: own.line,
    keys: { bootstrap: 'brokers', topic: 'topics', username: 'rdkafka.sasl.username', password: 'rdkafka.sasl.password', key: 'message_key' },
    bootstrap: own.get('brokers'),
    topic: topics ? { ...topics, value: firstTopic } : undefined,
    constantKey: key?.value ? { value: key.value, line: key.line, remove: () => own.remove('message_key') } : undefined,
    isReference: (e) => /\$\{[A-Za-z_]\w*\}/.test(e.value ?? ''),
    options: {
      format: yaml ? 'yaml' : 'classic',
      timestampFormat: own.get('timestamp_format')?.value,
    },
  });
}
