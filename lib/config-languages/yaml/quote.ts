/**
 * One YAML string scalar, double-quoted by js-yaml (`dump`): every control,
 * line-break and invisible character escaped, so a value stays one scalar.
 *
 * js-yaml 5 builds its whole presenter state on every `dump` call (~10 µs),
 * which made rendering six Beats cost more than a millisecond. A scalar's
 * quoting is a pure function of the string, and the wizard re-renders every
 * agent on each keystroke with nearly all values unchanged, so the answers
 * are kept in a small bounded map (cleared when full: no growth a user can
 * drive).
 */
import { dump } from 'js-yaml';

const QUOTE_OPTIONS = { forceQuotes: true, quoteStyle: 'double', lineWidth: -1 } as const;
const MAX_REMEMBERED = 1024;
const remembered = new Map<string, string>();

export function yamlDoubleQuoted(value: string): string {
  let quoted = remembered.get(value);
  if (quoted === undefined) {
    quoted = dump(value, QUOTE_OPTIONS).replace(/\n$/, '');
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(value, quoted);
  }
  return quoted;
}
