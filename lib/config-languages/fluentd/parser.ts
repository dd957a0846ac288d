/**
 * A test-side parser for the Fluentd v1 config language, written from
 * fluent/fluentd lib/fluent/config/{basic_parser,literal_parser,v1_parser}.rb
 * so tests can read rendered configs back the way Fluentd does:
 *
 * - spacing between statements skips blanks and `#` comments;
 * - `<name arg>` opens an element (the argument ends at optional spacing and
 *   `>`, may be quoted in current Fluentd), `</name>` closes it, and both must
 *   end their line;
 * - `key value` parameters: a key alone on its line gets ""; values are
 *   single-quoted (`\'` and `\\` only), double-quoted (escapes, a backslash at
 *   the line end joins lines, `#{...}` is Ruby interpolation), JSON arrays or
 *   objects, or unquoted up to the line end, where whitespace + `#` starts a
 *   comment;
 * - `@`-prefixed keys other than @type/@id/@label/@log_level are errors in
 *   the root and in match/source/filter/system.
 *
 * Ruby interpolation is never evaluated: by default it throws
 * FluentdInterpolationError, so a test notices any unintended `#{`; with
 * `interpolation: 'marker'` it yields `⟦ruby:CODE⟧` and is recorded.
 */

export interface FluentdParam {
  key: string;
  value: string;
  /** Offset of the key in the text (with the `positions` option). */
  offset?: number;
}

export interface FluentdElement {
  name: string;
  arg: string;
  params: FluentdParam[];
  elements: FluentdElement[];
  /** Offsets of the opening `<` and of the closing tag's `<` (with the `positions` option). */
  offset?: number;
  endOffset?: number;
}

export interface FluentdDocument {
  root: FluentdElement;
  /** Ruby code found in `#{...}` inside double-quoted strings, in order. */
  interpolations: string[];
}

export interface FluentdParseOptions {
  interpolation?: 'throw' | 'marker';
  /** Record each parameter's and element's offset (for the linter's line numbers). */
  positions?: boolean;
}

export class FluentdParseError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'FluentdParseError';
  }
}

export class FluentdInterpolationError extends FluentdParseError {
  constructor(readonly code: string, offset: number) {
    super(`Ruby interpolation #{${code}}`, offset);
    this.name = 'FluentdInterpolationError';
  }
}

export function rubyMarker(code: string): string {
  return `⟦ruby:${code}⟧`;
}

// Regex sources from basic_parser.rb, in JS syntax: Ruby's `\z` is JS's `$`
// (no m flag). Ruby's `.` skips only "\n", JS's `.` also skips "\r",
// "\u2028" and "\u2029": ANY_BUT_LF stands in for Ruby's `.`.
const ANY_BUT_LF = '[^\\n]';
const LINE_END = `(?:[ \\t]*(?:#${ANY_BUT_LF}*)?(?:$|[\\r\\n]))+`;
const SPACING = `(?:[ \\t\\r\\n]|$|#${ANY_BUT_LF}*?(?:$|[\\r\\n]))+`;
const ZERO_OR_MORE_SPACING = `(?:[ \\t\\r\\n]|$|#${ANY_BUT_LF}*?(?:$|[\\r\\n]))*`;
const SPACING_WITHOUT_COMMENT = `(?:[ \\t\\r\\n]|$)+`;
const LINE_END_WITHOUT_SPACING_AND_COMMENT = `(?:$|[\\r\\n])`;
const ELEMENT_NAME = '[a-zA-Z0-9_]+';
const RESERVED_PARAMS = ['@type', '@id', '@label', '@log_level'];
const ELEM_SYMBOLS = ['match', 'source', 'filter', 'system'];

class Scanner {
  pos = 0;
  /** The text of the last successful match, like StringScanner#[](0). */
  lastMatch: string | undefined;
  constructor(readonly text: string) {}

  private matchAt(source: string): string | undefined {
    const re = new RegExp(source, 'uy');
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    return m ? m[0] : undefined;
  }
  check(source: string): string | undefined {
    return this.matchAt(source);
  }
  scan(source: string): string | undefined {
    const m = this.matchAt(source);
    this.lastMatch = m;
    if (m !== undefined) this.pos += m.length;
    return m;
  }
  skip(source: string): boolean {
    return this.scan(source) !== undefined;
  }
  eof(): boolean {
    return this.pos >= this.text.length;
  }
  getch(): string | undefined {
    if (this.eof()) return undefined;
    const cp = this.text.codePointAt(this.pos)!;
    const c = String.fromCodePoint(cp);
    this.pos += c.length;
    return c;
  }
}

