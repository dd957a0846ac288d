/**
 * Feeding syslog daemons under test (rsyslog, syslog-ng) over a loopback TCP
 * input: wait until the daemon listens, then send lines in waves so that
 * librdkafka's sticky partitioner (a new partition after
 * sticky.partitioning.linger.ms, 10 ms, of keyless records) moves on.
 */
import net from 'node:net';

/** Poll until something accepts on 127.0.0.1:port; the error carries the daemon's log. */
export async function waitForPort(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true))).once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lines over one TCP connection, `wave` at a time with `pauseMs` between waves. */
export async function sendInWaves(port: number, lines: readonly string[], wave = 20, pauseMs = 50): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  for (let i = 0; i < lines.length; i += wave) {
    await new Promise<void>((resolve, reject) => socket.write(lines.slice(i, i + wave).join(''), (err) => (err ? reject(err) : resolve())));
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  await new Promise<void>((resolve) => socket.end(resolve));
}

/** RFC 5424 lines `<14>1 TS host1 app 1 - - <tag> <i> grüße`, i = 1…n. */
export function rfc5424Lines(tag: string, n: number): string[] {
  const ts = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => `<14>1 ${ts} host1 app 1 - - ${tag} ${i + 1} grüße\n`);
}
