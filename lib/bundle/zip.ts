/**
 * Zips bundle entries with fflate, loaded on first use so the zip library is
 * never part of the wizard page's first load. Reproducible: every entry carries
 * the same fixed time (ZIP_MTIME), so the same settings give the same bytes in
 * the browser and in `sls-kafka bundle` (and a diff of two bundles shows only
 * what changed).
 */
import type { BundleEntry } from './index';

/**
 * 1980-01-01 00:00, the first instant a zip (DOS) time can hold, as reproducible
 * builds use. Built from local-time parts because fflate writes local-time parts:
 * the bytes are then the same in every time zone.
 */
export function zipMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

export async function zipBundle(entries: readonly BundleEntry[]): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const tree: Record<string, Uint8Array> = {};
  for (const entry of entries) tree[entry.path] = strToU8(entry.content);
  return zipSync(tree, { level: 6, mtime: zipMtime() });
}
