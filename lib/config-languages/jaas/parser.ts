/**
 * Test-side parsers for the two JAAS syntaxes Kafka's Java client reads, both
 * built on java.io.StreamTokenizer, emulated here with the same syntax tables:
 *
 * - `parseSaslJaasConfig`: the `sasl.jaas.config` value, as
 *   `org.apache.kafka.common.security.JaasConfig` reads it —
 *   `<LoginModule> <flag> (<key>=<value>)* ;` — resetSyntax, wordChars 32–128
 *   and 160–255, whitespace 0–32, `;` `=` ordinary, `/` comment char with
 *   `//` and `/* *\/` comments, `"` and `'` quotes.
 * - `parseJaasFile`: a JAAS login file, as the JDK's
 *   `sun.security.provider.ConfigFile` reads it —
 *   `<Name> { <LoginModule> <flag> (<key>=<value>)* ; ... };` — the default
 *   StreamTokenizer (letters are word chars, numbers parsed, `/` comment char,
 *   `"` and `'` quotes) plus `$ _ - *` as word chars, `//` and `/* *\/`
 *   comments; every option value then goes through PropertyExpander
 *   (`${prop}` from Java system properties; unset is an error).
 *
 * Inside quotes StreamTokenizer handles `\a \b \f \n \r \t \v`, octal
 * escapes and `\<other>` = `<other>`, and ends the string at a line break.
 */

export interface JaasLoginModule {
  loginModule: string;
  flag: 'required' | 'requisite' | 'sufficient' | 'optional';
  options: Record<string, string>;
}

export class JaasParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JaasParseError';
  }
}

const CT_WHITESPACE = 1;
const CT_DIGIT = 2;
const CT_ALPHA = 4;
const CT_QUOTE = 8;
const CT_COMMENT = 16;

type Token =
  | { type: 'word'; value: string }
  | { type: 'quoted'; quote: string; value: string }
  | { type: 'number'; value: number }
  | { type: 'char'; value: string }
  | { type: 'eof' };

/** java.io.StreamTokenizer, the parts both JAAS readers use (eolIsSignificant off: EOLs are skipped). */
class StreamTokenizer {
  private pos = 0;
  private readonly ctype = new Uint8Array(256);
  private slashSlash = false;
  private slashStar = false;
  private numbers = false;

  constructor(private readonly src: string) {}

  resetSyntax(): void {
    this.ctype.fill(0);
    this.numbers = false;
  }
  wordChars(low: number, high: number): void {
    for (let c = low; c <= high && c < 256; c++) this.ctype[c]! |= CT_ALPHA;
  }
  whitespaceChars(low: number, high: number): void {
    for (let c = low; c <= high && c < 256; c++) this.ctype[c] = CT_WHITESPACE;
  }
  ordinaryChar(ch: string): void {
    this.ctype[ch.charCodeAt(0)] = 0;
  }
  commentChar(ch: string): void {
    this.ctype[ch.charCodeAt(0)] = CT_COMMENT;
  }
  quoteChar(ch: string): void {
    this.ctype[ch.charCodeAt(0)] = CT_QUOTE;
  }
  parseNumbers(): void {
    for (const ch of '0123456789.-') this.ctype[ch.charCodeAt(0)]! |= CT_DIGIT;
    this.numbers = true;
  }
  slashSlashComments(on: boolean): void {
    this.slashSlash = on;
  }
  slashStarComments(on: boolean): void {
    this.slashStar = on;
  }

  /** The default constructor's table: StreamTokenizer(Reader). */
  static withDefaultSyntax(src: string): StreamTokenizer {
    const t = new StreamTokenizer(src);
    t.wordChars('a'.charCodeAt(0), 'z'.charCodeAt(0));
    t.wordChars('A'.charCodeAt(0), 'Z'.charCodeAt(0));
    t.wordChars(128 + 32, 255);
    t.whitespaceChars(0, ' '.charCodeAt(0));
    t.commentChar('/');
    t.quoteChar('"');
    t.quoteChar("'");
    t.parseNumbers();
    return t;
  }

