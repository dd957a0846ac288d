/**
 * Lint reader for collectd's `write_kafka` plugin block (parsed as liboconfig
 * does, lib/config-languages/collectd, which keeps each item's line).
 * librdkafka properties are `Property "name" "value"` lines; those before the
 * `<Topic>` block apply to every topic. Facts: docs/agents/collectd.md.
 */
import { CollectdParseError, parseCollectdConfig, type CollectdItem } from '../../config-languages/collectd/parser';
import { collectdString } from '../../config-languages/collectd/quote';
import type { Block, Edit, Entry, Problem, Reading, WriteValue } from '../model';
import { ID_PLACEHOLDER, LintParseError, NotThisKind, placeholderPassword, SECRET_PLACEHOLDER } from './common';
import { librdkafkaReading } from './librdkafka';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function valueText(v: WriteValue): string {
  if ('text' in v) return collectdString(v.text);
  if ('number' in v) return collectdString(String(v.number));
  if ('boolean' in v) return collectdString(v.boolean ? 'true' : 'false');
  if ('list' in v) return collectdString(v.list.join(','));
  if ('env' in v) return collectdString(`${ID_PLACEHOLDER}#${SECRET_PLACEHOLDER}`);
  return v.raw;
}

function lastLine(item: CollectdItem): number {
  return Math.max(item.line, ...item.children.map(lastLine));
}

export function readCollectd(content: string): Reading {
  let items: CollectdItem[];
  try {
    items = parseCollectdConfig(content);
  } catch (err) {
    if (err instanceof CollectdParseError) throw new LintParseError(`collectd.conf: ${err.message}`, err.line);
    throw err;
  }
  const plugin = items.find((i) => same(i.key, 'Plugin') && String(i.values[0]).toLowerCase() === 'write_kafka');
  if (!plugin) throw new NotThisKind('a collectd config without a <Plugin write_kafka> block');
  const lines = content.split('\n');
  let close = lines.length;
  for (let n = lastLine(plugin) + 1; n <= lines.length; n++) {
    if (/^[ \t]*<\/Plugin[ \t]*>/i.test(lines[n - 1] ?? '')) {
      close = n;
      break;
    }
  }
  const topic = plugin.children.find((c) => same(c.key, 'Topic'));
  const topicClose = topic ? lines.findIndex((l, i) => i + 1 > lastLine(topic) && /^[ \t]*<\/Topic[ \t]*>/i.test(l)) + 1 : 0;
  const entries = new Map<string, Entry>();
  const addProps = (list: readonly CollectdItem[], prefix: string) => {
    for (const c of list) {
      if (!same(c.key, 'Property') || c.values.length < 2) continue;
      const key = `${prefix}${String(c.values[0])}`;
      entries.set(key, { key, value: String(c.values[1]), line: c.line, endLine: c.line });
    }
  };
  addProps(plugin.children, '');
  if (topic) addProps(topic.children, 'topic:');
  const firstChild = plugin.children[0];
  const indent = firstChild ? (/^[ \t]*/.exec(lines[firstChild.line - 1] ?? '')?.[0] ?? '  ') : '  ';
  const pluginProps = plugin.children.filter((c) => same(c.key, 'Property'));
  const insertAt = (pluginProps[pluginProps.length - 1]?.line ?? plugin.line) + 1;
  const block: Block = {
    line: plugin.line,
    endLine: close,
    get: (key) => entries.get(key),
    set: (key, value): Edit => {
      const e = entries.get(key);
      const name = key.replace(/^topic:/, '');
      if (e) {
        const own = /^[ \t]*/.exec(lines[e.line - 1] ?? '')?.[0] ?? indent;
        return { from: e.line, to: e.line, lines: [`${own}Property ${collectdString(name)} ${valueText(value)}`] };
      }
      if (key.startsWith('topic:') && topic && topicClose > 0) {
        return { from: topicClose, to: topicClose - 1, lines: [`${indent}${indent}Property ${collectdString(name)} ${valueText(value)}`] };
      }
      return { from: insertAt, to: insertAt - 1, lines: [`${indent}Property ${collectdString(name)} ${valueText(value)}`] };
    },
    remove: (key) => {
      const e = entries.get(key);
      return e ? { from: e.line, to: e.line, lines: [] } : undefined;
    },
  };
  const prop = (name: string) => entries.get(name);
  const either = (...names: string[]) => names.map(prop).find(Boolean);
  const problems: Problem[] = [];

  if (!items.some((i) => same(i.key, 'LoadPlugin') && String(i.values[0]).toLowerCase() === 'write_kafka')) {
    problems.push({
      rule: 'collectd-load-plugin',
      severity: 'warning',
      line: plugin.line,
      message: 'No “LoadPlugin write_kafka” line: unless another file loads the plugin, collectd ignores this block.',
      fix: 'Add “LoadPlugin write_kafka” above the <Plugin write_kafka> block.',
      edits: [{ from: plugin.line, to: plugin.line - 1, lines: ['LoadPlugin write_kafka', ''] }],
    });
  }
  const keyLine = topic?.children.find((c) => same(c.key, 'Key'));
  const keyValue = keyLine ? String(keyLine.values[0]) : undefined;
  const removeKey = () => (keyLine ? { from: keyLine.line, to: keyLine.line, lines: [] } : undefined);
  if (keyLine && keyValue !== undefined && same(keyValue, 'Random')) {
    problems.push({
      rule: 'collectd-key-random',
      severity: 'warning',
      line: keyLine.line,
      message: '“Key "Random"” is drawn once when collectd starts: every message of this process carries the same key, so all land on one shard.',
      fix: 'Remove the Key line: without one, write_kafka draws a new random key for every message.',
      edits: [removeKey()!],
    });
  }
  problems.push({
    rule: 'collectd-check',
    severity: 'info',
    line: plugin.line,
    message: 'collectd reports config mistakes only in its log, after a restart.',
    fix: 'Check the file first: “sudo collectd -t -C /etc/collectd/collectd.conf” parses the config and loads the plugins (exit status 0 when it is fine).',
  });

  const bootstrap = either('metadata.broker.list', 'bootstrap.servers');
  const reading = librdkafkaReading({
    agent: 'collectd',
    language: 'collectd',
    block,
    header: plugin.line,
    acksNames: ['topic:request.required.acks', 'topic:acks'],
    codecNames: ['topic:compression.codec', 'topic:compression.type'],
    protocolSpelling: 'sasl_ssl',
    keys: { bootstrap: bootstrap?.key ?? 'metadata.broker.list', topic: 'Topic', username: 'sasl.username', password: 'sasl.password' },
    bootstrap,
    topic: topic ? { key: 'Topic', value: String(topic.values[0]), line: topic.line, endLine: topic.line } : undefined,
    constantKey: keyValue !== undefined && !same(keyValue, 'Random') && keyLine ? { value: keyValue, line: keyLine.line, remove: removeKey } : undefined,
    // collectd cannot read an environment variable: the secret is never a reference.
    isReference: () => false,
    problems,
    options: {
      format: topic?.children.find((c) => same(c.key, 'Format'))?.values[0],
      storeRates: topic?.children.find((c) => same(c.key, 'StoreRates'))?.values[0],
    },
  });
  const password = reading.password;
  // Keep the AccessKey ID, replace the secret by a placeholder.
  if (password) password.replaceWithReference = () => block.set('sasl.password', { text: placeholderPassword(password.value) });
  return reading;
}
