/**
 * Metadata (key 3), v0–v7: the client asks which brokers exist and, per topic
 * (Logstore), which partitions (shards) there are and who leads them. We answer
 * with one broker (the sandbox endpoint itself, at a host name its certificate
 * covers) leading every shard.
 *
 * Per version (apache/kafka@2.1.1 MetadataRequest.java / MetadataResponse.java):
 *   request  v0: topics [STRING]; an EMPTY list means all topics
 *            v1–v3: topics nullable; null = all topics, empty = none
 *            v4–v7: + allow_auto_topic_creation BOOLEAN
 *   response v0: brokers [node_id INT32, host STRING, port INT32],
 *                topics [error_code INT16, name STRING,
 *                        partitions [error_code INT16, partition INT32, leader INT32,
 *                                    replicas [INT32], isr [INT32]]]
 *            v1: brokers + rack NULLABLE_STRING; controller_id INT32 after brokers;
 *                topics + is_internal BOOLEAN after name
 *            v2: + cluster_id NULLABLE_STRING between brokers and controller_id
 *            v3: + throttle_time_ms INT32 FIRST (unlike Produce/ApiVersions, docs/kafka-2.1.1.md#throttle-time-position)
 *            v4: same as v3 (request gained allow_auto_topic_creation)
 *            v5: partitions + offline_replicas [INT32] after isr
 *            v6: same as v5 (KIP-219 throttling signal)
 *            v7: partitions + leader_epoch INT32 after leader
 * Fields a version lacks decode to 2.1.1's defaults: rack null, controller_id -1,
 * cluster_id null, is_internal false, throttle 0, leader_epoch -1, no offline
 * replicas; the encoder leaves them out for that version, as Java's Struct does.
 */
import { ApiKey } from '../api-keys';
import { requireFullyRead, requireServedVersion } from '../header';
import { ProtocolError, Reader, Writer } from '../primitives';

export interface MetadataRequest {
  /** null = all topics. (A v0 request has no null: its empty list means all topics.) */
  topics: readonly string[] | null;
  /** Only on the wire from v4; older requests decode as true (the old broker behaviour). */
  allowAutoTopicCreation: boolean;
}

export interface MetadataBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface MetadataPartition {
  errorCode: number;
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: readonly number[];
  isr: readonly number[];
  offlineReplicas: readonly number[];
}

export interface MetadataTopic {
  errorCode: number;
  name: string;
  isInternal: boolean;
  partitions: readonly MetadataPartition[];
}

export interface MetadataResponse {
  throttleTimeMs: number;
  brokers: readonly MetadataBroker[];
  clusterId: string | null;
  controllerId: number;
  topics: readonly MetadataTopic[];
}

const NAME = 'Metadata';
const NO_CONTROLLER_ID = -1;
const NO_LEADER_EPOCH = -1;
/** Smallest encodings, so a lying array count is refused before any allocation. */
const MIN_STRING_BYTES = 2;
const INT32_BYTES = 4;

export function decodeMetadataRequest(r: Reader, version: number): MetadataRequest {
  requireServedVersion(ApiKey.Metadata, version, NAME);
  const listed = version === 0 ? r.array(readTopicName, MIN_STRING_BYTES) : r.nullableArray(readTopicName, MIN_STRING_BYTES);
  // 2.1.1 MetadataRequest(Struct, version): an empty v0 list asks for every topic.
  const topics = version === 0 && listed !== null && listed.length === 0 ? null : listed;
  const allowAutoTopicCreation = version >= 4 ? r.uint8() !== 0 : true;
  requireFullyRead(r, `${NAME} v${version} request`);
  return { topics, allowAutoTopicCreation };
}

