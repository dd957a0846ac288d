/**
 * Produce (key 0), v0–v7: message sets v0/v1 and record batches v2, every
 * codec, CRCs checked (lib/kafka/protocol/records). Per partition, in Kafka's
 * order: authorisation (29) → existence (3, including a shard that does not
 * exist) → record validation (2, 76, …). Everything valid in one request is
 * stored in ONE store transaction, and acknowledged only after it returns; a
 * store failure answers KafkaStorageException (56) for those partitions.
 * acks=0 gets no response at all; an error then closes the connection instead
 * (docs/kafka-2.1.1.md#produce-with-acks-0). Per version: v1+ throttle last, v2+ log_append_time,
 * v5+ log_start_offset (the encoder handles it). Transactions are refused.
 *
 * Budgets (limits.ts, docs/sls-limits.md): the records of the whole request,
 * decompressed, may take at most maxRequestRecordBytes (SLS: 5 MB per log
 * group), one record at most maxRecordBytes (SLS: 1 MB per log entry); beyond,
 * MESSAGE_TOO_LARGE (10), as 2.1.1 answers a batch above message.max.bytes,
 * and decompression stops at the budget. A topic-partition listed twice fails
 * the whole request with INVALID_REQUEST (42), the code Kafka gives duplicate
 * entries elsewhere (ListOffsets, CreatePartitions "Duplicate topic in
 * request."), instead of 2.1.1's silent last-one-wins. Nothing of a refused
 * request is stored. Produce bytes are charged to the client address's quota;
 * above it the answer carries throttle_time_ms (KIP-219) and the connection is
 * muted that long. One log line per request.
 */
import { ApiKey } from '../../protocol/api-keys';
import { decodeProduceRequest, encodeProduceResponse, type ProducePartitionResponse } from '../../protocol/apis/produce';
import { ErrorCode } from '../../protocol/errors';
import type { Reader } from '../../protocol/primitives';
import { DecompressionLimitError, inspectRecords, RecordFormatError, type RecordsSummary } from '../../protocol/records';
import type { StoredBatchInput } from '../ports';
import { SILENT, close, type ConnectionContext, type HandlerResult } from './context';
import { TRANSACTIONAL_ID_AUTHORIZATION_FAILED } from './22-init-producer-id';

/** Topic-partitions one request may list: far above any real producer (Logstores have ≤ 64 shards). */
const MAX_PARTITIONS_PER_REQUEST = 10_000;


interface PendingPartition {
  topic: string;
  partition: number;
  errorCode: number;
  /** Index into the batches handed to the store, when valid. */
  storeIndex?: number;
}

