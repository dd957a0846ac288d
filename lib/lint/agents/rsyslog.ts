/**
 * Lint reader for rsyslog's `omkafka` action. The file is checked by the
 * RainerScript parser (lib/config-languages/rainerscript); the action's
 * parameters and its `confParam`/`topicConfParam` items ("name=value",
 * or `echo name=$VAR`) are then located token by token, so that a fix
 * replaces exactly one item. Facts: docs/agents/rsyslog.md.
 */
import { parseRainerScript, RainerScriptParseError } from '../../config-languages/rainerscript/parser';
import { rainerEcho, rainerString } from '../../config-languages/rainerscript/quote';
import { indentOf, type Block, type Edit, type Entry, type Problem, type Reading, type WriteValue } from '../model';
import { LintParseError, NotThisKind } from './common';
import { librdkafkaReading } from './librdkafka';
import { closing, lineStarts, spanEdit, tokensOfParens, type Token } from './tokens';

interface Located extends Entry {
  start: number;
  end: number;
}

function itemText(name: string, v: WriteValue): string {
  if ('env' in v) return rainerEcho(`${name}=$${v.env}`);
  const text = 'text' in v ? v.text : 'number' in v ? String(v.number) : 'boolean' in v ? String(v.boolean) : 'list' in v ? v.list.join(',') : v.raw;
  return rainerString(`${name}=${text}`);
}

