/**
 * Quoting for values placed in the steps' command lines (paths, URLs, the JKS
 * password): POSIX sh for Linux and Docker, PowerShell for Windows.
 */

const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One POSIX shell word: bare when plain, else single-quoted (nothing expands there; `'` becomes `'\''`). */
export function shellWord(value: string): string {
  if (value !== '' && PLAIN_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * PowerShell single quotes: only a quote character is special, and it is
 * doubled. PowerShell also treats the typographic single quotes as quotes.
 */
export function powershellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}