export function handleProduce(ctx: ConnectionContext, version: number, body: Reader): HandlerResult {
  const request = decodeProduceRequest(body, version, { maxPartitions: MAX_PARTITIONS_PER_REQUEST });
  if (ctx.control.takeSwallow()) return SILENT;
  const injected = ctx.control.takeError(ApiKey.Produce);

  const requestError =
    injected ??
    (request.transactionalId !== null
      ? TRANSACTIONAL_ID_AUTHORIZATION_FAILED
      : ![-1, 0, 1].includes(request.acks)
        ? ErrorCode.INVALID_REQUIRED_ACKS
        : undefined);

  const pending: PendingPartition[] = [];
  const batches: StoredBatchInput[] = [];
  let requestLevelError: number | undefined;
  let requestBytes = 0;
  /** Records budget left for the rest of the request (decompressed bytes). */
  let budgetLeft = ctx.limits.maxRequestRecordBytes;
  let firstInvalid: { topic: string; partition: number; code: number; reason: string } | undefined;
  let invalidCount = 0;
  const seen = new Set<string>();

  for (const topic of request.topics) {
    const resolved = requestError === undefined ? ctx.accounts.resolveTopic(ctx.principal, topic.name, ctx.sniHost) : undefined;
    for (const p of topic.partitions) {
      const entry: PendingPartition = { topic: topic.name, partition: p.partition, errorCode: ErrorCode.NONE };
      pending.push(entry);
      requestBytes += p.records?.length ?? 0;
      const key = `${p.partition}\u0000${topic.name}`;
      if (seen.has(key)) {
        requestLevelError ??= ErrorCode.INVALID_REQUEST;
        firstInvalid ??= { topic: topic.name, partition: p.partition, code: ErrorCode.INVALID_REQUEST, reason: 'topic-partition listed twice in one request' };
        invalidCount++;
        continue;
      }
      seen.add(key);
      // The request already failed as a whole: do no more work for it.
      if (requestLevelError !== undefined) continue;
      if (requestError !== undefined) {
        entry.errorCode = requestError;
        continue;
      }
      if (!resolved || !resolved.ok) {
        entry.errorCode = resolved ? resolved.errorCode : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        continue;
      }
      if (p.partition < 0 || p.partition >= resolved.shards) {
        entry.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        continue;
      }
      let summary: RecordsSummary;
      try {
        summary = inspectRecords(p.records ?? Buffer.alloc(0), {
          produceVersion: version,
          maxDecompressedBytes: budgetLeft,
          maxRecordBytes: ctx.limits.maxRecordBytes,
        });
      } catch (err) {
        if (!(err instanceof RecordFormatError)) throw err;
        entry.errorCode = err.code;
        if (err.requestLevel) requestLevelError ??= err.code;
        // Over the request's budget: the request as a whole is too large, so none of it is stored.
        if (err instanceof DecompressionLimitError) requestLevelError ??= ErrorCode.MESSAGE_TOO_LARGE;
        firstInvalid ??= { topic: topic.name, partition: p.partition, code: err.code, reason: err.message };
        invalidCount++;
        continue;
      }
      budgetLeft -= summary.recordBytes;
      if (summary.recordCount === 0) continue; // nothing to store; acknowledged at the current offset below
      entry.storeIndex = batches.length;
      batches.push({
        project: resolved.project,
        logstore: resolved.logstore,
        shard: p.partition,
        magic: summary.magic,
        recordCount: summary.recordCount,
        firstTimestamp: summary.firstTimestamp,
        maxTimestamp: summary.maxTimestamp,
        codec: summary.codec,
        // A view into the request frame: the store copies it when it binds the blob, within this call.
        raw: p.records ?? Buffer.alloc(0),
        ...(summary.section ? { section: summary.section } : {}),
        clientId: ctx.clientId,
        expandJson: resolved.expandJson,
      });
    }
  }

  // Produce v3+ checks (ProduceRequest.validateRecords) fail the whole request in 2.1.1.
  if (requestLevelError !== undefined) {
    for (const entry of pending) entry.errorCode = requestLevelError;
    batches.length = 0;
  }

  let offsets: Array<{ baseOffset: number; logAppendTime: number }> = [];
  if (batches.length > 0) {
    try {
      offsets = ctx.store.append(batches);
    } catch (err) {
      ctx.log('produce.store_failed', { remote: ctx.remote, reason: err instanceof Error ? err.message : String(err) });
      for (const entry of pending) if (entry.storeIndex !== undefined) entry.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
    }
  }

  const failed = pending.filter((e) => e.errorCode !== ErrorCode.NONE);
  if (firstInvalid) {
    // One line per request, whatever the number of bad partitions.
    ctx.log('produce.invalid_records', {
      remote: ctx.remote,
      user: ctx.username,
      partitions: invalidCount,
      topic: firstInvalid.topic,
      partition: firstInvalid.partition,
      code: firstInvalid.code,
      reason: firstInvalid.reason,
    });
  }
  const throttleMs = ctx.chargeProduce(requestBytes);
  ctx.log('produce', {
    remote: ctx.remote,
    user: ctx.username,
    v: version,
    acks: request.acks,
    partitions: pending.length,
    records: batches.reduce((n, b) => n + b.recordCount, 0),
    errors: failed.length,
    throttle_ms: throttleMs || undefined,
  });

  if (request.acks === 0) {
    return failed.length > 0 ? close(`produce with acks=0 failed (error ${failed[0]!.errorCode})`) : SILENT;
  }

  const byTopic = new Map<string, ProducePartitionResponse[]>();
  for (const entry of pending) {
    const stored = entry.storeIndex !== undefined && entry.errorCode === ErrorCode.NONE ? offsets[entry.storeIndex] : undefined;
    const list = byTopic.get(entry.topic) ?? [];
    list.push({
      partition: entry.partition,
      errorCode: entry.errorCode,
      baseOffset: stored ? BigInt(stored.baseOffset) : entry.errorCode === ErrorCode.NONE ? 0n : -1n,
      logAppendTime: -1n,
      logStartOffset: entry.errorCode === ErrorCode.NONE ? 0n : -1n,
    });
    byTopic.set(entry.topic, list);
  }
  return {
    kind: 'respond',
    body: encodeProduceResponse({ topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })), throttleTimeMs: throttleMs }, version),
    throttleMs,
  };
}
