/**
 * Splits a TCP/TLS byte stream into Kafka frames (int32 size + payload).
 * A frame inside one chunk is a view of it; a frame spanning chunks is copied,
 * once, into its own buffer as its bytes arrive (not copied over and over, and
 * not holding the TLS layer's read buffers). An optional
 * `reserve` hook sees each frame's declared size before its bytes are
 * collected (the broker's shared memory budget); refusing it leaves the size
 * prefix buffered and the decoder `blocked` until `push` is called again.
 *
 * The buffers of large spanning frames (≥ 64 KiB, e.g. Produce requests) come from a
 * small process-wide pool (at most 16 MiB kept): once the connection has processed
 * such a frame, synchronously, it hands it back with `release`, and the next large
 * frame reuses it. A fresh multi-megabyte buffer per request costs page faults and,
 * as external memory, full garbage collections (the largest cost of an uncompressed
 * kcat benchmark before). Only frames the handler no longer holds may be released.
 */
export class FrameTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`frame of ${size} bytes exceeds the ${limit}-byte limit`);
    this.name = 'FrameTooLargeError';
  }
}

/** Frames at least this large are pooled; buffers are sized in steps of it. */
const POOLED_FRAME_MIN = 64 * 1024;
/** Most bytes the idle pool keeps (two of the largest default frames). */
const FRAME_POOL_BYTES = 16 * 1024 * 1024;

class FrameBufferPool {
  private readonly free: Buffer[] = [];
  private bytes = 0;

  /** A buffer for `size` bytes (a view of a pooled one when one fits without wasting more than a quarter). */
  take(size: number): Buffer {
    for (let i = this.free.length - 1; i >= 0; i--) {
      const b = this.free[i]!;
      if (b.length >= size && b.length - size <= Math.max(POOLED_FRAME_MIN, size / 4)) {
        this.free.splice(i, 1);
        this.bytes -= b.length;
        return b.subarray(0, size);
      }
    }
    const rounded = Math.ceil(size / POOLED_FRAME_MIN) * POOLED_FRAME_MIN;
    return Buffer.allocUnsafeSlow(rounded).subarray(0, size);
  }

  give(whole: Buffer): void {
    if (this.bytes + whole.length > FRAME_POOL_BYTES) return;
    this.free.push(whole);
    this.bytes += whole.length;
  }
}

const framePool = new FrameBufferPool();

export class FrameDecoder {
  /** Frames handed out from the pool, not yet released. */
  private readonly pooled = new Set<Buffer>();
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the frame being collected, once its prefix is known. */
  private expected = -1;
  /** The frame being collected, once it spans chunks; `filled` bytes of it are in. */
  private partial: Buffer | null = null;
  private filled = 0;

  /** True when `reserve` refused the frame whose prefix is buffered. */
  blocked = false;
  /** Frames started so far (a frame deadline can tell whether the same frame is still incomplete). */
  started = 0;
  /** Sees each frame's size once its prefix is known; false: stop until the next `push`. */
  reserve: ((size: number) => boolean) | undefined;

  /** `limit` may change between frames (it grows after authentication). */
  constructor(public limit: number) {}

  /** True while a frame's bytes are being collected (its prefix was read, not all of its payload). */
  get inFrame(): boolean {
    return this.expected >= 0;
  }

  get pendingBytes(): number {
    return this.buffered + this.filled;
  }

  /**
   * Feed bytes; returns the complete frames (payload without the size prefix), in order.
   * A `transient` chunk is reused by the caller once this returns (a socket's reused read
   * buffer): frames returned may still be views of it, to be handled before the next
   * push, but the bytes kept for later frames are copied.
   */
  push(chunk: Buffer, transient = false): Buffer[] {
    const frames: Buffer[] = [];
    if (this.partial !== null) {
      const take = Math.min(chunk.length, this.expected - this.filled);
      chunk.copy(this.partial, this.filled, 0, take);
      this.filled += take;
      if (this.filled < this.expected) return frames;
      frames.push(this.partial);
      if (this.partial.length >= POOLED_FRAME_MIN) this.pooled.add(this.partial);
      this.partial = null;
      this.filled = 0;
      this.expected = -1;
      chunk = chunk.subarray(take);
    }
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < 4) break;
        const size = this.peekInt32();
        if (size < 0 || size > this.limit) throw new FrameTooLargeError(size, this.limit);
        if (this.reserve !== undefined && !this.reserve(size)) {
          this.blocked = true;
          break;
        }
        this.blocked = false;
        this.started++;
        this.consume(4);
        this.expected = size;
      }
      if (this.buffered < this.expected) {
        // The rest goes straight into the frame's own buffer: only its declared size is
        // held, not the (often larger) TLS read buffers the chunks are views of. The
        // bytes are copied once, as joining the chunks at the end would.
        this.partial = this.expected >= POOLED_FRAME_MIN ? framePool.take(this.expected) : Buffer.allocUnsafe(this.expected);
        this.filled = 0;
        for (const c of this.chunks) {
          c.copy(this.partial, this.filled);
          this.filled += c.length;
        }
        this.chunks = [];
        this.buffered = 0;
        break;
      }
      frames.push(this.consume(this.expected));
      this.expected = -1;
    }
    if (transient && this.chunks.length > 0) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return frames;
  }

  /**
   * The caller is done with `frame` and keeps no view of it: a pooled frame's buffer
   * goes back to the pool (anything else is left to the garbage collector).
   */
  release(frame: Buffer): void {
    if (!this.pooled.delete(frame)) return;
    framePool.give(Buffer.from(frame.buffer, frame.byteOffset, frame.buffer.byteLength - frame.byteOffset));
  }

  /** Drop everything buffered (a closed connection's bytes become garbage at once, not when its socket goes). */
  clear(): void {
    this.pooled.clear();
    this.chunks = [];
    this.buffered = 0;
    this.partial = null;
    this.filled = 0;
    this.expected = -1;
  }

  private peekInt32(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  private consume(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let copied = 0;
      while (copied < n) {
        const c = this.chunks[0]!;
        const take = Math.min(c.length, n - copied);
        c.copy(out, copied, 0, take);
        copied += take;
        if (take === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(take);
      }
    }
    this.buffered -= n;
    return out;
  }
}
