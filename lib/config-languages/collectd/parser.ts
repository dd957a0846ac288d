/**
 * A test-side parser for collectd.conf, written from collectd's liboconfig
 * (src/liboconfig/scanner.l and parser.y), so tests can read rendered files
 * back the way collectd does.
 *
 * Lexer (flex): at each position the longest match of any rule wins, ties go
 * to the earlier rule. Whitespace is space, tab and backspace; `#` outside
 * quotes starts a comment to the end of the line; a backslash before a line
 * break joins lines; `true|yes|on` / `false|no|off` are booleans; IPv4/IPv6
 * addresses and `[0-9A-Za-z_]+` are unquoted strings; numbers are decimal,
 * float, hex or octal (all read with strtod); a quoted string is
 * `"` ([^\\"] | \\.)* `"` and may continue over lines with `\` + line break,
 * dropping the next line's leading whitespace.
 * Parser (yacc): an option is `Key arg+ EOL`, a block is
 * `<Key arg*> EOL statements </Key> EOL`; `unquote()` strips the quotes and
 * every backslash, keeping the character after it. Statements with neither
 * values nor children are dropped, as in parser.y.
 *
 * Deliberately stricter than collectd in one place: a character no rule
 * matches (flex would echo it to stdout and skip it) is an error here, so a
 * template that produces one fails its tests.
 */

export type CollectdValue = string | number | boolean;

export interface CollectdItem {
  key: string;
  values: CollectdValue[];
  children: CollectdItem[];
  /** 1-based line of the key. */
  line: number;
}

export class CollectdParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CollectdParseError';
  }
}

type TokenType = 'EOL' | 'SLASH' | 'OPENBRAC' | 'CLOSEBRAC' | 'BOOL' | 'NUMBER' | 'QUOTED' | 'UNQUOTED';

interface Token {
  type: TokenType;
  text: string;
  value?: CollectdValue;
  line: number;
}

// --- lexer rules, in scanner.l order -------------------------------------

const HEX16 = '[0-9A-Fa-f]{1,4}';
const IP_BYTE = '(?:2(?:5[0-5]|[0-4][0-9])|1[0-9][0-9]|[1-9]?[0-9])';
const PORT =
  '(?:6(?:5(?:5(?:3[0-5]|[0-2][0-9])|[0-4][0-9][0-9])|[0-4][0-9][0-9][0-9])|[1-5][0-9][0-9][0-9][0-9]|[1-9][0-9]?[0-9]?[0-9]?)';
const IPV4_ADDR = `${IP_BYTE}\\.${IP_BYTE}\\.${IP_BYTE}\\.${IP_BYTE}(?::${PORT})?`;
const V6_PART = `(?:${HEX16}:${HEX16}|${IP_BYTE}\\.${IP_BYTE}\\.${IP_BYTE}\\.${IP_BYTE}(?::${PORT})?)`;
const IPV6_BASE = [
  `(?:${HEX16}:){6}${V6_PART}`,
  `::(?:${HEX16}:){5}${V6_PART}`,
  `(?:${HEX16})?::(?:${HEX16}:){4}${V6_PART}`,
  `(?:(?:${HEX16}:){0,1}${HEX16})?::(?:${HEX16}:){3}${V6_PART}`,
  `(?:(?:${HEX16}:){0,2}${HEX16})?::(?:${HEX16}:){2}${V6_PART}`,
  `(?:(?:${HEX16}:){0,3}${HEX16})?::${HEX16}:${V6_PART}`,
  `(?:(?:${HEX16}:){0,4}${HEX16})?::${V6_PART}`,
  `(?:(?:${HEX16}:){0,5}${HEX16})?::${HEX16}`,
  `(?:(?:${HEX16}:){0,6}${HEX16})?::`,
].join('|');
const IPV6_ADDR = `(?:${IPV6_BASE})|\\[(?:${IPV6_BASE})\\](?::${PORT})?`;

/** flex's `.` is any byte but `\n`; `[^\\"]` includes line breaks. */
const QUOTED_BODY = '(?:[^\\\\"]|\\\\[^\\n])*';
const EOL = '(?:\\r\\n|\\n)';

type RuleAction = 'skip' | 'continue' | TokenType | 'ML_START';

interface Rule {
  action: RuleAction;
  /** Sticky regex; for `longest` rules, an anchored whole-string regex. */
  re: RegExp;
  /** Alternations whose JS (leftmost-first) match may be shorter than flex's longest match. */
  longest?: boolean;
  bool?: boolean;
}

const sticky = (source: string) => new RegExp(source, 'y');
const whole = (source: string) => new RegExp(`^(?:${source})$`);