class V1Parser {
  private readonly ss: Scanner;
  readonly interpolations: string[] = [];
  constructor(
    text: string,
    private readonly options: FluentdParseOptions,
  ) {
    this.ss = new Scanner(text);
  }

  private error(message: string): never {
    throw new FluentdParseError(message, this.ss.pos);
  }
  private spacing(): boolean {
    return this.ss.skip(SPACING);
  }
  private lineEnd(): boolean {
    return this.ss.skip(LINE_END);
  }

  parse(): FluentdElement {
    const root: FluentdElement = { name: 'ROOT', arg: '', params: [], elements: [] };
    this.parseElement(true, '', root);
    this.spacing();
    if (!this.ss.eof()) this.error('expected EOF');
    return root;
  }

  private parseElement(isRoot: boolean, elemName: string, into: FluentdElement): void {
    for (;;) {
      this.spacing();
      if (this.ss.eof()) {
        if (isRoot) break;
        this.error(`expected end tag '</${elemName}>' but got end of file`);
      }
      const start = this.ss.pos;
      if (this.ss.skip('<\\/')) {
        if (this.options.positions) into.endOffset = start;
        const name = this.ss.scan(ELEMENT_NAME);
        this.spacing();
        if (!this.ss.skip('>')) this.error('expected character in tag name');
        if (!this.lineEnd()) this.error('expected end of line after end tag');
        if (name !== elemName) this.error('unmatched end tag');
        break;
      } else if (this.ss.skip('<')) {
        const name = this.ss.scan(ELEMENT_NAME) ?? '';
        this.spacing();
        const arg = this.scanString(`(?:${ZERO_OR_MORE_SPACING}>)`);
        this.spacing();
        if (!this.ss.skip('>')) this.error("expected '>'");
        if (!this.lineEnd()) this.error('expected end of line after tag');
        const child: FluentdElement = { name, arg: arg ?? '', params: [], elements: [] };
        if (this.options.positions) child.offset = start;
        this.parseElement(false, name, child);
        into.elements.push(child);
      } else if (isRoot && this.ss.check(`(?:@include|include)${SPACING}`) !== undefined) {
        this.error('@include is not supported by the test parser');
      } else {
        const key = this.scanString(SPACING);
        if (key === undefined) this.error('expected a parameter name');
        const spaced = this.ss.scan(SPACING_WITHOUT_COMMENT);
        if ((spaced ?? '').includes('\n') || this.ss.eof()) {
          into.params.push(this.options.positions ? { key, value: '', offset: start } : { key, value: '' });
          continue;
        }
        if (key === '@include') this.error('@include is not supported by the test parser');
        if (key.startsWith('@') && !RESERVED_PARAMS.includes(key) && (isRoot || ELEM_SYMBOLS.includes(elemName))) {
          this.error(`'@' is the system reserved prefix: ${key}`);
        }
        const value = this.parseLiteral();
        if (!this.lineEnd()) this.error('expected end of line');
        into.params.push(this.options.positions ? { key, value: value ?? '', offset: start } : { key, value: value ?? '' });
      }
    }
  }

  private parseLiteral(): string | undefined {
    this.ss.skip(SPACING_WITHOUT_COMMENT);
    if (this.ss.skip('\\[')) return this.scanJson(true);
    if (this.ss.skip('\\{')) return this.scanJson(false);
    return this.scanString(LINE_END);
  }

  private scanString(boundary: string): string | undefined {
    if (this.ss.skip('"')) return this.scanDoubleQuoted();
    if (this.ss.skip("'")) return this.scanSingleQuoted();
    return this.scanNonQuoted(boundary);
  }

  private scanDoubleQuoted(): string {
    const out: string[] = [];
    for (;;) {
      if (this.ss.skip('"')) return out.join('');
      if (this.ss.check(`[^"]${LINE_END_WITHOUT_SPACING_AND_COMMENT}`) !== undefined) {
        // A character right before a line end: kept with the line end, unless it
        // is a backslash, which joins the lines.
        const s = this.ss.check(`[^\\\\]${LINE_END_WITHOUT_SPACING_AND_COMMENT}`);
        if (s !== undefined) out.push(s);
        this.ss.skip(`[^"]${LINE_END_WITHOUT_SPACING_AND_COMMENT}`);
        continue;
      }
      const escaped = this.ss.scan(`\\\\${ANY_BUT_LF}`);
      if (escaped !== undefined) {
        out.push(this.evalEscape(escaped.slice(1)));
        continue;
      }
      if (this.ss.skip('#\\{')) {
        const start = this.ss.pos;
        const code = this.scanEmbeddedCode();
        this.interpolations.push(code);
        if (this.options.interpolation !== 'marker') throw new FluentdInterpolationError(code, start);
        out.push(rubyMarker(code));
        continue;
      }
      const c = this.ss.scan(ANY_BUT_LF);
      if (c !== undefined) {
        out.push(c);
        continue;
      }
      this.error('unexpected end of file in a double quoted string');
    }
  }

