/**
 * Quoting for values placed in the steps' command lines (paths, URLs, the JKS
 * password): POSIX sh for Linux and Docker, PowerShell for Windows. The one
 * POSIX rule: inside single quotes nothing expands, and a `'` is written as
 * `'\''` (close, escaped quote, reopen).
 */

const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always single-quoted, even when the value is a plain word (Fluentd's steps quote every value). */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** One POSIX shell word: bare when plain, else single-quoted by `shellQuote`. */
export function shellWord(value: string): string {
  if (value !== '' && PLAIN_WORD.test(value)) return value;
  return shellQuote(value);
}

/**
 * PowerShell single quotes: only a quote character is special, and it is
 * doubled. PowerShell also treats the typographic single quotes as quotes.
 */
export function powershellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
