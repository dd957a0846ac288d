/**
 * A test-side parser for Logstash pipeline configs, written from the real
 * grammar (elastic/logstash `logstash-core/lib/logstash/compiler/lscl/lscl_grammar.treetop`)
 * and its AST (`lscl.rb`): PEG rules with ordered choice, greedy repetition.
 *
 *   config          = (cs plugin_section)* cs
 *   comment         = (whitespace? "#" [^\r\n]* "\r"? "\n")+       (ends at a newline!)
 *   cs              = (comment / whitespace)*
 *   plugin_section  = ("input" / "filter" / "output") cs "{" cs (plugin cs)* "}"
 *   plugin          = name cs "{" cs (attribute (whitespace cs attribute)*)? cs "}"
 *   name            = [A-Za-z0-9_-]+ / string
 *   attribute       = name cs "=>" cs value
 *   value           = plugin / bareword / string / number / array / hash
 *   bareword        = [A-Za-z_] [A-Za-z0-9_]+
 *   double_quoted   = '"' ('\"' / !'"' .)* '"'       single_quoted likewise with '
 *   number          = "-"? [0-9]+ ("." [0-9]*)?
 *   array           = "[" cs (value (cs "," cs value)*)? cs "]"
 *   hash            = "{" cs hashentries? cs "}" ; hashentry = (number / bareword / string) cs "=>" cs value
 *
 * A string's value is the raw text between its quotes; with
 * `supportEscapes` (logstash.yml `config.support_escapes: true`) it goes
 * through StringEscapeHelper MINIMAL. Conditionals (`if …`) are not modelled:
 * the renderer never writes them, so meeting one is a parse error here.
 * `substituteVariables` models `${VAR}` substitution (substitution_variables.rb).
 */

export type LogstashValue =
  | { kind: 'string'; value: string; quote: '"' | "'" }
  | { kind: 'number'; value: number }
  | { kind: 'bareword'; value: string }
  | { kind: 'array'; items: LogstashValue[] }
  | { kind: 'hash'; entries: Array<{ key: string; value: LogstashValue }> }
  | { kind: 'plugin'; plugin: LogstashPlugin };

export interface LogstashAttribute {
  name: string;
  value: LogstashValue;
  /** Offsets of the name and of the value's end (with the `positions` option). */
  offset?: number;
  endOffset?: number;
}

export interface LogstashPlugin {
  name: string;
  attributes: LogstashAttribute[];
  /** Offsets of the name and of the closing `}` (with the `positions` option). */
  offset?: number;
  endOffset?: number;
}

export interface LogstashSection {
  type: 'input' | 'filter' | 'output';
  plugins: LogstashPlugin[];
}

export interface LogstashConfig {
  sections: LogstashSection[];
}

export interface LogstashParseOptions {
  supportEscapes?: boolean;
  /** Record plugins' and attributes' offsets (for the linter's line numbers). */
  positions?: boolean;
}

export class LogstashParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'LogstashParseError';
  }
}

/** StringEscapeHelper.MINIMAL.unescape from logstash-core. */
export function minimalUnescape(escaped: string): string {
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    if (i >= escaped.length) {
      out += '\\';
      break;
    }
    const seq = escaped[i];
    if (seq === 'n') out += '\n';
    else if (seq === 'r') out += '\r';
    else if (seq === 't') out += '\t';
    else out += seq; // \\ \" \' and any other char are emitted as-is
  }
  return out;
}

const SUBSTITUTION = /\$\{(?<name>[a-zA-Z_.][a-zA-Z0-9_.]*)(:(?<default>[^}]*))?\}/g;

/**
 * `${NAME}` / `${NAME:default}` replacement as Logstash does it for every
 * string setting: keystore first, then environment, then the default; an
 * unknown name without default is a configuration error.
 */
export function substituteVariables(value: string, lookup: (name: string) => string | undefined): string {
  return value.replace(SUBSTITUTION, (placeholder, ...args: unknown[]) => {
    const groups = args[args.length - 1] as { name: string; default?: string };
    const replacement = lookup(groups.name) ?? groups.default;
    if (replacement === undefined) throw new Error(`Cannot evaluate \`${placeholder}\`: ${groups.name} is not defined`);
    return replacement;
  });
}

