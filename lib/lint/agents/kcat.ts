/**
 * Lint reader for kcat: either the librdkafka properties file kcat reads with
 * `-F` (kcat.conf: `name=value` lines, no broker or topic of its own), or a
 * script's `kcat`/`kafkacat` command line, whose `-b`, `-t`, `-k`, `-z` and
 * `-X name=value` options are located in the text so that a fix replaces just
 * one. A `-F file` the script names is not read here: a finding says to lint
 * it too. Facts: docs/agents/kcat.md.
 */
import { parseProperties } from '../../config-languages/properties';
import { shellWord } from '../../config-languages/shell/quote';
import { lineOf, type Block, type Edit, type Entry, type Problem, type Reading, type WriteValue } from '../model';
import { LintParseError, NotThisKind, placeholderPassword } from './common';
import { librdkafkaReading } from './librdkafka';
import { lineStarts, spanEdit } from './tokens';

interface Located extends Entry {
  start: number;
  end: number;
}

/** A kcat (or kafkacat) command line, after optional VAR=value assignments and a path; also a content marker in ../detect. */
export const KCAT_COMMAND = /^[ \t]*(?:[A-Za-z_]\w*=\S*[ \t]+)*(?:\S*\/)?(?:kcat|kafkacat)[ \t]/m;
export const isKcatScript = (content: string) => KCAT_COMMAND.test(content);

const plain = (v: WriteValue) => ('text' in v ? v.text : 'number' in v ? String(v.number) : 'boolean' in v ? String(v.boolean) : 'list' in v ? v.list.join(',') : 'raw' in v ? v.raw : '');

