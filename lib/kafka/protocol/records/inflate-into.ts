/**
 * Raw DEFLATE into a caller's buffer with one long-lived zlib stream.
 *
 * Why: `zlib.inflateRawSync` creates a zlib stream (its state and 32 KiB window) and a
 * fresh output buffer on every call. For the broker's check of every gzip batch that was
 * a new ~1 MB external buffer per batch, and the garbage collections they caused cost
 * the endpoint more than the inflating (about half of its CPU in the kcat gzip
 * benchmark). Node's public zlib API has no "inflate into this buffer", so this drives
 * the native handle the way Node's own `zlib.js` does in its synchronous path
 * (`handle.writeSync(flush, in, inOff, inLen, out, outOff, outLen)`, results in the
 * stream's `_writeState`, errors through `handle.onerror`, `handle.reset()` between
 * streams).
 *
 * When this Node lacks that shape, `inflateRawInto` returns null and callers use
 * `zlib.inflateRawSync`: the same bytes, more garbage. A test pins that this Node has it.
 * Measurements: docs/throughput.md#inflating-into-one-reused-buffer.
 */
import zlib from 'node:zlib';

interface ZlibHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  reset(): void;
  onerror: (message: string, errno: number, code?: string) => void;
}

interface Engine {
  handle: ZlibHandle;
  state: Uint32Array;
  error: string | null;
}

let engine: Engine | null | undefined;

function getEngine(): Engine | null {
  if (engine !== undefined) return engine;
  engine = null;
  try {
    const stream = zlib.createInflateRaw() as unknown as { _handle?: Partial<ZlibHandle> | null; _writeState?: unknown };
    const handle = stream._handle;
    const state = stream._writeState;
    if (handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && state instanceof Uint32Array && state.length >= 2) {
      const e: Engine = { handle: handle as ZlibHandle, state, error: null };
      // Replaces the stream's handler (which would destroy the stream): errors are reported per call instead.
      e.handle.onerror = (message) => {
        e.error = message;
      };
      engine = e;
    }
  } catch {
    engine = null;
  }
  return engine;
}

export interface InflateResult {
  /** Bytes written to `out`, from 0. */
  written: number;
  /** Input bytes the deflate data took (what follows is the gzip trailer, or more). */
  consumed: number;
  /** False when `out` filled up before the deflate data ended (the caller needs a larger buffer). */
  complete: boolean;
}

export class InflateError extends Error {}

/**
 * Inflate the raw DEFLATE data at `input[from…]` into `out`. Null when this Node cannot
 * (use zlib.inflateRawSync). Throws InflateError with zlib's message for corrupt or
 * truncated data. `complete` is exact only when `out` has room to spare: give it one
 * byte more than the expected size.
 */
export function inflateRawInto(input: Buffer, from: number, out: Buffer): InflateResult | null {
  const e = getEngine();
  if (e === null) return null;
  e.handle.reset();
  e.error = null;
  e.handle.writeSync(zlib.constants.Z_FINISH, input, from, input.length - from, out, 0, out.length);
  if (e.error !== null) {
    const message = e.error;
    e.error = null;
    e.handle.reset();
    throw new InflateError(message);
  }
  const availOut = e.state[0] as number;
  const availIn = e.state[1] as number;
  return { written: out.length - availOut, consumed: input.length - from - availIn, complete: availOut > 0 };
}

/** True when this Node lets us inflate into a reused buffer (tests pin it). */
export function canInflateInto(): boolean {
  return getEngine() !== null;
}
