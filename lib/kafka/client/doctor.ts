/**
 * The connection doctor: walks the steps a producer takes against an SLS-like
 * Kafka endpoint and times each one: DNS, TCP, TLS (chain and host name),
 * ApiVersions (with the fall-back a modern client does), SaslHandshake,
 * SaslAuthenticate, Metadata for the Logstore (shard count), Produce of one
 * test record to every shard with the agent's codec and acks, and the
 * acknowledgment. The first failing step ends the run with a diagnosis.
 * The password is used only inside the SASL token: never in a step's detail.
 */
import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { ApiKey } from '../protocol/api-keys';
import { decodeApiVersionsResponse, encodeApiVersionsRequest } from '../protocol/apis/api-versions';
import { decodeMetadataResponse, encodeMetadataRequest } from '../protocol/apis/metadata';
import { decodeProduceResponse, encodeProduceRequest } from '../protocol/apis/produce';
import { decodeSaslAuthenticateResponse, encodeSaslAuthenticateRequest } from '../protocol/apis/sasl-authenticate';
import { decodeSaslHandshakeResponse, encodeSaslHandshakeRequest } from '../protocol/apis/sasl-handshake';
import { ErrorCode } from '../protocol/errors';
import { encodeRecordBatch, type Codec } from '../protocol/records';
import { encodePlainToken } from '../broker/sasl-plain';
import { ClientTimeoutError, KafkaClientConnection } from './connection';
import { connectionLimitDiagnosis, kafkaDiagnosis, networkDiagnosis, timeoutDiagnosis, type Diagnosis } from './diagnosis';

export type DoctorStepName =
  | 'dns'
  | 'tcp'
  | 'tls'
  | 'api-versions'
  | 'sasl-handshake'
  | 'sasl-authenticate'
  | 'metadata'
  | 'produce'
  | 'acknowledgment';

