/**
 * kcat options: the file to send, whether every record is spread over the
 * shards (librdkafka's sticky partitioner off), compression and acks.
 * Not offered: `-k` (a constant key pins one shard), TLS off, transactions.
 * Facts: docs/agents/kcat.md.
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { agentOptionsError, choice, textValueProblem } from '../common/options-schema';

export const KCAT_DEFAULT_INPUT = 'lines.jsonl';

export const kcatOptionsSchema = z.strictObject(
  {
    inputFile: z
      .string({ error: 'File to send: expected text, e.g. lines.jsonl.' })
      .superRefine((value, ctx) => {
        const problem = value === '' ? 'File to send: enter the file whose lines kcat sends, e.g. lines.jsonl.' : textValueProblem('File to send', value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(KCAT_DEFAULT_INPUT),
    spreadEachRecord: z.boolean({ error: 'Spread every record: expected true or false.' }).default(true),
    compression: choice(CODECS, 'Compression: choose none, gzip, snappy, lz4 or zstd.', 'gzip'),
    acks: z.literal([-1, 1, 0], { error: 'Acks: choose -1 (stored), 1 (leader) or 0 (no acknowledgement).' }).default(-1),
  },
  { error: agentOptionsError('kcat', 'kcat options: expected an object such as {}.') },
);

export type KcatOptions = z.output<typeof kcatOptionsSchema>;
