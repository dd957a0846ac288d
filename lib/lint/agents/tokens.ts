/**
 * A small tokenizer for the parenthesised configs the linter edits in place
 * (rsyslog `action(…)`, syslog-ng `kafka-c(…)`): words, quoted strings,
 * punctuation, each with its offsets, so an edit can replace exactly one
 * value and keep the rest of the line (and every comment) as written. The
 * files are first checked by the real parsers in lib/config-languages; this
 * only locates what they read.
 */
import { lineOfOffset } from '../../config-languages/yaml/positions';
import type { Edit } from '../model';

export interface Token {
  kind: 'word' | 'string' | 'punct';
  /** The text as written (quotes included). */
  raw: string;
  /** Strings: the text between the quotes, escapes undone; others: `raw`. */
  value: string;
  quote?: string;
  start: number;
  end: number;
  line: number;
}

export interface TokenizeOptions {
  quotes: string;
  word: RegExp;
  /** `/* … *\/` comments (RainerScript). */
  blockComments?: boolean;
}

/** Tokens from `from` up to the `)` that closes the `(` at `from` (inclusive). */
export function tokensOfParens(text: string, from: number, opts: TokenizeOptions): Token[] {
  const out: Token[] = [];
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === 10) line++;
  let depth = 0;
  let i = from;
  const word = new RegExp(opts.word.source, 'y');
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (opts.blockComments && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 10) line++;
      i = stop;
      continue;
    }
    if (opts.quotes.includes(c)) {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else value += text[j++];
      }
      out.push({ kind: 'string', raw: text.slice(i, j + 1), value, quote: c, start: i, end: j + 1, line });
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      i = j + 1;
      continue;
    }
    if (text.startsWith('=>', i)) {
      out.push({ kind: 'punct', raw: '=>', value: '=>', start: i, end: i + 2, line });
      i += 2;
      continue;
    }
    word.lastIndex = i;
    const m = word.exec(text);
    if (m && m[0].length > 0) {
      out.push({ kind: 'word', raw: m[0], value: m[0], start: i, end: i + m[0].length, line });
      i += m[0].length;
      continue;
    }
    out.push({ kind: 'punct', raw: c, value: c, start: i, end: i + 1, line });
    i++;
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
  }
  return out;
}

/** Offsets of each line's start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * The edit that replaces text[start, end) by `replacement`, as whole lines
 * (the first line's text before `start` and the last line's after `end` kept).
 * When the replacement is empty and nothing else is left on the line, the line goes.
 */
export function spanEdit(text: string, starts: readonly number[], start: number, end: number, replacement: string): Edit {
  const from = lineOfOffset(starts, start);
  const to = lineOfOffset(starts, Math.max(start, end - 1));
  const lineStart = starts[from - 1] ?? 0;
  const nextStart = starts[to] ?? text.length + 1;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, nextStart - 1);
  const joined = before + replacement + after;
  if (replacement === '' && joined.trim() === '') return { from, to, lines: [] };
  return { from, to, lines: [joined.replace(/[ \t]+$/, '')] };
}

/** The index of the token that closes the bracket at `open` (`(`/`)` or `[`/`]`). */
export function closing(tokens: readonly Token[], open: number): number {
  const o = tokens[open]?.raw;
  const c = o === '(' ? ')' : ']';
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.raw === o && tokens[i]!.kind === 'punct') depth++;
    if (tokens[i]!.raw === c && tokens[i]!.kind === 'punct' && --depth === 0) return i;
  }
  return tokens.length - 1;
}