export function encodeMetadataRequest(req: MetadataRequest, version: number): Buffer {
  requireServedVersion(ApiKey.Metadata, version, NAME);
  if (version === 0 && req.topics !== null && req.topics.length === 0) {
    throw new ProtocolError('Metadata v0 cannot ask for no topics: its empty list means all topics');
  }
  // Same refusal as 2.1.1 MetadataRequest.Builder: older versions always allow auto-creation.
  if (version < 4 && !req.allowAutoTopicCreation) {
    throw new ProtocolError(`Metadata v${version} cannot carry allow_auto_topic_creation=false (needs v4+)`);
  }
  const w = new Writer(64);
  if (version === 0) w.array(req.topics ?? [], (w, t) => w.string(t));
  else w.nullableArray(req.topics, (w, t) => w.string(t));
  if (version >= 4) w.uint8(req.allowAutoTopicCreation ? 1 : 0);
  return w.toBuffer();
}

export function encodeMetadataResponse(resp: MetadataResponse, version: number): Buffer {
  requireServedVersion(ApiKey.Metadata, version, NAME);
  const w = new Writer(256);
  if (version >= 3) w.int32(resp.throttleTimeMs);
  w.array(resp.brokers, (w, b) => {
    w.int32(b.nodeId).string(b.host).int32(b.port);
    if (version >= 1) w.nullableString(b.rack);
  });
  if (version >= 2) w.nullableString(resp.clusterId);
  if (version >= 1) w.int32(resp.controllerId);
  w.array(resp.topics, (w, t) => {
    w.int16(t.errorCode).string(t.name);
    if (version >= 1) w.uint8(t.isInternal ? 1 : 0);
    w.array(t.partitions, (w, p) => {
      w.int16(p.errorCode).int32(p.partition).int32(p.leader);
      if (version >= 7) w.int32(p.leaderEpoch);
      w.array(p.replicas, writeInt32);
      w.array(p.isr, writeInt32);
      if (version >= 5) w.array(p.offlineReplicas, writeInt32);
    });
  });
  return w.toBuffer();
}

export function decodeMetadataResponse(r: Reader, version: number): MetadataResponse {
  requireServedVersion(ApiKey.Metadata, version, NAME);
  const throttleTimeMs = version >= 3 ? r.int32() : 0;
  const brokerBytes = INT32_BYTES + MIN_STRING_BYTES + INT32_BYTES + (version >= 1 ? MIN_STRING_BYTES : 0);
  const brokers = r.array(
    (r): MetadataBroker => ({
      nodeId: r.int32(),
      host: r.string(),
      port: r.int32(),
      rack: version >= 1 ? r.nullableString() : null,
    }),
    brokerBytes,
  );
  const clusterId = version >= 2 ? r.nullableString() : null;
  const controllerId = version >= 1 ? r.int32() : NO_CONTROLLER_ID;
  const partitionBytes = 2 + 4 + 4 + (version >= 7 ? 4 : 0) + 4 + 4 + (version >= 5 ? 4 : 0);
  const readPartition = (r: Reader): MetadataPartition => ({
    errorCode: r.int16(),
    partition: r.int32(),
    leader: r.int32(),
    leaderEpoch: version >= 7 ? r.int32() : NO_LEADER_EPOCH,
    replicas: r.array(readInt32, INT32_BYTES),
    isr: r.array(readInt32, INT32_BYTES),
    offlineReplicas: version >= 5 ? r.array(readInt32, INT32_BYTES) : [],
  });
  const topicBytes = 2 + MIN_STRING_BYTES + (version >= 1 ? 1 : 0) + 4;
  const topics = r.array(
    (r): MetadataTopic => ({
      errorCode: r.int16(),
      name: r.string(),
      isInternal: version >= 1 ? r.uint8() !== 0 : false,
      partitions: r.array(readPartition, partitionBytes),
    }),
    topicBytes,
  );
  requireFullyRead(r, `${NAME} v${version} response`);
  return { throttleTimeMs, brokers, clusterId, controllerId, topics };
}

function readTopicName(r: Reader): string {
  return r.string();
}

function readInt32(r: Reader): number {
  return r.int32();
}

function writeInt32(w: Writer, v: number): void {
  w.int32(v);
}
