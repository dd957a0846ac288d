/**
 * A parser for the RainerScript subset the rsyslog template writes (and that
 * its read-back and tests need): configuration objects with parameters, and
 * a template's `{ property(…) constant(…) }` body. Written from rsyslog's
 * grammar/lexer.l and grammar/grammar.y:
 *
 *   object   = TYPE "(" (NAME "=" value)* ")"           TYPE: module, action, global, input, …
 *   template = "template" "(" params ")" [ "{" (("property" | "constant") "(" params ")")* "}" ]
 *   value    = STRING | BACKTICK | "[" value ("," value)* "]"
 *   NAME     = [a-z][a-z0-9_.]*   (case-insensitive, like the lexer)
 *   STRING   = '"' ( [^"\\] | \\['"?\\abfnrtv] | \\[0-7]{1,3} )* '"'
 *   BACKTICK = '`' same escapes '`'                       (8.33+: `echo …` with $VAR expanded)
 *   comments: `#` to the end of the line, `/* … *\/`
 *
 * Legacy `$Directive` lines, filters and `if … then` are not modelled: the
 * template never writes them, so meeting one is a parse error here.
 */
import { HashCommentLexer } from '../hash-comment-lexer';

export type RainerValue =
  | { kind: 'string'; value: string }
  | { kind: 'backtick'; text: string }
  | { kind: 'array'; items: RainerValue[] };

export interface RainerParam {
  /** Lower-cased: rsyslog matches parameter names case-insensitively. */
  name: string;
  value: RainerValue;
}

export interface RainerObject {
  /** Lower-cased object type: `module`, `action`, `template`, `property`, … */
  type: string;
  params: RainerParam[];
  /** A template's `property(…)` and `constant(…)` entries. */
  children: RainerObject[];
}

export class RainerScriptParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'RainerScriptParseError';
  }
}

const OBJECT_TYPES = new Set(['module', 'action', 'global', 'input', 'template', 'ruleset', 'include', 'main_queue', 'parser', 'timezone', 'lookup_table', 'dyn_stats']);
const ESCAPES: Readonly<Record<string, string>> = { "'": "'", '"': '"', '?': '?', '\\': '\\', '`': '`', a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** `unescapeStr` of rsyslog: the escapes the lexer's string rule admits. */
function unescape(raw: string, quote: string, line: number): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i + 1));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i += octal[0].length;
    } else if (next !== undefined && next in ESCAPES && (next !== '`' || quote === '`')) {
      out += ESCAPES[next];
      i++;
    } else {
      throw new RainerScriptParseError(`invalid escape \\${next ?? ''} in a string`, line);
    }
  }
  return out;
}

class Lexer extends HashCommentLexer {
  constructor(text: string) {
    super(text, (message, line) => new RainerScriptParseError(message, line), true);
  }

  name(): string {
    this.skip();
    const m = /^[A-Za-z][A-Za-z0-9_.]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) throw new RainerScriptParseError(`expected a name, found ${this.describe()}`, this.line);
    this.pos += m[0].length;
    return m[0].toLowerCase();
  }

  quoted(): RainerValue {
    this.skip();
    const quote = this.text[this.pos]!;
    const start = this.pos + 1;
    let i = start;
    for (; i < this.text.length && this.text[i] !== quote; i++) {
      if (this.text[i] === '\\') i++;
    }
    if (i >= this.text.length) throw new RainerScriptParseError(`unterminated ${quote === '`' ? 'backtick' : 'string'}`, this.line);
    const raw = this.text.slice(start, i);
    if (/[\n]/.test(raw)) throw new RainerScriptParseError('a line break inside a string', this.line);
    this.pos = i + 1;
    const value = unescape(raw, quote, this.line);
    return quote === '`' ? { kind: 'backtick', text: value } : { kind: 'string', value };
  }
}

function parseValue(lx: Lexer): RainerValue {
  const c = lx.peek();
  if (c === '"' || c === '`') return lx.quoted();
  if (c === '[') {
    lx.pos++;
    const items: RainerValue[] = [];
    for (;;) {
      const v = parseValue(lx);
      if (v.kind === 'array') throw new RainerScriptParseError('an array inside an array', lx.line);
      items.push(v);
      if (lx.peek() === ',') {
        lx.pos++;
        continue;
      }
      lx.expect(']');
      return { kind: 'array', items };
    }
  }
  throw new RainerScriptParseError(`expected a "string", a \`backtick\` or [array], found ${lx.describe()}`, lx.line);
}

function parseParams(lx: Lexer): RainerParam[] {
  lx.expect('(');
  const params: RainerParam[] = [];
  while (lx.peek() !== ')') {
    const line = lx.line;
    const name = lx.name();
    lx.expect('=');
    if (params.some((p) => p.name === name)) throw new RainerScriptParseError(`parameter ${name} given twice`, line);
    params.push({ name, value: parseValue(lx) });
  }
  lx.pos++;
  return params;
}

/** Parse a RainerScript file into its objects, in order. */
export function parseRainerScript(text: string): RainerObject[] {
  const lx = new Lexer(text);
  const objects: RainerObject[] = [];
  while (lx.peek() !== undefined) {
    const line = lx.line;
    const type = lx.name();
    if (!OBJECT_TYPES.has(type)) throw new RainerScriptParseError(`unsupported statement “${type}”`, line);
    const obj: RainerObject = { type, params: parseParams(lx), children: [] };
    if (type === 'template' && lx.peek() === '{') {
      lx.pos++;
      while (lx.peek() !== '}') {
        const childLine = lx.line;
        const child = lx.name();
        if (child !== 'property' && child !== 'constant') throw new RainerScriptParseError(`expected property(…) or constant(…) in a template, found ${child}`, childLine);
        obj.children.push({ type: child, params: parseParams(lx), children: [] });
      }
      lx.pos++;
    }
    objects.push(obj);
  }
  return objects;
}

/** One parameter's value, by name (any case). */
export function rainerParam(obj: RainerObject, name: string): RainerValue | undefined {
  return obj.params.find((p) => p.name === name.toLowerCase())?.value;
}

/** A parameter that must be a plain string, or undefined. */
export function rainerStringParam(obj: RainerObject, name: string): string | undefined {
  const v = rainerParam(obj, name);
  return v?.kind === 'string' ? v.value : undefined;
}

/**
 * What rsyslog 8.33+ makes of a backtick constant: only `echo` is supported,
 * and `$NAME` is replaced by the environment variable (empty when unset).
 */
export function expandBacktick(text: string, env: Readonly<Record<string, string | undefined>>): string {
  const m = /^echo\s+(.*)$/.exec(text);
  if (!m) return '';
  return m[1]!.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => env[name] ?? '');
}
