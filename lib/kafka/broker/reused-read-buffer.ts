/**
 * Reads a server-side TLS socket into one reused buffer instead of a fresh 16 KiB
 * Buffer per TLS record.
 *
 * Why: Node's TLS layer hands JavaScript each decrypted TLS record (≤ 16 KiB) in a new
 * ArrayBuffer, pushed through the readable-stream machinery. A million 200-byte records
 * are ~12,500 such buffers; their external memory drove most of the broker's garbage
 * collection in the kcat benchmark. `net.Socket`'s documented `onread` option reuses
 * one buffer, but `tls.TLSSocket` ignores it when it wraps an accepted socket (the
 * server case), so this applies the same mechanism after the handshake: the handle's
 * `useUserBuffer` (what `onread` calls) plus the socket's `kBuffer`/`kBufferCb`/
 * `kBufferGen` slots that Node's `onStreamRead` consults, found by their symbol
 * descriptions. `pause()`/`resume()` then stop and start the handle's reads, as for
 * `onread` sockets.
 *
 * When this Node does not have those slots (a future release may rename them), it
 * returns false and the caller keeps the ordinary 'data' events: same bytes, more GC.
 * The chunk passed to `onChunk` is only valid during the call: it must copy what it keeps.
 * Measurements: docs/throughput.md#reused-tls-read-buffer.
 */
import type { Socket } from 'node:net';

/** A decrypted TLS record is at most 16 KiB; Node's TLS layer emits at most that per read. */
export const READ_BUFFER_BYTES = 16 * 1024;

type Slots = { buffer: symbol; callback: symbol; generator: symbol };

let slots: Slots | null | undefined;

function findSlots(socket: Socket): Slots | null {
  if (slots !== undefined) return slots;
  const bySymbol = new Map(Object.getOwnPropertySymbols(socket).map((s) => [s.description, s]));
  const buffer = bySymbol.get('kBuffer');
  const callback = bySymbol.get('kBufferCb');
  const generator = bySymbol.get('kBufferGen');
  slots = buffer && callback && generator ? { buffer, callback, generator } : null;
  return slots;
}

interface UserBufferHandle {
  useUserBuffer?: (buffer: Uint8Array) => void;
}

/**
 * Switch `socket` (connected, handshake done) to reading into a reused buffer of `bytes`
 * (a plain TCP socket reads up to 64 KiB at a time); `onChunk` returns false to pause.
 * False when this Node cannot: nothing was changed.
 */
export function readIntoReusedBuffer(socket: Socket, onChunk: (chunk: Buffer) => boolean, bytes = READ_BUFFER_BYTES): boolean {
  const handle = (socket as unknown as { _handle?: UserBufferHandle | null })._handle;
  const found = findSlots(socket);
  if (!found || !handle || typeof handle.useUserBuffer !== 'function') return false;
  // The slots must hold null (not a stale value) before the switch, as in a fresh socket.
  const record = socket as unknown as Record<symbol, unknown>;
  if (record[found.buffer] !== null || record[found.generator] !== null) return false;
  const buffer = Buffer.allocUnsafe(bytes);
  record[found.buffer] = buffer;
  record[found.callback] = (nread: number, buf: Buffer) => onChunk(buf.subarray(0, nread));
  handle.useUserBuffer(buffer);
  return true;
}
