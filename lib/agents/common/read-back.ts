/** Small readers the agents' read-backs share: loose access into a parsed config tree. */
export type Tree = Record<string, unknown>;

export const obj = (v: unknown): Tree => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Tree) : {});

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** `0`, `-1`/`all`, anything else is 1 (the leader). */
export const acksOf = (v: unknown): -1 | 0 | 1 => {
  const s = str(v);
  return s === '0' ? 0 : s === '-1' || s === 'all' ? -1 : 1;
};

export { codecOf } from './codecs';
