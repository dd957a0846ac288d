/**
 * The sandbox's Kafka broker on the test's own thread, for tests that drive
 * it directly (hostile input, per-address limits): a fresh CA in a temp dir,
 * open accounts, an in-memory store, loopback on a free port, the given
 * limits and log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrokerLimits } from '@/lib/kafka/broker/limits';
import type { BrokerLog } from '@/lib/kafka/broker/ports';
import { startBroker, type RunningBroker } from '@/lib/kafka/broker/server';
import { openAccounts } from '@/lib/sandbox/accounts';
import { ensureSandboxCertificates } from '@/lib/sandbox/ca';
import { RecordStore } from '@/lib/sandbox/store';

export interface TestBroker {
  broker: RunningBroker;
  store: RecordStore;
  /** The CA (PEM) that signed the broker's certificate for `localhost`. */
  ca: string;
  /** Closes the broker and the store and removes the temp dir. */
  stop(): Promise<void>;
}

export async function startTestBroker(prefix: string, limits: Partial<BrokerLimits>, log: BrokerLog): Promise<TestBroker> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const certs = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
  const store = RecordStore.open({ file: ':memory:' });
  const broker = await startBroker({
    host: '127.0.0.1',
    port: 0,
    tls: { cert: certs.serverCertPem, key: certs.serverKeyPem },
    accounts: openAccounts(),
    store,
    publicHost: 'localhost',
    limits,
    log,
  });
  return {
    broker,
    store,
    ca: certs.caCertPem,
    stop: async () => {
      await broker.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
