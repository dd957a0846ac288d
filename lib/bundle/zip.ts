/**
 * Zips bundle entries with fflate, loaded on first use so the zip library is
 * never part of the wizard page's first load.
 */
import type { BundleEntry } from './index';

export async function zipBundle(entries: readonly BundleEntry[]): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const tree: Record<string, Uint8Array> = {};
  for (const entry of entries) tree[entry.path] = strToU8(entry.content);
  return zipSync(tree, { level: 6 });
}
