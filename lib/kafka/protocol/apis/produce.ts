/**
 * Produce (key 0), v0–v7: the client sends records per topic (Logstore) and
 * partition (shard); we answer per partition with an error code and the base
 * offset the store assigned. This codec keeps each partition's records as a
 * view of the request frame; message sets / record batches are parsed elsewhere.
 *
 * Per version (apache/kafka@2.1.1 ProduceRequest.java / ProduceResponse.java):
 *   request  v0–v2: acks INT16, timeout INT32,
 *                   topic_data [topic STRING, data [partition INT32, record_set RECORDS]]
 *                   (RECORDS = NULLABLE_BYTES; v0/v1 carry message sets magic 0, v2 magic 1)
 *            v3–v7: transactional_id NULLABLE_STRING first (v3 also brings record batches
 *                   magic 2); v4 KafkaStorageException-aware, v5 log_start_offset in the
 *                   response, v6 KIP-219 throttling, v7 zstd allowed — no body change.
 *   response v0: responses [topic STRING, partition_responses [partition INT32,
 *                            error_code INT16, base_offset INT64]]
 *            v1: + throttle_time_ms INT32 LAST (docs/kafka-2.1.1.md#throttle-time-position)
 *            v2–v4: partition + log_append_time INT64 (-1 when CreateTime)
 *            v5–v7: partition + log_start_offset INT64
 * Fields a version lacks decode to 2.1.1's defaults (throttle 0, log_append_time -1,
 * log_start_offset -1). acks=0 means the broker sends no response at all
 * (docs/kafka-2.1.1.md#produce-with-acks-0):
 * that is the broker's decision, not this codec's.
 *
 * Like 2.1.1's ProduceResponse.toStruct, the encoder turns 56 KAFKA_STORAGE_ERROR
 * into 6 NOT_LEADER_FOR_PARTITION for v0–v3: older clients do not know 56, would
 * treat it as fatal, and with 6 they refresh metadata and retry.
 */
import { ApiKey } from '../api-keys';
import { ErrorCode } from '../errors';
import { requireFullyRead, requireServedVersion } from '../header';
import { ProtocolError, Reader, Writer } from '../primitives';

export interface ProducePartitionData {
  partition: number;
  /** The partition's message set or record batch, unparsed: a view into the frame. */
  records: Buffer | null;
}

export interface ProduceTopicData {
  name: string;
  partitions: readonly ProducePartitionData[];
}

export interface ProduceRequest {
  /** Only on the wire from v3; null otherwise. */
  transactionalId: string | null;
  /** 0 = no response, 1 = leader, -1 = all in-sync replicas. */
  acks: number;
  timeoutMs: number;
  topics: readonly ProduceTopicData[];
}

export interface ProducePartitionResponse {
  partition: number;
  errorCode: number;
  baseOffset: bigint;
  /** v2+; -1 when the topic uses CreateTime. */
  logAppendTime: bigint;
  /** v5+; -1 when unknown. */
  logStartOffset: bigint;
}

export interface ProduceTopicResponse {
  name: string;
  partitions: readonly ProducePartitionResponse[];
}

export interface ProduceResponse {
  topics: readonly ProduceTopicResponse[];
  /** v1+ */
  throttleTimeMs: number;
}

const NAME = 'Produce';
/** 2.1.1 Errors.NOT_LEADER_FOR_PARTITION; only used for the v0–v3 storage-error translation. */
const NOT_LEADER_FOR_PARTITION = 6;
/** Smallest encodings, so a lying array count is refused before any allocation. */
const MIN_TOPIC_DATA_BYTES = 2 + 4; // topic STRING + partition count
const MIN_PARTITION_DATA_BYTES = 4 + 4; // partition + null record_set length

export interface ProduceDecodeLimits {
  /**
   * Most topic-partitions one request may list. A legal 100 MiB request of empty
   * partitions would otherwise cost gigabytes of objects; real producers send a
   * few dozen (SLS Logstores have at most 64 shards).
   */
  maxPartitions?: number;
}

export function decodeProduceRequest(r: Reader, version: number, limits: ProduceDecodeLimits = {}): ProduceRequest {
  requireServedVersion(ApiKey.Produce, version, NAME);
  const transactionalId = version >= 3 ? r.nullableString() : null;
  const acks = r.int16();
  const timeoutMs = r.int32();
  const maxPartitions = limits.maxPartitions ?? Number.POSITIVE_INFINITY;
  let partitionCount = 0;
  const readPartition = (r: Reader): ProducePartitionData => ({ partition: r.int32(), records: r.nullableBytes() });
  const readTopic = (r: Reader): ProduceTopicData => {
    const name = r.string();
    // Check the declared count before reading (or allocating) any partition.
    r.need(4, 'partition count');
    partitionCount += Math.max(0, r.buf.readInt32BE(r.offset));
    if (partitionCount > maxPartitions) {
      throw new ProtocolError(`Produce request lists more than ${maxPartitions} partitions`);
    }
    return { name, partitions: r.array(readPartition, MIN_PARTITION_DATA_BYTES) };
  };
  const topics = r.array(readTopic, MIN_TOPIC_DATA_BYTES);
  requireFullyRead(r, `${NAME} v${version} request`);
  return { transactionalId, acks, timeoutMs, topics };
}

export function encodeProduceRequest(req: ProduceRequest, version: number): Buffer {
  requireServedVersion(ApiKey.Produce, version, NAME);
  if (version < 3 && req.transactionalId !== null) {
    throw new ProtocolError(`Produce v${version} has no transactional_id (needs v3+)`);
  }
  const w = new Writer(256);
  if (version >= 3) w.nullableString(req.transactionalId);
  w.int16(req.acks).int32(req.timeoutMs);
  w.array(req.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => w.int32(p.partition).nullableBytes(p.records));
  });
  return w.toBuffer();
}

export function encodeProduceResponse(resp: ProduceResponse, version: number): Buffer {
  requireServedVersion(ApiKey.Produce, version, NAME);
  const w = new Writer(128);
  w.array(resp.topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => {
      const errorCode =
        version <= 3 && p.errorCode === ErrorCode.KAFKA_STORAGE_ERROR ? NOT_LEADER_FOR_PARTITION : p.errorCode;
      w.int32(p.partition).int16(errorCode).int64(p.baseOffset);
      if (version >= 2) w.int64(p.logAppendTime);
      if (version >= 5) w.int64(p.logStartOffset);
    });
  });
  if (version >= 1) w.int32(resp.throttleTimeMs);
  return w.toBuffer();
}

export function decodeProduceResponse(r: Reader, version: number): ProduceResponse {
  requireServedVersion(ApiKey.Produce, version, NAME);
  const partitionBytes = 4 + 2 + 8 + (version >= 2 ? 8 : 0) + (version >= 5 ? 8 : 0);
  const readPartition = (r: Reader): ProducePartitionResponse => ({
    partition: r.int32(),
    errorCode: r.int16(),
    baseOffset: r.int64(),
    logAppendTime: version >= 2 ? r.int64() : -1n,
    logStartOffset: version >= 5 ? r.int64() : -1n,
  });
  const topics = r.array(
    (r): ProduceTopicResponse => ({ name: r.string(), partitions: r.array(readPartition, partitionBytes) }),
    MIN_TOPIC_DATA_BYTES,
  );
  const throttleTimeMs = version >= 1 ? r.int32() : 0;
  requireFullyRead(r, `${NAME} v${version} response`);
  return { topics, throttleTimeMs };
}
