/**
 * Are records spread over a Logstore's shards? A Kafka client sends records
 * with the same key to the same partition, so an agent configured with a
 * constant message key writes everything into one SLS shard. This looks at the
 * newest records of each Logstore and says when they all sit on one shard while
 * the Logstore has more, and whether a constant key explains it. Pure.
 */

export interface SpreadRecord {
  logstore: string;
  shard: number;
  key: string | null;
}

export interface SpreadShard {
  logstore: string;
  shard: number;
}

export type SpreadFinding =
  | {
      logstore: string;
      kind: 'spread';
      /** How many of the newest records were looked at. */
      count: number;
      /** The shards those records reached, ascending. */
      shards: number[];
    }
  | {
      logstore: string;
      /** `constant-key`: one key on every record; `no-key`: no record has a key (the client's partitioner chose); `other`: keys differ. */
      kind: 'constant-key' | 'no-key' | 'other';
      count: number;
      shard: number;
      /** How many shards the Logstore has (at least). */
      shardCount: number;
      /** The constant key, for `constant-key`. */
      key: string | null;
    };

export interface SpreadOptions {
  /** How many of the newest records per Logstore to look at. */
  window?: number;
  /** Fewer records than this say nothing yet. */
  minRecords?: number;
  /** Shards per Logstore when the server knows it (open mode: SANDBOX_SHARDS). */
  shardsPerLogstore?: number;
}

export const SPREAD_WINDOW = 20;
export const SPREAD_MIN_RECORDS = 10;

/**
 * One finding per Logstore that has enough records. `records` are newest first
 * (as GET /api/sandbox/records returns them); `shards` are the shard rows the
 * store knows (a shard appears once it has received something).
 */
export function analyseSpread(
  records: readonly SpreadRecord[],
  shards: readonly SpreadShard[],
  options: SpreadOptions = {},
): SpreadFinding[] {
  const window = options.window ?? SPREAD_WINDOW;
  const minRecords = options.minRecords ?? SPREAD_MIN_RECORDS;
  const newest = new Map<string, SpreadRecord[]>();
  for (const r of records) {
    const list = newest.get(r.logstore) ?? [];
    if (list.length < window) list.push(r);
    newest.set(r.logstore, list);
  }
  const findings: SpreadFinding[] = [];
  for (const [logstore, list] of newest) {
    if (list.length < minRecords) continue;
    const reached = [...new Set(list.map((r) => r.shard))].sort((a, b) => a - b);
    if (reached.length > 1) {
      findings.push({ logstore, kind: 'spread', count: list.length, shards: reached });
      continue;
    }
    const shard = reached[0] ?? 0;
    const known = shards.filter((s) => s.logstore === logstore);
    const shardCount = Math.max(
      options.shardsPerLogstore ?? 0,
      known.length,
      ...known.map((s) => s.shard + 1),
      ...list.map((r) => r.shard + 1),
    );
    if (shardCount <= 1) continue;
    const keys = new Set(list.map((r) => r.key));
    const onlyKey = keys.size === 1 ? ([...keys][0] ?? null) : undefined;
    const kind = onlyKey === undefined ? 'other' : onlyKey === null ? 'no-key' : 'constant-key';
    findings.push({ logstore, kind, count: list.length, shard, shardCount, key: onlyKey ?? null });
  }
  return findings.sort((a, b) => a.logstore.localeCompare(b.logstore));
}