  private type(code: number): number {
    // StreamTokenizer: characters above 255 are word characters.
    return code < 256 ? (this.ctype[code] ?? 0) : CT_ALPHA;
  }

  private code(at: number): number {
    return at < this.src.length ? this.src.charCodeAt(at) : -1;
  }

  next(): Token {
    for (;;) {
      const c = this.code(this.pos);
      if (c < 0) return { type: 'eof' };
      const ct = this.type(c);
      if (ct & CT_WHITESPACE) {
        this.pos++;
        continue;
      }
      if (ct & CT_DIGIT && this.numbers) {
        let text = '';
        while (this.pos < this.src.length && this.type(this.code(this.pos)) & CT_DIGIT) text += this.src[this.pos++];
        // Java's rule: '-' alone is an ordinary char; digits and one '.' make the number.
        if (text === '-') return { type: 'char', value: '-' };
        const match = /^-?[0-9]*\.?[0-9]*/.exec(text);
        this.pos -= text.length - (match?.[0].length ?? 0);
        return { type: 'number', value: Number(match?.[0] || 0) };
      }
      if (ct & CT_ALPHA) {
        let text = '';
        while (this.pos < this.src.length && this.type(this.code(this.pos)) & (CT_ALPHA | CT_DIGIT)) text += this.src[this.pos++];
        return { type: 'word', value: text };
      }
      if (ct & CT_QUOTE) {
        return this.quoted(String.fromCharCode(c));
      }
      if (c === '/'.charCodeAt(0) && (this.slashSlash || this.slashStar)) {
        const n = this.code(this.pos + 1);
        if (n === '*'.charCodeAt(0) && this.slashStar) {
          const end = this.src.indexOf('*/', this.pos + 2);
          this.pos = end < 0 ? this.src.length : end + 2;
          continue;
        }
        if (n === '/'.charCodeAt(0) && this.slashSlash) {
          this.skipLine();
          continue;
        }
        if (ct & CT_COMMENT) {
          this.skipLine();
          continue;
        }
        this.pos++;
        return { type: 'char', value: '/' };
      }
      if (ct & CT_COMMENT) {
        this.skipLine();
        continue;
      }
      // An ordinary character is a token of its own.
      this.pos++;
      return { type: 'char', value: String.fromCharCode(c) };
    }
  }

  private skipLine(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n' && this.src[this.pos] !== '\r') this.pos++;
  }

  private quoted(quote: string): Token {
    this.pos++;
    let value = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === quote) {
        this.pos++;
        return { type: 'quoted', quote, value };
      }
      if (ch === '\n' || ch === '\r') break; // a line break ends the string (unterminated)
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        this.pos++;
        const e = this.src[this.pos]!;
        if (e >= '0' && e <= '7') {
          let digits = e;
          const max = e <= '3' ? 3 : 2;
          while (digits.length < max && /[0-7]/.test(this.src[this.pos + 1] ?? '')) digits += this.src[++this.pos];
          value += String.fromCharCode(parseInt(digits, 8));
        } else {
          const map: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\u000b' };
          value += map[e] ?? e;
        }
        this.pos++;
        continue;
      }
      value += ch;
      this.pos++;
    }
    return { type: 'quoted', quote, value };
  }
}

function flagOf(text: string | undefined): JaasLoginModule['flag'] {
  const flag = text?.toLowerCase();
  if (flag === 'required' || flag === 'requisite' || flag === 'sufficient' || flag === 'optional') return flag;
  throw new JaasParseError(`invalid login module control flag “${text ?? ''}”`);
}

function text(token: Token): string | undefined {
  return token.type === 'word' || token.type === 'quoted' ? token.value : undefined;
}

