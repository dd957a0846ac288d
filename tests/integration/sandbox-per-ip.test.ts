/** One client address cannot take every connection slot (Kafka's max.connections.per.ip). */
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '@/lib/kafka/broker/server';
import { startTestBroker, type TestBroker } from '../support/in-process-broker';

let sandbox: TestBroker;
let broker: RunningBroker;
let ca: string;
const refusals: string[] = [];

/**
 * Connect from `localAddress`; `ok` is false when the endpoint drops the connection
 * within half a second (with TLS 1.3 the client may see the handshake finish first).
 */
function connectFrom(localAddress: string): Promise<{ ok: boolean; socket: tls.TLSSocket }> {
  return new Promise((resolve) => {
    const raw = net.connect({ host: '127.0.0.1', port: broker.port, localAddress });
    const socket = tls.connect({ socket: raw, ca, servername: 'localhost' });
    let timer: NodeJS.Timeout | undefined;
    const dropped = () => {
      clearTimeout(timer);
      resolve({ ok: false, socket });
    };
    socket.once('error', dropped);
    socket.once('close', dropped);
    socket.once('secureConnect', () => {
      timer = setTimeout(() => resolve({ ok: !socket.destroyed, socket }), 500);
    });
  });
}

beforeAll(async () => {
  sandbox = await startTestBroker('sls-per-ip-', { maxConnectionsPerIp: 3, maxConnections: 20 }, (event, fields) => {
    if (event === 'connection.refused') refusals.push(String(fields?.reason));
  });
  ({ broker, ca } = sandbox);
});

afterAll(() => sandbox?.stop());

describe('connections per client address', () => {
  it('refuses the fourth connection from one address, not from another, and frees a slot on close', async () => {
    const first = await Promise.all([connectFrom('127.0.0.1'), connectFrom('127.0.0.1'), connectFrom('127.0.0.1')]);
    expect(first.map((c) => c.ok)).toEqual([true, true, true]);
    const fourth = await connectFrom('127.0.0.1');
    expect(fourth.ok).toBe(false);
    expect(refusals.some((r) => r.includes('more than 3 connections from this address'))).toBe(true);
    // Another loopback address has its own allowance.
    const other = await connectFrom('127.0.0.2');
    expect(other.ok).toBe(true);
    first[0]!.socket.destroy();
    await expect.poll(async () => {
      const again = await connectFrom('127.0.0.1');
      again.socket.destroy();
      return again.ok;
    }, { timeout: 30_000 }).toBe(true);
    for (const c of [...first, other]) c.socket.destroy();
  });
});
