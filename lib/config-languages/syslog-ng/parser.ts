/**
 * A parser for the syslog-ng configuration subset the syslog-ng template
 * writes (and its read-back and tests need). Written from syslog-ng
 * lib/cfg-lex.l and lib/cfg-grammar.y:
 *
 *   file      = (pragma | block)*
 *   pragma    = "@" … end of line                  (@version, @include, @define)
 *   block     = TYPE [NAME] "{" (item [";"])* "}" ";"   TYPE: source, destination, log, options, …
 *   item      = WORD "(" arg* ")"                     a driver, an option, or source(s_src) in log
 *   arg       = item | STRING | WORD | "=>"
 *   WORD      = [A-Za-z0-9_.\-/:+]+ ; in option names "-" and "_" are the same (normalised to "-")
 *   STRING    = '"' with C escapes, any other \c → c '"' | "'" no escapes "'"
 *   comments: "#" to the end of the line, outside strings
 *
 * Backtick references are kept as written (`NAME`); `substituteBackticks`
 * models what syslog-ng does with them before parsing.
 */
import { HashCommentLexer } from '../hash-comment-lexer';

export type SyslogNgArg =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'arrow' }
  | { kind: 'option'; option: SyslogNgOption };

export interface SyslogNgOption {
  /** Lower-cased, `_` written as `-`. */
  name: string;
  args: SyslogNgArg[];
}

export type SyslogNgStatement =
  | { kind: 'pragma'; text: string }
  | { kind: 'block'; type: string; name: string | undefined; items: SyslogNgOption[] };

export class SyslogNgParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'SyslogNgParseError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const WORD = /^[A-Za-z0-9_.\-/:+]+/;

const normalise = (name: string) => name.toLowerCase().replaceAll('_', '-');

class Lexer extends HashCommentLexer {
  constructor(text: string) {
    super(text, (message, line) => new SyslogNgParseError(message, line), false);
  }

  atArrow(): boolean {
    this.skip();
    return this.text.startsWith('=>', this.pos);
  }

  word(): string {
    this.skip();
    const m = WORD.exec(this.text.slice(this.pos, this.pos + 4096));
    if (!m) throw new SyslogNgParseError(`expected a word, found ${this.describe()}`, this.line);
    this.pos += m[0].length;
    return m[0];
  }

  restOfLine(): string {
    const end = this.text.indexOf('\n', this.pos);
    const stop = end < 0 ? this.text.length : end;
    const text = this.text.slice(this.pos, stop);
    this.pos = stop;
    return text;
  }

  string(): string {
    this.skip();
    const quote = this.text[this.pos]!;
    let out = '';
    let i = this.pos + 1;
    for (; i < this.text.length && this.text[i] !== quote; i++) {
      const c = this.text[i]!;
      if (c === '\n') this.line++;
      if (c === '\\' && quote === '"') {
        const next = this.text[++i];
        if (next === undefined) break;
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(this.text.slice(i, i + 3));
        if (hex) {
          out += String.fromCharCode(parseInt(hex[1]!, 16));
          i += hex[0].length - 1;
        } else {
          out += ESCAPES[next] ?? next;
        }
        continue;
      }
      out += c;
    }
    if (i >= this.text.length) throw new SyslogNgParseError('unterminated string', this.line);
    this.pos = i + 1;
    return out;
  }
}

function parseArgs(lx: Lexer): SyslogNgArg[] {
  lx.expect('(');
  const args: SyslogNgArg[] = [];
  for (;;) {
    const c = lx.peek();
    if (c === ')') break;
    if (c === undefined) throw new SyslogNgParseError('unclosed “(”', lx.line);
    if (c === '"' || c === "'") args.push({ kind: 'string', value: lx.string() });
    else if (lx.atArrow()) {
      lx.pos += 2;
      args.push({ kind: 'arrow' });
    } else {
      const word = lx.word();
      if (lx.peek() === '(') args.push({ kind: 'option', option: { name: normalise(word), args: parseArgs(lx) } });
      else args.push({ kind: 'word', value: word });
    }
  }
  lx.pos++;
  return args;
}

/** Parse a syslog-ng file into its pragmas and blocks, in order. */
export function parseSyslogNgConfig(text: string): SyslogNgStatement[] {
  const lx = new Lexer(text);
  const out: SyslogNgStatement[] = [];
  while (lx.peek() !== undefined) {
    if (lx.peek() === '@') {
      out.push({ kind: 'pragma', text: lx.restOfLine().trim() });
      continue;
    }
    const type = normalise(lx.word());
    const name = lx.peek() === '{' ? undefined : lx.word();
    lx.expect('{');
    const items: SyslogNgOption[] = [];
    while (lx.peek() !== '}') {
      if (lx.peek() === undefined) throw new SyslogNgParseError(`unclosed ${type} block`, lx.line);
      const line = lx.line;
      const word = lx.word();
      if (lx.peek() !== '(') throw new SyslogNgParseError(`expected “(” after ${word}`, line);
      items.push({ name: normalise(word), args: parseArgs(lx) });
      if (lx.peek() === ';') lx.pos++;
    }
    lx.pos++;
    lx.expect(';');
    out.push({ kind: 'block', type, name, items });
  }
  return out;
}

/** The nested options of a driver or option, by (normalised) name. */
export function syslogNgOptions(option: SyslogNgOption, name: string): SyslogNgOption[] {
  const wanted = normalise(name);
  return option.args.flatMap((a) => (a.kind === 'option' && a.option.name === wanted ? [a.option] : []));
}

/** The single string or word argument of an option such as `topic("x")`, or undefined. */
export function syslogNgValue(option: SyslogNgOption | undefined): string | undefined {
  if (!option || option.args.length !== 1) return undefined;
  const a = option.args[0]!;
  return a.kind === 'string' || a.kind === 'word' ? a.value : undefined;
}

/** `config("k" => "v" …)` as a map; throws on anything but key => value pairs. */
export function syslogNgPairs(option: SyslogNgOption): Map<string, string> {
  const pairs = new Map<string, string>();
  const args = option.args;
  if (args.length % 3 !== 0) throw new SyslogNgParseError(`${option.name}(): expected "key" => "value" pairs`, 0);
  for (let i = 0; i < args.length; i += 3) {
    const [k, arrow, v] = [args[i]!, args[i + 1]!, args[i + 2]!];
    if (k.kind !== 'string' || arrow.kind !== 'arrow' || (v.kind !== 'string' && v.kind !== 'word')) {
      throw new SyslogNgParseError(`${option.name}(): expected "key" => "value" pairs`, 0);
    }
    if (pairs.has(k.value)) throw new SyslogNgParseError(`${option.name}(): key ${k.value} given twice`, 0);
    pairs.set(k.value, v.value);
  }
  return pairs;
}

/** What syslog-ng does with `NAME` before parsing: an @define or environment variable, else empty. */
export function substituteBackticks(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/`([A-Za-z_][A-Za-z0-9_]*)`/g, (_, name: string) => env[name] ?? '');
}