const RULES: Rule[] = [
  { action: 'skip', re: sticky('[ \\t\\b]') },
  { action: 'skip', re: sticky('#[^\\n]*') },
  { action: 'continue', re: sticky(`\\\\${EOL}`) },
  { action: 'EOL', re: sticky(EOL) },
  { action: 'SLASH', re: sticky('/') },
  { action: 'OPENBRAC', re: sticky('<') },
  { action: 'CLOSEBRAC', re: sticky('>') },
  { action: 'BOOL', re: sticky('true|yes|on'), bool: true },
  { action: 'BOOL', re: sticky('false|no|off'), bool: false },
  { action: 'UNQUOTED', re: whole(IPV4_ADDR), longest: true },
  { action: 'UNQUOTED', re: whole(IPV6_ADDR), longest: true },
  // NUMBER = FLOAT | HEX | OCT | DEC: each alternative is greedy on its own, so try them separately.
  { action: 'NUMBER', re: sticky('[+-]?[0-9]*\\.[0-9]+(?:[eE][+-][0-9]+)?') },
  { action: 'NUMBER', re: sticky('0[xX][0-9a-fA-F]+') },
  { action: 'NUMBER', re: sticky('0[0-7]+') },
  { action: 'NUMBER', re: sticky('[+-]?[0-9]+') },
  { action: 'QUOTED', re: sticky(`"${QUOTED_BODY}"`) },
  { action: 'UNQUOTED', re: sticky('[0-9A-Za-z_]+') },
  { action: 'ML_START', re: sticky(`"${QUOTED_BODY}\\\\${EOL}`) },
];

/** A quick filter before the (slow) longest-match search of the address rules. */
const MAY_START_ADDRESS = /[0-9A-Fa-f:[]/;
const LONGEST_ADDRESS = 64;

function matchLength(rule: Rule, text: string, pos: number): number {
  if (rule.longest) {
    if (!MAY_START_ADDRESS.test(text[pos] ?? '')) return 0;
    const max = Math.min(LONGEST_ADDRESS, text.length - pos);
    for (let len = max; len > 0; len--) {
      if (rule.re.test(text.slice(pos, pos + len))) return len;
    }
    return 0;
  }
  rule.re.lastIndex = pos;
  const m = rule.re.exec(text);
  return m ? m[0].length : 0;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `strtod` on what flex calls NUMBER (hex included; a leading 0 does not mean octal to strtod). */
function strtod(text: string): number {
  const hex = /^0[xX]([0-9a-fA-F]+)$/.exec(text);
  return hex?.[1] !== undefined ? parseInt(hex[1], 16) : Number(text);
}

/** parser.y `unquote()`: strip the quotes, drop each backslash and keep the next character. */
export function unquoteCollectd(quoted: string): string {
  if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"')) return quoted;
  const inner = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    if (i < inner.length) out += inner[i];
  }
  return out;
}

/** The ML start state: continue a quoted string over lines (scanner.l `<ML>` rules). */
function lexMultiline(text: string, start: number, first: string): { end: number; joined: string } {
  const strip = (s: string) => s.replace(/\\(?:\r\n|\n)$/, '');
  let joined = strip(first);
  let pos = start;
  const leading = sticky('[ \\t\\b]+');
  const more = sticky(`[^ \\t\\b]${QUOTED_BODY}\\\\${EOL}`);
  const last = sticky(`[^ \\t\\b]${QUOTED_BODY}"`);
  for (;;) {
    leading.lastIndex = pos;
    const ws = leading.exec(text);
    if (ws) pos += ws[0].length;
    more.lastIndex = pos;
    last.lastIndex = pos;
    const m = more.exec(text);
    const l = last.exec(text);
    if (!m && !l) throw new CollectdParseError('unterminated multi-line string', lineAt(text, pos));
    // Longest match wins between the two ML rules.
    if (m && (!l || m[0].length > l[0].length)) {
      joined += strip(m[0]);
      pos += m[0].length;
      continue;
    }
    joined += l![0];
    return { end: pos + l![0].length, joined };
  }
}

export function tokenizeCollectd(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    let best: Rule | undefined;
    let bestLen = 0;
    for (const rule of RULES) {
      const len = matchLength(rule, text, pos);
      if (len > bestLen) {
        best = rule;
        bestLen = len;
      }
    }
    const line = lineAt(text, pos);
    if (!best) {
      throw new CollectdParseError(`stray character ${JSON.stringify(text[pos])} (collectd would echo and skip it)`, line);
    }
    const lexeme = text.slice(pos, pos + bestLen);
    pos += bestLen;
    switch (best.action) {
      case 'skip':
      case 'continue':
        break;
      case 'ML_START': {
        const { end, joined } = lexMultiline(text, pos, lexeme);
        pos = end;
        tokens.push({ type: 'QUOTED', text: joined, value: unquoteCollectd(joined), line });
        break;
      }
      case 'BOOL':
        tokens.push({ type: 'BOOL', text: lexeme, value: best.bool === true, line });
        break;
      case 'NUMBER':
        tokens.push({ type: 'NUMBER', text: lexeme, value: strtod(lexeme), line });
        break;
      case 'QUOTED':
        tokens.push({ type: 'QUOTED', text: lexeme, value: unquoteCollectd(lexeme), line });
        break;
      case 'UNQUOTED':
        tokens.push({ type: 'UNQUOTED', text: lexeme, value: lexeme, line });
        break;
      default:
        tokens.push({ type: best.action, text: lexeme, line });
    }
  }
  return tokens;
}

