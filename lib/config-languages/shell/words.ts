/**
 * Reading shell command lines back: POSIX word splitting and quote removal
 * by `shell-quote` (a well-kept parser), with `$VAR` left as written so a
 * read-back can see which environment variable a command refers to.
 * Operators (`<`, `|`, `<(`, `)`) come back as `{ op }` entries.
 */
import { parse } from 'shell-quote';

export type ShellToken = string | { op: string };

/** The words and operators of one command line; a comment (`# …`) ends it. */
export function shellWords(line: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  // The env callback keeps `$NAME` literal instead of expanding it to ''.
  for (const entry of parse(line, (name) => `$${name}`)) {
    if (typeof entry === 'string') tokens.push(entry);
    else if ('comment' in entry) break;
    else if ('op' in entry && typeof entry.op === 'string') tokens.push({ op: entry.op === 'glob' ? '*' : entry.op });
  }
  return tokens;
}
