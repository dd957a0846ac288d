/**
 * The rows of a line diff between the user's file and the fixed one (jsdiff's
 * `diffLines`), with unchanged stretches far from a change folded into one row.
 */
import { diffLines } from 'diff';

export type DiffRow =
  | { kind: 'same' | 'removed' | 'added'; text: string; oldLine?: number; newLine?: number }
  | { kind: 'fold'; count: number };

const CONTEXT = 2;

export function lineDiff(before: string, after: string): DiffRow[] {
  const rows: Exclude<DiffRow, { kind: 'fold' }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added) rows.push({ kind: 'added', text, newLine: newLine++ });
      else if (part.removed) rows.push({ kind: 'removed', text, oldLine: oldLine++ });
      else rows.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  // Keep CONTEXT unchanged lines around each change; fold the rest.
  const near = rows.map(() => false);
  rows.forEach((r, i) => {
    if (r.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(rows.length - 1, i + CONTEXT); j++) near[j] = true;
  });
  const out: DiffRow[] = [];
  let folded = 0;
  rows.forEach((r, i) => {
    if (near[i]) {
      if (folded > 0) out.push({ kind: 'fold', count: folded });
      folded = 0;
      out.push(r);
    } else folded++;
  });
  if (folded > 0) out.push({ kind: 'fold', count: folded });
  return out;
}