// --- parser ----------------------------------------------------------------

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private lastLine(): number {
    return this.tokens[this.tokens.length - 1]?.line ?? 1;
  }

  private expect(type: TokenType, what: string): Token {
    const t = this.tokens[this.i];
    if (!t || t.type !== type) {
      throw new CollectdParseError(`expected ${what}, found ${t ? JSON.stringify(t.text) : 'end of file'}`, t?.line ?? this.lastLine());
    }
    this.i++;
    return t;
  }

  private isArgument(t: Token | undefined): boolean {
    return t !== undefined && (t.type === 'BOOL' || t.type === 'NUMBER' || t.type === 'QUOTED' || t.type === 'UNQUOTED');
  }

  private arguments(): CollectdValue[] {
    const values: CollectdValue[] = [];
    while (this.isArgument(this.peek())) values.push(this.tokens[this.i++]!.value!);
    return values;
  }

  /** statement_list, up to the end of file or (inside a block) a `</`. */
  statements(insideBlock: boolean): CollectdItem[] {
    const items: CollectdItem[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) {
        if (insideBlock) throw new CollectdParseError('block not closed before end of file', this.lastLine());
        return items;
      }
      if (t.type === 'EOL') {
        this.i++;
        continue;
      }
      if (t.type === 'OPENBRAC' && this.peek(1)?.type === 'SLASH') {
        if (!insideBlock) throw new CollectdParseError('closing tag without an open block', t.line);
        return items;
      }
      const item = t.type === 'OPENBRAC' ? this.block() : this.option();
      // parser.y keeps a statement only when it has values or children.
      if (item.values.length > 0 || item.children.length > 0) items.push(item);
    }
  }

  private option(): CollectdItem {
    const key = this.expect('UNQUOTED', 'an option name');
    const values = this.arguments();
    if (values.length === 0) throw new CollectdParseError(`option ${key.text} has no value`, key.line);
    this.expect('EOL', `the end of the line after option ${key.text}`);
    return { key: key.text, values, children: [], line: key.line };
  }

  private block(): CollectdItem {
    this.expect('OPENBRAC', '<');
    const key = this.expect('UNQUOTED', 'a block name');
    const values = this.arguments();
    this.expect('CLOSEBRAC', '>');
    this.expect('EOL', `the end of the line after <${key.text}>`);
    const children = this.statements(true);
    this.expect('OPENBRAC', '<');
    this.expect('SLASH', '/');
    const end = this.expect('UNQUOTED', 'a block name');
    this.expect('CLOSEBRAC', '>');
    this.expect('EOL', `the end of the line after </${end.text}>`);
    // parser.y compares with strcmp: case-sensitive.
    if (end.text !== key.text) throw new CollectdParseError(`block <${key.text}> closed by </${end.text}>`, end.line);
    return { key: key.text, values, children, line: key.line };
  }
}

/** The top-level statements of a collectd.conf text. Throws CollectdParseError. */
export function parseCollectdConfig(text: string): CollectdItem[] {
  return new Parser(tokenizeCollectd(text)).statements(false);
}

// --- lookups (collectd compares keys with strcasecmp) -----------------------

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function childrenNamed(items: CollectdItem[], key: string): CollectdItem[] {
  return items.filter((item) => sameKey(item.key, key));
}

/** The only child named `key`; throws when there are none or several. */
export function onlyChild(items: CollectdItem[], key: string): CollectdItem {
  const found = childrenNamed(items, key);
  if (found.length !== 1) throw new Error(`expected exactly one ${key}, found ${found.length}`);
  return found[0]!;
}

/** `Property "name" "value"` children as [name, value] pairs, in file order. */
export function propertiesOf(item: CollectdItem): Array<[CollectdValue, CollectdValue]> {
  return childrenNamed(item.children, 'Property').map((p) => {
    if (p.values.length !== 2) throw new Error(`Property on line ${p.line} has ${p.values.length} values`);
    return [p.values[0]!, p.values[1]!];
  });
}
