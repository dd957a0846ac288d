/**
 * Splits a TCP/TLS byte stream into Kafka frames (int32 size + payload).
 * A frame inside one chunk is a view of it; a frame spanning chunks is copied,
 * once, into its own buffer as its bytes arrive (not copied over and over, and
 * not holding the TLS layer's read buffers). An optional
 * `reserve` hook sees each frame's declared size before its bytes are
 * collected (the broker's shared memory budget); refusing it leaves the size
 * prefix buffered and the decoder `blocked` until `push` is called again.
 */
export class FrameTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`frame of ${size} bytes exceeds the ${limit}-byte limit`);
    this.name = 'FrameTooLargeError';
  }
}

export class FrameDecoder {
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

  /** Feed bytes; returns the complete frames (payload without the size prefix), in order. */
  push(chunk: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    if (this.partial !== null) {
      const take = Math.min(chunk.length, this.expected - this.filled);
      chunk.copy(this.partial, this.filled, 0, take);
      this.filled += take;
      if (this.filled < this.expected) return frames;
      frames.push(this.partial);
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
        this.partial = Buffer.allocUnsafe(this.expected);
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
    return frames;
  }

  /** Drop everything buffered (a closed connection's bytes become garbage at once, not when its socket goes). */
  clear(): void {
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