/** True when Logstash would substitute something in this string. */
export function hasSubstitution(value: string): boolean {
  return new RegExp(SUBSTITUTION.source).test(value);
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly options: LogstashParseOptions,
  ) {}

  parseConfig(): LogstashConfig {
    const sections: LogstashSection[] = [];
    for (;;) {
      const save = this.pos;
      this.cs();
      const section = this.attempt(() => this.pluginSection());
      if (!section) {
        this.pos = save;
        break;
      }
      sections.push(section);
    }
    this.cs();
    if (this.pos !== this.src.length) this.fail('expected input, filter or output section (or a comment ending in a newline)');
    return { sections };
  }

  private fail(message: string): never {
    throw new LogstashParseError(message, this.pos);
  }

  /** Run a rule; on failure restore the position and return undefined (PEG backtracking). */
  private attempt<T>(rule: () => T): T | undefined {
    const save = this.pos;
    try {
      return rule();
    } catch (error) {
      if (!(error instanceof LogstashParseError)) throw error;
      this.pos = save;
      return undefined;
    }
  }

  private peek(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  private literal(text: string): void {
    if (!this.peek(text)) this.fail(`expected “${text}”`);
    this.pos += text.length;
  }

  private whitespace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && ' \t\r\n'.includes(this.src[this.pos] ?? '')) this.pos++;
    return this.pos > start;
  }

  /** One `whitespace? "#" [^\r\n]* "\r"? "\n"`; false (position kept) when it does not match. */
  private commentLine(): boolean {
    const save = this.pos;
    this.whitespace();
    if (!this.peek('#')) {
      this.pos = save;
      return false;
    }
    while (this.pos < this.src.length && !'\r\n'.includes(this.src[this.pos] ?? '')) this.pos++;
    if (this.peek('\r')) this.pos++;
    if (!this.peek('\n')) {
      this.pos = save;
      return false;
    }
    this.pos++;
    return true;
  }

  private cs(): void {
    for (;;) {
      if (this.commentLine()) continue;
      if (this.whitespace()) continue;
      return;
    }
  }

  private pluginSection(): LogstashSection {
    const type = (['input', 'filter', 'output'] as const).find((t) => this.peek(t));
    if (!type) this.fail('expected input, filter or output');
    this.pos += type.length;
    this.cs();
    this.literal('{');
    this.cs();
    const plugins: LogstashPlugin[] = [];
    for (;;) {
      const plugin = this.attempt(() => this.plugin());
      if (!plugin) break;
      plugins.push(plugin);
      this.cs();
    }
    this.literal('}');
    return { type, plugins };
  }

  private plugin(): LogstashPlugin {
    const start = this.pos;
    const name = this.name();
    this.cs();
    this.literal('{');
    this.cs();
    const attributes: LogstashAttribute[] = [];
    const first = this.attempt(() => this.attribute());
    if (first) {
      attributes.push(first);
      for (;;) {
        const next = this.attempt(() => {
          if (!this.whitespace()) this.fail('expected whitespace between attributes');
          this.cs();
          return this.attribute();
        });
        if (!next) break;
        attributes.push(next);
      }
    }
    this.cs();
    const end = this.pos;
    this.literal('}');
    return this.options.positions ? { name, attributes, offset: start, endOffset: end } : { name, attributes };
  }

  private name(): string {
    const match = /^[A-Za-z0-9_-]+/.exec(this.src.slice(this.pos));
    if (match) {
      this.pos += match[0].length;
      return match[0];
    }
    // lscl.rb: a quoted attribute name is its text without the quotes.
    return this.string().value;
  }

  private attribute(): LogstashAttribute {
    const start = this.pos;
    const name = this.name();
    this.cs();
    this.literal('=>');
    this.cs();
    const value = this.value();
    return this.options.positions ? { name, value, offset: start, endOffset: this.pos } : { name, value };
  }

  private value(): LogstashValue {
    const plugin = this.attempt(() => this.plugin());
    if (plugin) return { kind: 'plugin', plugin };
    const bareword = this.attempt(() => this.bareword());
    if (bareword !== undefined) return { kind: 'bareword', value: bareword };
    const string = this.attempt(() => this.string());
    if (string) return string;
    const number = this.attempt(() => this.number());
    if (number !== undefined) return { kind: 'number', value: number };
    const array = this.attempt(() => this.array());
    if (array) return array;
    const hash = this.attempt(() => this.hash());
    if (hash) return hash;
    return this.fail('expected a value');
  }

  private bareword(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]+/.exec(this.src.slice(this.pos));
    if (!match) this.fail('expected a bareword');
    this.pos += match[0].length;
    return match[0];
  }

  private string(): { kind: 'string'; value: string; quote: '"' | "'" } {
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== "'") this.fail('expected a string');
    const start = this.pos + 1;
    let i = start;
    for (;;) {
      if (i >= this.src.length) this.fail('unterminated string');
      // `\"` (or `\'`) is consumed as a pair and never closes the string.
      if (this.src[i] === '\\' && this.src[i + 1] === quote) {
        i += 2;
        continue;
      }
      if (this.src[i] === quote) break;
      i++;
    }
    const raw = this.src.slice(start, i);
    this.pos = i + 1;
    return { kind: 'string', value: this.options.supportEscapes ? minimalUnescape(raw) : raw, quote };
  }

  private number(): number {
    const match = /^-?[0-9]+(\.[0-9]*)?/.exec(this.src.slice(this.pos));
    if (!match) this.fail('expected a number');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private array(): LogstashValue {
    this.literal('[');
    this.cs();
    const items: LogstashValue[] = [];
    const first = this.attempt(() => this.value());
    if (first) {
      items.push(first);
      for (;;) {
        const next = this.attempt(() => {
          this.cs();
          this.literal(',');
          this.cs();
          return this.value();
        });
        if (!next) break;
        items.push(next);
      }
    }
    this.cs();
    this.literal(']');
    return { kind: 'array', items };
  }

  private hash(): LogstashValue {
    this.literal('{');
    this.cs();
    const entries: Array<{ key: string; value: LogstashValue }> = [];
    const entry = () => {
      const key =
        this.attempt(() => String(this.number())) ?? this.attempt(() => this.bareword()) ?? this.string().value;
      this.cs();
      this.literal('=>');
      this.cs();
      return { key, value: this.value() };
    };
    const first = this.attempt(entry);
    if (first) {
      entries.push(first);
      for (;;) {
        const next = this.attempt(() => {
          if (!this.whitespace()) this.fail('expected whitespace between hash entries');
          return entry();
        });
        if (!next) break;
        entries.push(next);
      }
    }
    this.cs();
    this.literal('}');
    const keys = entries.map((e) => e.key);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== undefined) this.fail(`duplicate hash key “${duplicate}”`);
    return { kind: 'hash', entries };
  }
}

