/**
 * Lint reader for syslog-ng's `kafka-c()` destination. The file is checked by
 * the syslog-ng parser (lib/config-languages/syslog-ng); the driver's options
 * (`bootstrap-servers()`, `topic()`, `key()`, `sync-send()`) and its
 * `config("name" => "value" …)` pairs are then located token by token, so
 * that a fix replaces exactly one value. Facts: docs/agents/syslog-ng.md.
 */
import { parseSyslogNgConfig, SyslogNgParseError } from '../../config-languages/syslog-ng/parser';
import { syslogNgBacktick, syslogNgString } from '../../config-languages/syslog-ng/quote';
import { indentOf, type Block, type Edit, type Entry, type Problem, type Reading, type WriteValue } from '../model';
import { LintParseError, NotThisKind } from './common';
import { librdkafkaReading } from './librdkafka';
import { closing, lineStarts, spanEdit, tokensOfParens, type Token } from './tokens';

interface Located extends Entry {
  start: number;
  end: number;
}

const norm = (w: string) => w.toLowerCase().replaceAll('_', '-');

function valueText(v: WriteValue): string {
  if ('env' in v) return syslogNgBacktick(v.env);
  if ('raw' in v) return v.raw;
  return syslogNgString('text' in v ? v.text : 'number' in v ? String(v.number) : 'boolean' in v ? String(v.boolean) : v.list.join(','));
}

export function readSyslogNg(content: string): Reading {
  try {
    parseSyslogNgConfig(content);
  } catch (err) {
    if (err instanceof SyslogNgParseError) throw new LintParseError(`syslog-ng: ${err.message.replace(/ \(line \d+\)$/, '')}`, err.line);
    throw err;
  }
  // The driver inside a destination block, not a mention in a comment.
  const m = [...content.matchAll(/\bkafka(?:-c|_c)?[ \t]*\(/g)].find((x) => {
    const lineStart = content.lastIndexOf('\n', x.index) + 1;
    // Looking back a bounded stretch keeps a hostile file of many matches linear.
    return !content.slice(lineStart, x.index).includes('#') && /\bdestination\b[^{]*\{[^}]*$/.test(content.slice(Math.max(0, x.index - 4096), x.index));
  });
  if (!m) throw new NotThisKind('a syslog-ng config without a kafka-c() destination');
  const tokens = tokensOfParens(content, m.index + m[0].length - 1, { quotes: '"\'', word: /[A-Za-z0-9_.\-/:+$]+/ });
  const starts = lineStarts(content);
  const lines = content.split('\n');
  const open = tokens[0]!;
  const close = tokens[tokens.length - 1]!;
  const options = new Map<string, { name: Token; args: Token[]; close: Token }>();
  const props = new Map<string, Located>();
  let config: { open: Token; close: Token; first?: Token } | undefined;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || tokens[i + 1]?.raw !== '(') continue;
    const j = closing(tokens, i + 1);
    const args = tokens.slice(i + 2, j);
    const name = norm(t.value);
    options.set(name, { name: t, args, close: tokens[j]! });
    if (name === 'config' || name === 'properties') {
      config ??= { open: tokens[i + 1]!, close: tokens[j]!, first: args[0] };
      for (let k = 0; k + 2 < args.length; k += 3) {
        const [key, arrow, value] = [args[k]!, args[k + 1]!, args[k + 2]!];
        if (arrow.raw !== '=>') break;
        props.set(key.value, { key: key.value, value: value.value, line: key.line, endLine: value.line, start: value.start, end: value.end });
      }
    }
    i = j;
  }
  const option = (name: string): Located | undefined => {
    const o = options.get(name);
    const v = o?.args.find((a) => a.kind !== 'punct');
    if (!o || !v) return undefined;
    return { key: name, value: v.value, line: o.name.line, endLine: o.close.line, start: v.start, end: o.args[o.args.length - 1]!.end };
  };
  const insertOption = (text: string): Edit => {
    const next = tokens.find((t) => t.line > open.line);
    if (close.line > open.line) return { from: open.line + 1, to: open.line, lines: [`${next ? indentOf(lines, next.line) : '    '}${text}`] };
    return spanEdit(content, starts, close.start, close.start, ` ${text}`);
  };
  const block: Block = {
    line: open.line,
    endLine: close.line,
    get: (key) => (key.includes('.') ? props.get(key) : option(key)),
    set: (key, v): Edit => {
      if (key.includes('.')) {
        const e = props.get(key);
        if (e) return spanEdit(content, starts, e.start, e.end, valueText(v));
        const pair = `${syslogNgString(key)} => ${valueText(v)}`;
        if (!config) return insertOption(`config(${pair})`);
        if (config.first && config.first.line > config.open.line) return { from: config.first.line, to: config.first.line - 1, lines: [`${indentOf(lines, config.first.line)}${pair}`] };
        return spanEdit(content, starts, config.open.end, config.open.end, `${pair} `);
      }
      const e = option(key);
      if (e) return spanEdit(content, starts, e.start, e.end, valueText(v));
      return insertOption(`${key}(${valueText(v)})`);
    },
    remove: (key) => {
      if (key.includes('.')) {
        const e = props.get(key);
        // The pair from its key to its value.
        const k = e ? tokens.find((t) => t.kind === 'string' && t.value === key && t.end <= e.start) : undefined;
        return e && k ? spanEdit(content, starts, k.start, e.end, '') : undefined;
      }
      const o = options.get(key);
      return o ? spanEdit(content, starts, o.name.start, o.close.end, '') : undefined;
    },
  };
  const problems: Problem[] = [];
  const sync = option('sync-send');
  const key = option('key');
  const reading = librdkafkaReading({
    agent: 'syslog-ng',
    language: 'syslog-ng',
    block,
    header: open.line,
    keys: { bootstrap: option('bootstrap-servers') ? 'bootstrap-servers' : 'bootstrap.servers', topic: 'topic', username: 'sasl.username', password: 'sasl.password', key: 'key' },
    bootstrap: option('bootstrap-servers') ?? props.get('bootstrap.servers'),
    topic: option('topic'),
    // A key template with a macro ($HOST) varies; a constant one pins one shard.
    constantKey: key?.value && !key.value.includes('$') ? { value: key.value, line: key.line, remove: () => block.remove('key') } : undefined,
    isReference: (e) => /^`[A-Za-z_]\w*`$/.test(e.value ?? ''),
    problems,
  });
  if (sync && /^(?:yes|true|1|on)$/i.test(sync.value ?? '')) {
    // sync-send(yes) runs each message in a transaction (docs/agents/syslog-ng.md#options).
    reading.transactions ??= { line: sync.line, fix: () => block.set('sync-send', { raw: 'no' }) };
  }
  return reading;
}