  private evalEscape(c: string): string {
    switch (c) {
      case '"':
        return '"';
      case "'":
        return "'";
      case 'r':
        return '\r';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'f':
        return '\f';
      case 'b':
        return '\b';
      case '0':
        return '\0';
      default:
        if (/^[a-zA-Z0-9]$/.test(c)) this.error(`unexpected back-slash escape character '${c}'`);
        return c;
    }
  }

  /**
   * The Ruby code of `#{...}` up to its closing brace (fluentd uses RubyLex):
   * nested braces and Ruby string literals are followed, which covers the
   * `ENV['NAME']` forms configs use.
   */
  private scanEmbeddedCode(): string {
    const text = this.ss.text;
    let i = this.ss.pos;
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === "'" || c === '"') {
        i += 1;
        while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
        if (i >= text.length) break;
      } else if (c === '{') {
        depth += 1;
      } else if (c === '}') {
        if (depth === 0) {
          const code = text.slice(this.ss.pos, i);
          this.ss.pos = i + 1;
          return code;
        }
        depth -= 1;
      }
      i += 1;
    }
    this.ss.pos = text.length;
    return this.error('expected end of embedded code but $end');
  }

  private scanSingleQuoted(): string {
    const out: string[] = [];
    for (;;) {
      if (this.ss.skip("'")) return out.join('');
      if (this.ss.skip("\\\\'")) {
        out.push("'");
        continue;
      }
      if (this.ss.skip('\\\\\\\\')) {
        out.push('\\');
        continue;
      }
      const c = this.ss.scan(ANY_BUT_LF);
      if (c !== undefined) {
        out.push(c);
        continue;
      }
      this.error('unexpected end of file in a single quoted string');
    }
  }

  private scanNonQuoted(boundary: string): string | undefined {
    const charset = `(?!${boundary})${ANY_BUT_LF}`;
    const out: string[] = [];
    for (;;) {
      if (this.ss.skip('#')) {
        out.push('#');
        continue;
      }
      const c = this.ss.scan(charset);
      if (c === undefined) break;
      out.push(c);
    }
    return out.length === 0 ? undefined : out.join('');
  }

  /** JSON values run until the text read so far parses; `#` outside strings starts a comment. */
  private scanJson(isArray: boolean): string {
    let buffer = isArray ? '[' : '{';
    let lineBuffer = '';
    for (;;) {
      const c = this.ss.getch();
      if (c === undefined) break;
      if (c === '#') {
        let parsed = false;
        try {
          JSON.parse(buffer + lineBuffer.trimEnd().replace(/,$/, '') + (isArray ? ']' : '}'));
          parsed = true;
        } catch {
          // The '#' is inside a JSON string.
        }
        if (parsed) {
          while (this.ss.getch() !== '\n' && !this.ss.eof()) {
            // comment text
          }
          buffer += `${lineBuffer}\n`;
          lineBuffer = '';
        } else {
          lineBuffer += c;
        }
        continue;
      }
      if (c === '\n') {
        buffer += `${lineBuffer}\n`;
        lineBuffer = '';
        continue;
      }
      lineBuffer += c;
      try {
        return JSON.stringify(JSON.parse(buffer + lineBuffer));
      } catch {
        // Incomplete JSON so far.
      }
    }
    return this.error(`got incomplete JSON ${isArray ? 'array' : 'hash'} configuration`);
  }
}

export function parseFluentdConfig(text: string, options: FluentdParseOptions = {}): FluentdDocument {
  const parser = new V1Parser(text, options);
  const root = parser.parse();
  return { root, interpolations: parser.interpolations };
}

/** The value of the last `key` parameter of an element (later ones win in Fluentd). */
export function paramValue(element: FluentdElement, key: string): string | undefined {
  const found = element.params.filter((p) => p.key === key);
  return found[found.length - 1]?.value;
}

/** The only child element called `name`; throws when there is none or more than one. */
export function onlyChild(element: FluentdElement, name: string): FluentdElement {
  const found = element.elements.filter((e) => e.name === name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0]!;
}

/** Fluentd's `:array` parameter type: JSON when it starts with `[`, else split at commas. */
export function fluentdArrayValue(value: string): string[] {
  if (value.startsWith('[')) {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) throw new Error(`array required but got ${value}`);
    return parsed.map(String);
  }
  return value.trim().split(/\s*,\s*/);
}