export function parseLogstashConfig(src: string, options: LogstashParseOptions = {}): LogstashConfig {
  return new Parser(src, options).parseConfig();
}

/** The single plugin of that name in the section; throws unless there is exactly one. */
export function findPlugin(config: LogstashConfig, section: LogstashSection['type'], name: string): LogstashPlugin {
  const found = config.sections.filter((s) => s.type === section).flatMap((s) => s.plugins.filter((p) => p.name === name));
  if (found.length !== 1) throw new Error(`expected one ${section} ${name} plugin, found ${found.length}`);
  return found[0]!;
}

/** Attribute values by name; throws on a repeated attribute (Logstash would merge or listify it). */
export function attributeMap(plugin: LogstashPlugin): Map<string, LogstashValue> {
  const map = new Map<string, LogstashValue>();
  for (const attribute of plugin.attributes) {
    if (map.has(attribute.name)) throw new Error(`attribute ${attribute.name} appears twice`);
    map.set(attribute.name, attribute.value);
  }
  return map;
}

/** The string value of an attribute; throws when it is missing or not a string. */
export function stringAttribute(plugin: LogstashPlugin, name: string): string {
  const value = attributeMap(plugin).get(name);
  if (value?.kind !== 'string') throw new Error(`${plugin.name}.${name} is ${value ? value.kind : 'missing'}, expected a string`);
  return value.value;
}
