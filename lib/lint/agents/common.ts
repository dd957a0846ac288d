/** Small helpers the lint readers share. */
import { acksOf } from '../../agents/common/read-back';
import type { Block, Edit, Entry, WriteValue } from '../model';

/** The content is not this agent's config (or has no Kafka output): what it was recognised as. */
export class NotThisKind extends Error {
  constructor(readonly recognised: string) {
    super(recognised);
    this.name = 'NotThisKind';
  }
}

/** The content is this agent's config but does not parse: where and why. */
export class LintParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'LintParseError';
  }
}

export const acksFrom = (v: string | number): -1 | 0 | 1 => acksOf(typeof v === 'number' ? String(v) : v.trim().toLowerCase());

export const numberFrom = (v: string): number => {
  const n = Number(v.trim().replace(/_/g, ''));
  return Number.isFinite(n) ? n : NaN;
};

/** `${NAME}`, `$NAME`, `#{ENV['NAME']}`: a reference the agent resolves, not a literal secret. */
export const isReference = (v: string): boolean => /\$\{[^}]+\}|^\$[A-Za-z_]\w*$|#\{ENV|⟦ruby:/.test(v);

export const PASSWORD_ENV = 'SLS_KAFKA_PASSWORD';

/** Written where an agent cannot read an environment variable (collectd): the user fills it in. */
export const SECRET_PLACEHOLDER = '<AccessKeySecret>';
export const ID_PLACEHOLDER = '<AccessKeyId>';

/** A SASL password for a file that cannot read the environment: the AccessKey ID as written (or a placeholder), `#`, a placeholder for the secret. */
export function placeholderPassword(value: string): string {
  return `${value.includes('#') ? value.split('#')[0] : ID_PLACEHOLDER}#${SECRET_PLACEHOLDER}`;
}

/**
 * A Block over the entries of one parsed section: `set` writes `entryText`
 * over an entry's lines, or inserts it before line `insertAt`; `remove` drops
 * an entry's lines.
 */
export function entriesBlock(
  line: number,
  endLine: number,
  entries: ReadonlyMap<string, Entry>,
  entryText: (key: string, value: WriteValue) => string,
  insertAt: number,
): Block {
  return {
    line,
    endLine,
    get: (key) => entries.get(key),
    set: (key, value): Edit => {
      const e = entries.get(key);
      const text = entryText(key, value);
      return e ? { from: e.line, to: e.endLine, lines: [text] } : { from: insertAt, to: insertAt - 1, lines: [text] };
    },
    remove: (key) => {
      const e = entries.get(key);
      return e ? { from: e.line, to: e.endLine, lines: [] } : undefined;
    },
  };
}