function readConf(content: string): Reading {
  try {
    parseProperties(content, 'librdkafka');
  } catch (err) {
    if (err instanceof SyntaxError) {
      const m = /^line (\d+): (.*)$/.exec(err.message);
      throw new LintParseError(`kcat.conf: ${m?.[2] ?? err.message}`, Number(m?.[1] ?? 1));
    }
    throw err;
  }
  const lines = content.split('\n');
  const entries = new Map<string, Entry>();
  lines.forEach((raw, i) => {
    const m = /^[ \t]*([^#=\s][^=]*?)[ \t]*=(.*?)\r?$/.exec(raw);
    if (m) entries.set(m[1]!, { key: m[1]!, value: m[2]!, line: i + 1, endLine: i + 1 });
  });
  if (entries.size === 0) throw new NotThisKind('a properties file without librdkafka settings');
  const last = Math.max(...[...entries.values()].map((e) => e.line));
  const first = Math.min(...[...entries.values()].map((e) => e.line));
  const block: Block = {
    line: first,
    endLine: last,
    get: (k) => entries.get(k),
    set: (k, v): Edit => {
      const e = entries.get(k);
      const text = plain(v);
      return e ? { from: e.line, to: e.line, lines: [`${k}=${text}`] } : { from: last + 1, to: last, lines: [`${k}=${text}`] };
    },
    remove: (k) => {
      const e = entries.get(k);
      return e ? { from: e.line, to: e.line, lines: [] } : undefined;
    },
  };
  const bootstrap = entries.get('bootstrap.servers') ?? entries.get('metadata.broker.list');
  const reading = librdkafkaReading({
    agent: 'kcat',
    language: 'properties',
    block,
    header: first,
    // The command line names the broker and the topic (-b, -t), and in env mode adds the password (-F <(printf …)).
    keys: { bootstrap: bootstrap ? bootstrap.key : '', topic: '' },
    bootstrap,
    isReference: () => false,
  });
  reading.loginElsewhere = true;
  // The file cannot read the environment: the secret becomes a placeholder the user fills in.
  if (reading.password) {
    const pw = reading.password;
    pw.replaceWithReference = () => block.set('sasl.password', { text: placeholderPassword(pw.value) });
  }
  return reading;
}

function readScript(content: string): Reading {
  const lines = content.split('\n');
  const startLine = lines.findIndex((l) => KCAT_COMMAND.test(`${l} `)) + 1;
  let endLine = startLine;
  while (endLine < lines.length && /\\[ \t]*$/.test(lines[endLine - 1] ?? '')) endLine++;
  const starts = lineStarts(content);
  const from = starts[startLine - 1] ?? 0;
  const to = (starts[endLine] ?? content.length + 1) - 1;
  const command = content.slice(from, to);
  const props = new Map<string, Located>();
  const opts = new Map<string, Located>();
  const files: { name: string; line: number }[] = [];
  let passwordPipe: { env: string; line: number; start: number; end: number } | undefined;
  // One shell word: 'single', "double" (no escapes read) or bare.
  const WORD = String.raw`(?:'([^']*)'|"([^"$\`\\]*)"|([^\s'"\\;|&<>()]+))`;
  for (const m of command.matchAll(new RegExp(String.raw`(?<=\s)-X[ \t]*${WORD}(?=\s|$)`, 'g'))) {
    const start = from + m.index;
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const eq = word.indexOf('=');
    if (eq <= 0) continue;
    const name = word.slice(0, eq);
    props.set(name, { key: name, value: word.slice(eq + 1), line: lineOf(content, start), endLine: lineOf(content, start), start, end: start + m[0].length });
  }
  for (const m of command.matchAll(new RegExp(String.raw`(?<=\s)-([btkz])[ \t]*${WORD}(?=\s|$)`, 'g'))) {
    const start = from + m.index;
    const key = { b: 'bootstrap', t: 'topic', k: 'key', z: 'compression.codec' }[m[1] as 'b' | 't' | 'k' | 'z'];
    const e = { key, value: m[2] ?? m[3] ?? m[4] ?? '', line: lineOf(content, start), endLine: lineOf(content, start), start, end: start + m[0].length };
    if (key === 'compression.codec') props.set(key, e);
    else opts.set(key, e);
  }
  for (const m of command.matchAll(/(?<=\s)-F[ \t]*(<\((?:[^()]|\([^()]*\))*\)|\S+)/g)) {
    const start = from + m.index;
    const arg = m[1]!;
    const pipe = /sasl\.password=%s[^"']*['"][ \t]+"?\$\{?([A-Za-z_]\w*)/.exec(arg);
    if (arg.startsWith('<(') && pipe) passwordPipe = { env: pipe[1]!, line: lineOf(content, start), start, end: start + m[0].length };
    else if (!arg.startsWith('<(')) files.push({ name: arg.replace(/^['"]|['"]$/g, ''), line: lineOf(content, start) });
  }
  const optionText = (k: string, v: WriteValue) => {
    if ('env' in v) return `-F <(printf 'sasl.password=%s\\n' "$${v.env}")`;
    const flag = { bootstrap: '-b', topic: '-t', key: '-k' }[k];
    return flag ? `${flag} ${shellWord(plain(v))}` : `-X ${shellWord(`${k}=${plain(v)}`)}`;
  };
  const append = (text: string): Edit => {
    const last = lines[endLine - 1] ?? '';
    return { from: endLine, to: endLine, lines: [`${last.replace(/[ \t]+$/, '')} ${text}`] };
  };
  const get = (k: string): Located | undefined => opts.get(k) ?? props.get(k);
  const block: Block = {
    line: startLine,
    endLine,
    get,
    set: (k, v) => {
      const e = get(k);
      return e ? spanEdit(content, starts, e.start, e.end, optionText(k, v)) : append(optionText(k, v));
    },
    remove: (k) => {
      const e = get(k);
      return e ? spanEdit(content, starts, e.start - 1, e.end, '') : undefined;
    },
  };
  const problems: Problem[] = [];
  for (const f of files) {
    problems.push({
      rule: 'kcat-config-file',
      severity: 'info',
      line: f.line,
      message: `kcat reads more settings from ${f.name} (-F): TLS, SASL and the rest there are not checked here.`,
      fix: `Check ${f.name} too (paste it on its own).`,
    });
  }
  const key = opts.get('key');
  const reading = librdkafkaReading({
    agent: 'kcat',
    language: 'shell',
    block,
    header: startLine,
    keys: { bootstrap: 'bootstrap', topic: 'topic', username: 'sasl.username', password: 'sasl.password', key: 'key' },
    bootstrap: opts.get('bootstrap') ?? props.get('bootstrap.servers') ?? props.get('metadata.broker.list'),
    topic: opts.get('topic'),
    constantKey: key?.value ? { value: key.value, line: key.line, remove: () => block.remove('key') } : undefined,
    isReference: (e) => e.value?.includes('$') ?? false,
    problems,
  });
  if (passwordPipe && !reading.password) {
    reading.password = { value: `$${passwordPipe.env}`, line: passwordPipe.line, reference: true };
  }
  if (files.length > 0) {
    // What the -F file sets is unknown here: no TLS, mechanism or login finding on a guess.
    if (!props.has('security.protocol')) reading.tls = { ...reading.tls, on: true };
    if (!props.has('sasl.mechanisms') && !props.has('sasl.mechanism')) reading.mechanism = undefined;
    reading.loginElsewhere = true;
  }
  return reading;
}

export function readKcat(content: string): Reading {
  return isKcatScript(content) ? readScript(content) : readConf(content);
}