/** Kafka `JaasConfig`: the value of `sasl.jaas.config` (Logstash `sasl_jaas_config`). */
export function parseSaslJaasConfig(value: string): JaasLoginModule[] {
  const t = new StreamTokenizer(value);
  t.resetSyntax();
  t.wordChars(32, 128);
  t.wordChars(128 + 32, 255);
  t.ordinaryChar(';');
  t.ordinaryChar('=');
  t.whitespaceChars(0, 32);
  t.commentChar('/');
  t.quoteChar('"');
  t.quoteChar("'");
  t.slashSlashComments(true);
  t.slashStarComments(true);

  const modules: JaasLoginModule[] = [];
  let token = t.next();
  while (token.type !== 'eof') {
    const loginModule = text(token);
    if (loginModule === undefined) throw new JaasParseError('expected a login module class');
    const flagToken = t.next();
    if (flagToken.type === 'eof') throw new JaasParseError('Login module control flag not specified in JAAS config');
    const flag = flagOf(text(flagToken));
    const options: Record<string, string> = {};
    for (;;) {
      token = t.next();
      if (token.type === 'eof' || (token.type === 'char' && token.value === ';')) break;
      const key = text(token) ?? '';
      const eq = t.next();
      const valueToken = eq.type === 'char' && eq.value === '=' ? t.next() : { type: 'eof' as const };
      const optionValue = text(valueToken);
      if (optionValue === undefined) throw new JaasParseError(`Value not specified for key '${key}' in JAAS config`);
      options[key] = optionValue;
    }
    if (!(token.type === 'char' && token.value === ';')) throw new JaasParseError('JAAS config entry not terminated by semi-colon');
    modules.push({ loginModule, flag, options });
    token = t.next();
  }
  if (modules.length === 0) throw new JaasParseError('Login module not specified in JAAS config');
  return modules;
}

/** sun.security.util.PropertyExpander for `${prop}` (and `${/}`), from a map of Java system properties. */
export function expandProperties(value: string, properties: Record<string, string>): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = value.indexOf('${', i);
    if (start < 0) return out + value.slice(i);
    const end = value.indexOf('}', start);
    if (end < 0) return out + value.slice(i);
    out += value.slice(i, start);
    const name = value.slice(start + 2, end);
    if (name === '/') out += '/';
    else if (Object.hasOwn(properties, name)) out += properties[name];
    else throw new JaasParseError(`Unable to expand property ${name}`);
    i = end + 1;
  }
}

/** JDK `ConfigFile`: a JAAS login file, application name → its login modules. */
export function parseJaasFile(src: string, systemProperties: Record<string, string> = {}): Map<string, JaasLoginModule[]> {
  const t = StreamTokenizer.withDefaultSyntax(src);
  t.quoteChar('"');
  t.wordChars('$'.charCodeAt(0), '$'.charCodeAt(0));
  t.wordChars('_'.charCodeAt(0), '_'.charCodeAt(0));
  t.wordChars('-'.charCodeAt(0), '-'.charCodeAt(0));
  t.wordChars('*'.charCodeAt(0), '*'.charCodeAt(0));
  t.slashSlashComments(true);
  t.slashStarComments(true);

  const result = new Map<string, JaasLoginModule[]>();
  let lookahead = t.next();
  const isChar = (token: Token, ch: string) => token.type === 'char' && token.value === ch;
  // ConfigFile.match(): words and quoted strings are accepted where a name or value is expected.
  const matchText = (what: string): string => {
    const value = text(lookahead);
    if (value === undefined) throw new JaasParseError(`expected ${what}`);
    lookahead = t.next();
    return value;
  };
  const matchChar = (ch: string): void => {
    if (!isChar(lookahead, ch)) throw new JaasParseError(`expected “${ch}”`);
    lookahead = t.next();
  };

  while (lookahead.type !== 'eof') {
    const appName = text(lookahead);
    if (appName === undefined) throw new JaasParseError('expected an application name');
    lookahead = t.next();
    matchChar('{');
    const modules: JaasLoginModule[] = [];
    while (!isChar(lookahead, '}')) {
      const loginModule = matchText('module class name');
      const flag = flagOf(matchText('controlFlag'));
      const options: Record<string, string> = {};
      while (!isChar(lookahead, ';')) {
        const key = matchText('option key');
        matchChar('=');
        options[key] = expandProperties(matchText('option value'), systemProperties);
      }
      lookahead = t.next();
      modules.push({ loginModule, flag, options });
    }
    matchChar('}');
    matchChar(';');
    if (result.has(appName)) throw new JaasParseError(`Can not specify multiple entries for ${appName}`);
    result.set(appName, modules);
  }
  return result;
}