export function readRsyslog(content: string): Reading {
  try {
    parseRainerScript(content);
  } catch (err) {
    if (err instanceof RainerScriptParseError) throw new LintParseError(`rsyslog: ${err.message.replace(/ \(line \d+\)$/, '')}`, err.line);
    throw err;
  }
  // The action whose type is omkafka (parameters are case-insensitive).
  const re = /\baction[ \t]*\(/gi;
  let tokens: Token[] | undefined;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    const t = tokensOfParens(content, m.index + m[0].length - 1, { quotes: '"`', word: /[A-Za-z][A-Za-z0-9_.]*/, blockComments: true });
    const typeAt = t.findIndex((x, i) => x.kind === 'word' && x.value.toLowerCase() === 'type' && t[i + 2]?.value.toLowerCase() === 'omkafka');
    if (typeAt >= 0) {
      tokens = t;
      break;
    }
  }
  if (!tokens) throw new NotThisKind('an rsyslog config without an omkafka action');
  const starts = lineStarts(content);
  const lines = content.split('\n');
  const open = tokens[0]!;
  const close = tokens[tokens.length - 1]!;
  const params = new Map<string, { name: Token; value: Token; end: Token; items: Token[] }>();
  const props = new Map<string, Located>();
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || tokens[i + 1]?.raw !== '=') continue;
    const name = t.value.toLowerCase();
    const value = tokens[i + 2];
    if (!value) break;
    let end = value;
    let items: Token[] = [value];
    if (value.raw === '[') {
      const j = closing(tokens, i + 2);
      end = tokens[j]!;
      items = tokens.slice(i + 3, j).filter((x) => x.kind === 'string');
      i = j;
    } else i += 2;
    params.set(name, { name: t, value, end, items });
    if (name === 'confparam' || name === 'topicconfparam') {
      for (const item of items) {
        const text = item.quote === '`' ? item.value.replace(/^echo\s+/, '') : item.value;
        const eq = text.indexOf('=');
        if (eq <= 0) continue;
        const key = `${name === 'topicconfparam' ? 'topic:' : ''}${text.slice(0, eq).trim()}`;
        props.set(key, { key, value: text.slice(eq + 1), line: item.line, endLine: item.line, start: item.start, end: item.end });
      }
    }
  }
  /** A new parameter: on its own line after the action's first line, or before `)` when the action is one line. */
  const insertParam = (text: string): Edit => {
    if (close.line > open.line) {
      const next = tokens!.find((t) => t.line > open.line);
      return { from: open.line + 1, to: open.line, lines: [`${next ? indentOf(lines, next.line) : '  '}${text}`] };
    }
    return spanEdit(content, starts, close.start, close.start, ` ${text}`);
  };
  const insertItem = (arrayName: 'confparam' | 'topicconfparam', name: string, v: WriteValue): Edit => {
    const p = params.get(arrayName);
    const item = itemText(name, v);
    if (!p) return insertParam(`${arrayName === 'confparam' ? 'confParam' : 'topicConfParam'}=[${item}]`);
    if (p.value.raw !== '[') return spanEdit(content, starts, p.value.start, p.value.end, `[${item}, ${p.value.raw}]`);
    const first = p.items[0];
    if (!first) return spanEdit(content, starts, p.value.start, p.end.end, `[${item}]`);
    if (first.line > p.value.line) return { from: first.line, to: first.line - 1, lines: [`${indentOf(lines, first.line)}${item},`] };
    return spanEdit(content, starts, first.start, first.start, `${item}, `);
  };
  const entryOfParam = (name: string): Located | undefined => {
    const p = params.get(name);
    if (!p) return undefined;
    const list = p.value.raw === '[' ? p.items.map((x) => x.value) : undefined;
    return { key: name, value: list ? list[0] : p.value.value, list, line: p.name.line, endLine: p.end.line, start: p.value.start, end: p.end.end };
  };
  const block: Block = {
    line: open.line,
    endLine: close.line,
    get: (key) => (key.includes('.') && !key.startsWith('partitions.') ? props.get(key) : entryOfParam(key.toLowerCase())),
    set: (key, v): Edit => {
      if (key.includes('.') && !key.startsWith('partitions.')) {
        const name = key.replace(/^topic:/, '');
        const e = props.get(key);
        if (e) return spanEdit(content, starts, e.start, e.end, itemText(name, v));
        return insertItem(key.startsWith('topic:') ? 'topicconfparam' : 'confparam', name, v);
      }
      const text = 'raw' in v ? v.raw : 'list' in v ? `[${v.list.map((s) => rainerString(s)).join(', ')}]` : rainerString('text' in v ? v.text : 'number' in v ? String(v.number) : 'boolean' in v ? (v.boolean ? 'on' : 'off') : '');
      const e = entryOfParam(key.toLowerCase());
      if (e) return spanEdit(content, starts, e.start, e.end, text);
      return insertParam(`${key}=${text}`);
    },
    remove: (key) => {
      const e = key.includes('.') && !key.startsWith('partitions.') ? props.get(key) : entryOfParam(key.toLowerCase());
      if (!e) return undefined;
      if (props.has(key)) return spanEdit(content, starts, e.start, e.end, '');
      const p = params.get(key.toLowerCase())!;
      return spanEdit(content, starts, p.name.start, p.end.end, '');
    },
  };
  const problems: Problem[] = [];
  const key = entryOfParam('key');
  const auto = entryOfParam('partitions.auto');
  const autoOn = /^on$/i.test(auto?.value ?? '');
  let constantKey: Reading['constantKey'];
  if (key?.value) constantKey = { value: key.value, line: key.line, remove: () => block.remove('key') };
  else if (!autoOn) {
    // Without partitions.auto omkafka writes to partition 0 (partitions.number defaults to 1): one shard.
    constantKey = { value: `partitions.auto="${auto?.value ?? 'off'}" (every record to shard 0)`, line: auto?.line ?? open.line, remove: () => block.set('partitions.auto', { raw: '"on"' }) };
  }
  return librdkafkaReading({
    agent: 'rsyslog',
    language: 'rainerscript',
    block,
    header: open.line,
    acksNames: ['topic:request.required.acks', 'topic:acks'],
    keys: { bootstrap: 'broker', topic: 'topic', username: 'sasl.username', password: 'sasl.password', key: 'key' },
    bootstrap: entryOfParam('broker'),
    topic: entryOfParam('topic'),
    constantKey,
    isReference: (e) => /\$[A-Za-z_]/.test(e.value ?? '') && (lines[e.line - 1] ?? '').includes('`'),
    problems,
  });
}
