/**
 * A measuring instrument for bench/throughput.mjs, not a product: the sandbox's TLS
 * listener and Kafka framing (the same TLS options, the same reused read buffer and
 * frame decoder, the same ApiVersions, SASL and Metadata handlers), but Produce is
 * answered at once: no record check, no decompression, no store. What kcat reaches
 * against it is the ceiling any endpoint built on Node's TLS can reach on this
 * machine, so the report can tell the sandbox's own work apart from the TLS cost
 * (the client's and ours) that the plaintext mock never pays.
 *
 *   node --import tsx bench/ack-only-endpoint.ts DATA_DIR
 *
 * Writes the CA to DATA_DIR/sandbox-ca.pem and prints "ack-only on 127.0.0.1:PORT".
 */
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { ApiKey } from '@/lib/kafka/protocol/api-keys';
import { decodeProduceRequest, encodeProduceResponse } from '@/lib/kafka/protocol/apis/produce';
import { encodeResponseFrame, parseRequestHeader } from '@/lib/kafka/protocol/header';
import { ErrorCode } from '@/lib/kafka/protocol/errors';
import { BrokerControl } from '@/lib/kafka/broker/control';
import { FrameDecoder } from '@/lib/kafka/broker/framing';
import type { ConnectionContext } from '@/lib/kafka/broker/handlers/context';
import { handleMetadata } from '@/lib/kafka/broker/handlers/03-metadata';
import { handleSaslHandshake } from '@/lib/kafka/broker/handlers/17-sasl-handshake';
import { handleApiVersions } from '@/lib/kafka/broker/handlers/18-api-versions';
import { handleSaslAuthenticate } from '@/lib/kafka/broker/handlers/36-sasl-authenticate';
import { resolveLimits } from '@/lib/kafka/broker/limits';
import { readIntoReusedBuffer } from '@/lib/kafka/broker/reused-read-buffer';
import { openAccounts } from '@/lib/sandbox/accounts';
import { ensureSandboxCertificates } from '@/lib/sandbox/ca';

async function main(dataDir: string): Promise<void> {
const certs = await ensureSandboxCertificates(dataDir, { publicHost: 'localhost' });
const limits = resolveLimits();
const accounts = openAccounts();

const server = tls.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem, minVersion: 'TLSv1.2' }, (socket) => {
  socket.setNoDelay(true);
  const ctx: ConnectionContext = {
    accounts,
    store: { append: () => [] },
    control: new BrokerControl(),
    identity: { nodeId: 1, publicHost: 'localhost', publicPort: (server.address() as AddressInfo).port, clusterId: 'ack-only' },
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
  const onChunk = (chunk: Buffer, transient: boolean) => {
    for (const frame of frames.push(chunk, transient)) {
      const header = parseRequestHeader(frame);
      let body: Buffer | undefined;
      switch (header.apiKey) {
        case ApiKey.ApiVersions: {
          const r = handleApiVersions(ctx, header.apiVersion, header.body);
          if (r.kind === 'respond') body = r.body;
          break;
        }
        case ApiKey.SaslHandshake:
          body = handleSaslHandshake(ctx, header.apiVersion, header.body).body;
          break;
        case ApiKey.SaslAuthenticate: {
          const r = handleSaslAuthenticate(ctx, header.apiVersion, header.body);
          if (r.outcome.ok) ctx.principal = r.outcome.principal;
          body = r.body;
          break;
        }
        case ApiKey.Metadata: {
          const r = handleMetadata(ctx, header.apiVersion, header.body);
          if (r.kind === 'respond') body = r.body;
          break;
        }
        case ApiKey.Produce: {
          const request = decodeProduceRequest(header.body, header.apiVersion);
          if (request.acks === 0) break;
          body = encodeProduceResponse(
            {
              throttleTimeMs: 0,
              topics: request.topics.map((t) => ({
                name: t.name,
                partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: ErrorCode.NONE, baseOffset: 0n, logAppendTime: -1n, logStartOffset: 0n })),
              })),
            },
            header.apiVersion,
          );
          break;
        }
        default:
          socket.destroy();
          return false;
      }
      if (body) socket.write(encodeResponseFrame(header.correlationId, body));
      frames.release(frame); // the pooled buffer serves the next large frame, as in the broker
    }
    return true;
  };
  socket.on('data', (chunk: Buffer) => onChunk(chunk, false));
  readIntoReusedBuffer(socket, (chunk) => onChunk(chunk, true));
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => console.log(`ack-only on 127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: ack-only-endpoint.ts DATA_DIR');
void main(dir);
