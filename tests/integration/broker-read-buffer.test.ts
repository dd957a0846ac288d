/**
 * The broker reads its TLS sockets into one reused buffer (reused-read-buffer.ts),
 * through Node internals that `onread` uses. This pins that the switch really
 * happens on the Node we run (a rename in a future Node would otherwise fall back
 * silently to the slower 'data' path), that every byte arrives once and in order,
 * and that pause() stops the reads as it does for `onread` sockets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_BUFFER_BYTES, readIntoReusedBuffer } from '@/lib/kafka/broker/reused-read-buffer';
import { ensureSandboxCertificates } from '@/lib/sandbox/ca';

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('reused TLS read buffer', () => {
  let dir: string;
  let certs: Awaited<ReturnType<typeof ensureSandboxCertificates>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'read-buffer-'));
    certs = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers every byte once, in order, through one reused buffer, and stops reading while paused', async () => {
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let viaData = 0;
    const buffersSeen = new Set<ArrayBufferLike>();
    let server!: tls.TLSSocket;
    let switched: boolean | undefined;
    const listener = tls.createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem }, (socket) => {
      server = socket;
      socket.on('data', (d: Buffer) => (viaData += d.length));
      switched = readIntoReusedBuffer(socket, (chunk) => {
        expect(chunk.length).toBeLessThanOrEqual(READ_BUFFER_BYTES);
        buffersSeen.add(chunk.buffer);
        received.push(Buffer.from(chunk)); // only valid during the call
        receivedBytes += chunk.length;
        return true;
      });
      socket.write('ready');
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const { port } = listener.address() as AddressInfo;
    const client = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: certs.caCertPem });
    try {
      await new Promise<void>((r) => client.once('data', () => r()));
      expect(switched).toBe(true);

      // 1 MiB in uneven writes: many TLS records of many sizes.
      const first = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < first.length; i++) first[i] = (i * 7 + (i >> 9)) & 0xff;
      for (let pos = 0, n = 1; pos < first.length; n = (n * 5 + 3) % 20_011) {
        client.write(first.subarray(pos, pos + n));
        pos += n;
      }
      await until(() => receivedBytes >= first.length, 'the first MiB');
      expect(Buffer.concat(received).equals(first)).toBe(true);
      expect(viaData).toBe(0);
      expect(buffersSeen.size).toBe(1);

      // Paused: reads stop (at most what TLS had already decrypted still arrives), so the
      // client's kernel buffers fill and its own writes queue up.
      server.pause();
      const atPause = receivedBytes;
      const second = Buffer.alloc(16 * 1024 * 1024, 0x5a);
      client.write(second);
      // Held back: bytes still queued in the client, and no progress for a while (a server that
      // kept reading would drain them all, however slowly).
      let last = -1;
      let still = 0;
      await until(() => {
        const queued = client.writableLength;
        still = queued > 0 && queued === last ? still + 1 : 0;
        last = queued;
        return still >= 20;
      }, 'the client to be held back', 60_000);
      expect(receivedBytes - atPause).toBeLessThanOrEqual(4 * 64 * 1024);
      server.resume();
      await until(() => receivedBytes === first.length + second.length, 'the rest after resume');
      expect(Buffer.concat(received).subarray(first.length).equals(second)).toBe(true);
      expect(viaData).toBe(0);
    } finally {
      client.destroy();
      await new Promise<void>((r) => listener.close(() => r()));
    }
  });
});
