/**
 * The Kafka compression codecs, as agents name them in their options. The
 * type is the sandbox's record codec (lib/kafka/protocol/records), imported as
 * a type only so that this list stays free of its native modules.
 */
import type { Codec } from '../../kafka/protocol/records/compression';

export type { Codec } from '../../kafka/protocol/records/compression';

/** Every codec, in Kafka's attribute-id order (none 0 … zstd 4). */
export const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const satisfies readonly Codec[];

// Fails to compile if the record codec gains a value this list lacks.
type Missing = Exclude<Codec, (typeof CODECS)[number]>;
const complete: Missing extends never ? true : false = true;
void complete;

/** A codec name as a config spells it (any case), or `none` for anything else. */
export function codecOf(value: unknown): Codec {
  const s = typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? String(value) : undefined;
  return CODECS.find((c) => c === s) ?? 'none';
}

/** Numeric acknowledgement choices with the recommended one first: 1 leader, -1 all replicas, 0 none. */
export const ACKS_ORDER = [1, -1, 0] as const;