export interface DoctorStep {
  name: DoctorStepName;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface DoctorReport {
  ok: boolean;
  steps: DoctorStep[];
  error?: Diagnosis;
  /** Partition → offset the endpoint acknowledged, on success. */
  acks?: Array<{ shard: number; offset: number }>;
}

export interface DoctorTarget {
  /** Where the TCP connection goes: a host name or an IP address. */
  dialHost: string;
  dialPort: number;
  /** TLS SNI and the name the certificate must carry (the SLS host the agent dials). */
  serverName: string;
  /** PEM CA certificates to trust; undefined: the system trust store. */
  ca?: string;
}

export interface DoctorCheck {
  username: string;
  password: string;
  topic: string;
  codec: Codec;
  /** The agent's acks; acks=0 is checked with acks=1 so that the result can be seen. */
  acks: -1 | 0 | 1;
  clientId: string;
}

export interface DoctorTimeouts {
  /** The whole run. */
  deadlineMs: number;
  /** Any one step. */
  stepMs: number;
}

export const DEFAULT_TIMEOUTS: DoctorTimeouts = { deadlineMs: 5_000, stepMs: 3_000 };

class StepFailure extends Error {
  constructor(readonly diagnosis: Diagnosis, readonly detail: string) {
    super(detail);
  }
}

const API_VERSIONS_PROBE = 3; // what librdkafka 2.x and Java 3.x send first
const PRODUCE_VERSION = 7;
const METADATA_VERSION = 7;

/** `onStep`: called as each step ends (the CLI's progress lines); the report holds the same steps. */
export async function runDoctor(
  target: DoctorTarget,
  check: DoctorCheck,
  timeouts: DoctorTimeouts = DEFAULT_TIMEOUTS,
  onStep?: (step: DoctorStep) => void,
): Promise<DoctorReport> {
  const started = performance.now();
  const steps: DoctorStep[] = [];
  const remaining = () => Math.max(1, Math.min(timeouts.stepMs, timeouts.deadlineMs - (performance.now() - started)));
  const hostPort = `${target.serverName}:${target.dialPort}`;
  let socket: Socket | TLSSocket | undefined;
  let conn: KafkaClientConnection | undefined;

  async function step<T>(name: DoctorStepName, run: (ms: number) => Promise<{ value: T; detail: string }>): Promise<T> {
    const t0 = performance.now();
    const budget = remaining();
    try {
      const { value, detail } = await withTimeout(run(budget), budget);
      const done: DoctorStep = { name, ok: true, ms: round(performance.now() - t0), detail };
      steps.push(done);
      onStep?.(done);
      return value;
    } catch (err) {
      const ms = round(performance.now() - t0);
      const failure =
        err instanceof StepFailure
          ? err
          : err instanceof ClientTimeoutError || err instanceof StepTimeout
            ? new StepFailure(timeoutDiagnosis(name, budget), `no answer within ${Math.round(budget)} ms`)
            : new StepFailure(networkDiagnosis(name, err as NodeJS.ErrnoException, hostPort), describeError(err));
      const failed: DoctorStep = { name, ok: false, ms, detail: failure.detail };
      steps.push(failed);
      onStep?.(failed);
      throw failure;
    }
  }

  try {
    let address = target.dialHost;
    if (!isIP(target.dialHost)) {
      address = await step('dns', async () => {
        const found = await lookup(target.dialHost);
        return { value: found.address, detail: `${target.dialHost} → ${found.address}` };
      });
    }

    const tcp = await step('tcp', () =>
      new Promise<{ value: Socket; detail: string }>((resolve, reject) => {
        const s = tcpConnect({ host: address, port: target.dialPort, noDelay: true });
        socket = s;
        s.once('connect', () => resolve({ value: s, detail: `connected to ${address}:${target.dialPort}` }));
        // On loopback the reset of a connection refused at accept can arrive before 'connect'.
        s.once('error', (err: NodeJS.ErrnoException) =>
          reject(err.code === 'ECONNRESET' && s.bytesRead === 0 ? new StepFailure(connectionLimitDiagnosis(hostPort), `${err.code}: reset by the server right after TCP connect`) : err),
        );
      }),
    );

    socket = tcp;
    let tcpError: NodeJS.ErrnoException | undefined;
    tcp.on('error', (err: NodeJS.ErrnoException) => (tcpError ??= err));
    // A reset before the server sent a single byte is the endpoint refusing the connection (its slots are
    // full), not a certificate problem: that error kind gets its own diagnosis.
    const refusedAtAccept = (err: NodeJS.ErrnoException) => {
      const reset = err.code === 'ECONNRESET' || err.code === 'EPIPE';
      return reset && tcp.bytesRead === 0 ? new StepFailure(connectionLimitDiagnosis(hostPort), `${err.code}: reset by the server right after TCP connect, before any TLS byte`) : err;
    };
    const secure: TLSSocket = await step('tls', () =>
      new Promise<{ value: TLSSocket; detail: string }>((resolve, reject) => {
        // The reset may come before this step starts (between TCP connect and the TLS hello).
        if (tcp.destroyed) return reject(refusedAtAccept(tcpError ?? Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' })));
        const s = tlsConnect({ socket: tcp, servername: target.serverName, ca: target.ca, rejectUnauthorized: true });
        socket = s;
        s.once('secureConnect', () => {
          const cert = s.getPeerCertificate();
          const issuer = cert.issuer?.CN ?? 'unknown issuer';
          resolve({
            value: s,
            detail: `${s.getProtocol() ?? 'TLS'}; certificate for ${cert.subject?.CN ?? target.serverName} valid until ${cert.valid_to}, issued by ${issuer}; host name ${target.serverName} verified`,
          });
        });
        s.once('error', (err) => reject(refusedAtAccept(err)));
        // A peer that closes during the handshake (a plaintext port) gives no error event on some paths.
        s.once('close', () => reject(refusedAtAccept(Object.assign(new Error('the server closed the connection during the TLS handshake'), { code: 'ECONNRESET' }))));
      }),
    );

    socket = secure;
    conn = new KafkaClientConnection(secure, check.clientId);
    const c = conn;

    await step('api-versions', async (ms) => {
      const probe = decodeApiVersionsResponse(await c.request(ApiKey.ApiVersions, API_VERSIONS_PROBE, encodeApiVersionsRequest({}, 0), ms), 0);
      let versions = probe;
      let detail = `v${API_VERSIONS_PROBE} answered`;
      if (probe.errorCode === ErrorCode.UNSUPPORTED_VERSION) {
        const own = probe.apiVersions.find((v) => v.apiKey === ApiKey.ApiVersions);
        const retry = Math.min(own?.max ?? 0, 2);
        versions = decodeApiVersionsResponse(await c.request(ApiKey.ApiVersions, retry, encodeApiVersionsRequest({}, retry), remaining()), retry);
        detail = `v${API_VERSIONS_PROBE} → UNSUPPORTED_VERSION, retried with v${retry}`;
      }
      if (versions.errorCode !== ErrorCode.NONE) throw new StepFailure(kafkaDiagnosis(versions.errorCode), `ApiVersions error ${versions.errorCode}`);
      const range = (key: number) => versions.apiVersions.find((v) => v.apiKey === key);
      const produce = range(ApiKey.Produce);
      if (!produce || produce.max < PRODUCE_VERSION) {
        throw new StepFailure(kafkaDiagnosis(ErrorCode.UNSUPPORTED_VERSION), 'the endpoint does not offer Produce v7 (Kafka 2.1)');
      }
      const show = (key: number, label: string) => {
        const r = range(key);
        return r ? `${label} v${r.min}–${r.max}` : `${label} none`;
      };
      return { value: undefined, detail: `${detail}; ${show(ApiKey.Produce, 'Produce')}, ${show(ApiKey.Metadata, 'Metadata')}, ${show(ApiKey.SaslHandshake, 'SaslHandshake')}` };
    });

    await step('sasl-handshake', async (ms) => {
      const res = decodeSaslHandshakeResponse(await c.request(ApiKey.SaslHandshake, 1, encodeSaslHandshakeRequest({ mechanism: 'PLAIN' }, 1), ms), 1);
      if (res.errorCode !== ErrorCode.NONE) {
        throw new StepFailure(kafkaDiagnosis(res.errorCode), `PLAIN refused; the endpoint offers ${res.enabledMechanisms.join(', ') || 'nothing'}`);
      }
      return { value: undefined, detail: `PLAIN accepted (offered: ${res.enabledMechanisms.join(', ')})` };
    });

    await step('sasl-authenticate', async (ms) => {
      const token = encodePlainToken(check.username, check.password);
      const res = decodeSaslAuthenticateResponse(await c.request(ApiKey.SaslAuthenticate, 0, encodeSaslAuthenticateRequest({ authBytes: token }, 0), ms), 0);
      if (res.errorCode !== ErrorCode.NONE) {
        throw new StepFailure(kafkaDiagnosis(res.errorCode), `login as ${check.username} refused: ${res.errorMessage ?? 'no message'}`);
      }
      return { value: undefined, detail: `logged in as ${check.username}` };
    });

    const shards = await step('metadata', async (ms) => {
      const res = decodeMetadataResponse(
        await c.request(ApiKey.Metadata, METADATA_VERSION, encodeMetadataRequest({ topics: [check.topic], allowAutoTopicCreation: false }, METADATA_VERSION), ms),
        METADATA_VERSION,
      );
      const topic = res.topics.find((t) => t.name === check.topic);
      if (!topic) throw new StepFailure(kafkaDiagnosis(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION), `no metadata for ${check.topic}`);
      if (topic.errorCode !== ErrorCode.NONE) throw new StepFailure(kafkaDiagnosis(topic.errorCode), `topic ${check.topic}: error ${topic.errorCode}`);
      const broker = res.brokers[0];
      const partitions = topic.partitions.map((p) => p.partition).sort((a, b) => a - b);
      return {
        value: partitions,
        detail: `Logstore ${check.topic} has ${partitions.length} shard${partitions.length === 1 ? '' : 's'}; the endpoint advertises ${broker ? `${broker.host}:${broker.port}` : 'no broker'}`,
      };
    });

    const acks = check.acks === 0 ? 1 : check.acks;
    const sentAt = Date.now();
    const request = encodeProduceRequest(
      {
        transactionalId: null,
        acks,
        timeoutMs: Math.round(remaining()),
        topics: [
          {
            name: check.topic,
            partitions: shards.map((partition) => ({
              partition,
              records: encodeRecordBatch(
                [{ value: Buffer.from(JSON.stringify({ message: 'sls-kafka-wizard connection check', shard: partition, client: check.clientId })), timestamp: sentAt }],
                { codec: check.codec },
              ),
            })),
          },
        ],
      },
      PRODUCE_VERSION,
    );
    let pendingAck: Promise<import('../protocol/primitives').Reader> | undefined;
    await step('produce', async (ms) => {
      pendingAck = c.request(ApiKey.Produce, PRODUCE_VERSION, request, ms);
      // Surface a rejection here only when it happens at once (the connection is already gone).
      pendingAck.catch(() => {});
      return {
        value: undefined,
        detail: `one ${check.codec === 'none' ? 'uncompressed' : check.codec} record to each of ${shards.length} shard${shards.length === 1 ? '' : 's'}, acks=${acks}${check.acks === 0 ? ' (your agent uses acks=0, which gets no answer; the check asks for one)' : ''}`,
      };
    });

    const acked = await step('acknowledgment', async () => {
      const res = decodeProduceResponse(await pendingAck!, PRODUCE_VERSION);
      const parts = res.topics.flatMap((t) => t.partitions);
      const failed = parts.find((p) => p.errorCode !== ErrorCode.NONE);
      if (failed) throw new StepFailure(kafkaDiagnosis(failed.errorCode), `shard ${failed.partition}: error ${failed.errorCode}`);
      const list = parts.map((p) => ({ shard: p.partition, offset: Number(p.baseOffset) })).sort((a, b) => a.shard - b.shard);
      return { value: list, detail: list.map((a) => `shard ${a.shard} → offset ${a.offset}`).join(', ') };
    });

    return { ok: true, steps, acks: acked };
  } catch (err) {
    if (err instanceof StepFailure) return { ok: false, steps, error: err.diagnosis };
    throw err;
  } finally {
    conn?.close();
    socket?.destroy();
  }
}

class StepTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepTimeout(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
