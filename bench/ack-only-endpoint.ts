/**
 * A measuring instrument for bench/throughput.mjs, not a product: the sandbox's TLS
 * listener and Kafka framing (the same TLS options, the same reused read buffer and
 * frame decoder, the same ApiVersions, SASL and Metadata handlers), but Produce is
 * answered at once: no record check, no decompression, no store. What kcat reaches
 * against it is the ceiling any endpoint built on Node's TLS can reach on this
 * machine, so the report can tell the sandbox's own work apart from the TLS cost
 * (the client's and ours) that the plaintext mock never pays.
 *
 *   node --import tsx bench/ack-only-endpoint.ts DATA_DIR [--plain ADVERTISED_PORT]
 *
 * Writes the CA to DATA_DIR/sandbox-ca.pem and prints "ack-only on 127.0.0.1:PORT".
 * `--plain`: plaintext, for a TLS terminator in front (HAProxy, in the benchmark) that
 * agents reach on ADVERTISED_PORT, which Metadata then names.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import tls from 'node:tls';
import { ApiKey } from '@/lib/kafka/protocol/api-keys';
import { decodeProduceRequest, encodeProduceResponse } from '@/lib/kafka/protocol/apis/produce';
import { encodeResponseFrame, parseRequestHeader, type RequestHeader } from '@/lib/kafka/protocol/header';
import { ErrorCode } from '@/lib/kafka/protocol/errors';
import { BrokerControl } from '@/lib/kafka/broker/control';
import { FrameDecoder } from '@/lib/kafka/broker/framing';
import type { ConnectionContext, HandlerResult } from '@/lib/kafka/broker/handlers/context';
import type { BrokerLimits } from '@/lib/kafka/broker/limits';
import type { BrokerAccounts } from '@/lib/kafka/broker/ports';
import { handleMetadata } from '@/lib/kafka/broker/handlers/03-metadata';
import { handleSaslHandshake } from '@/lib/kafka/broker/handlers/17-sasl-handshake';
import { handleApiVersions } from '@/lib/kafka/broker/handlers/18-api-versions';
import { handleSaslAuthenticate } from '@/lib/kafka/broker/handlers/36-sasl-authenticate';
import { resolveLimits } from '@/lib/kafka/broker/limits';
import { READ_BUFFER_BYTES, readIntoReusedBuffer } from '@/lib/kafka/broker/reused-read-buffer';
import { openAccounts } from '@/lib/sandbox/accounts';
import { ensureSandboxCertificates } from '@/lib/sandbox/ca';

interface Options {
  dataDir: string;
  /** Plaintext behind a TLS terminator listening on this port. */
  plainBehind?: number;
}

/** One connection: frames in, answers out, Produce acknowledged without a look at its records. */
function serve(socket: Socket, advertisedPort: () => number, limits: BrokerLimits, accounts: BrokerAccounts, readBytes: number): void {
  socket.setNoDelay(true);
  const ctx: ConnectionContext = {
    accounts,
    store: { append: () => [] },
    control: new BrokerControl(),
    identity: { nodeId: 1, publicHost: 'localhost', publicPort: advertisedPort(), clusterId: 'ack-only' },
    log: () => {},
    limits,
    chargeProduce: () => 0,
    sniHost: undefined,
    clientId: null,
    principal: undefined,
    username: undefined,
    remote: 'bench',
  };
  const frames = new FrameDecoder(limits.maxFrameBytes);
  const answer = (header: RequestHeader): Buffer | undefined => {
    switch (header.apiKey) {
      case ApiKey.ApiVersions:
        return bodyOf(handleApiVersions(ctx, header.apiVersion, header.body));
      case ApiKey.SaslHandshake:
        return handleSaslHandshake(ctx, header.apiVersion, header.body).body;
      case ApiKey.SaslAuthenticate: {
        const r = handleSaslAuthenticate(ctx, header.apiVersion, header.body);
        if (r.outcome.ok) ctx.principal = r.outcome.principal;
        return r.body;
      }
      case ApiKey.Metadata:
        return bodyOf(handleMetadata(ctx, header.apiVersion, header.body));
      case ApiKey.Produce: {
        const request = decodeProduceRequest(header.body, header.apiVersion);
        if (request.acks === 0) return undefined;
        const topics = request.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: ErrorCode.NONE, baseOffset: 0n, logAppendTime: -1n, logStartOffset: 0n })),
        }));
        return encodeProduceResponse({ throttleTimeMs: 0, topics }, header.apiVersion);
      }
      default:
        throw new Error(`API ${header.apiKey} is not served here`);
    }
  };
  const onChunk = (chunk: Buffer, transient: boolean): boolean => {
    try {
      for (const frame of frames.push(chunk, transient)) {
        const header = parseRequestHeader(frame);
        const body = answer(header);
        if (body) socket.write(encodeResponseFrame(header.correlationId, body));
        frames.release(frame); // the pooled buffer serves the next large frame, as in the broker
      }
    } catch {
      socket.destroy();
      return false;
    }
    return true;
  };
  socket.on('data', (chunk: Buffer) => onChunk(chunk, false));
  readIntoReusedBuffer(socket, (chunk) => onChunk(chunk, true), readBytes);
  socket.on('error', () => socket.destroy());
}

function bodyOf(result: HandlerResult): Buffer | undefined {
  return result.kind === 'respond' ? result.body : undefined;
}

async function main({ dataDir, plainBehind }: Options): Promise<void> {
  const certs = await ensureSandboxCertificates(dataDir, { publicHost: 'localhost' });
  const limits = resolveLimits();
  const accounts = openAccounts();
  const ownPort = () => (server.address() as AddressInfo).port;
  // TLS hands over one record (≤ 16 KiB) at a time; plain TCP reads up to 64 KiB.
  const onConnection = (socket: Socket) => serve(socket, () => plainBehind ?? ownPort(), limits, accounts, plainBehind === undefined ? READ_BUFFER_BYTES : 64 * 1024);
  const server =
    plainBehind === undefined
      ? tls.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem, minVersion: 'TLSv1.2' }, onConnection)
      : net.createServer(onConnection);
  server.listen(0, '127.0.0.1', () => console.log(`ack-only on 127.0.0.1:${ownPort()}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

const [dataDir, flag, port] = process.argv.slice(2);
if (!dataDir || (flag !== undefined && (flag !== '--plain' || !(Number(port) > 0)))) {
  throw new Error('usage: ack-only-endpoint.ts DATA_DIR [--plain ADVERTISED_PORT]');
}
void main({ dataDir, ...(flag ? { plainBehind: Number(port) } : {}) });
