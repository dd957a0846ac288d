import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, FrameTooLargeError } from '@/lib/kafka/broker/framing';

function frame(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}

describe('FrameDecoder', () => {
  it('splits frames whatever the chunking, also from a transient chunk (copying what it keeps of it)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (payloads, cuts, transient) => {
          const stream = Buffer.concat(payloads.map((p) => frame(Buffer.from(p))));
          const decoder = new FrameDecoder(1024);
          // Transient: one reused read buffer, overwritten after each push, as a socket's reused-buffer read delivers them.
          const reused = Buffer.alloc(64);
          const out: number[][] = [];
          let pos = 0;
          let i = 0;
          while (pos < stream.length) {
            const n = Math.min(cuts[i++ % cuts.length]!, stream.length - pos);
            const chunk = transient ? reused.subarray(0, stream.copy(reused, 0, pos, pos + n)) : stream.subarray(pos, pos + n);
            // Frames handed out are handled before the next push (the connection does so synchronously).
            for (const f of decoder.push(chunk, transient)) out.push([...f]);
            reused.fill(0xee);
            pos += n;
          }
          expect(out).toEqual(payloads.map((p) => [...p]));
          expect(decoder.pendingBytes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a size prefix over the limit before buffering the frame', () => {
    const decoder = new FrameDecoder(512 * 1024);
    const twoGiB = Buffer.from([0x7f, 0xff, 0xff, 0xff]);
    expect(() => decoder.push(twoGiB)).toThrow(FrameTooLargeError);
    expect(() => new FrameDecoder(10).push(Buffer.from([0xff, 0xff, 0xff, 0xfe]))).toThrow(/-2 bytes/);
  });

  it('keeps a partial frame until the rest arrives, and handles empty frames', () => {
    const decoder = new FrameDecoder(100);
    expect(decoder.push(Buffer.from([0, 0, 0]))).toEqual([]);
    expect(decoder.push(Buffer.from([3, 1, 2]))).toEqual([]);
    const frames = decoder.push(Buffer.from([3, 0, 0, 0, 0]));
    expect(frames.map((f) => [...f])).toEqual([[1, 2, 3], []]);
  });

  it('reuses the buffer of a released large frame for the next one, never one still held', () => {
    const decoder = new FrameDecoder(4 * 1024 * 1024);
    const feed = (payload: Buffer) => {
      const bytes = frame(payload);
      const out: Buffer[] = [];
      for (let pos = 0; pos < bytes.length; pos += 16 * 1024) out.push(...decoder.push(bytes.subarray(pos, pos + 16 * 1024)));
      expect(out).toHaveLength(1);
      expect(out[0]!.equals(payload)).toBe(true);
      return out[0]!;
    };
    const first = feed(Buffer.alloc(1_000_000, 1));
    const held = feed(Buffer.alloc(1_000_000, 2)); // first not released yet: a buffer of its own
    expect(held.buffer).not.toBe(first.buffer);
    expect(first.every((b) => b === 1)).toBe(true);
    decoder.release(first);
    const third = feed(Buffer.alloc(1_000_100, 3));
    expect(third.buffer).toBe(first.buffer);
    expect(held.every((b) => b === 2)).toBe(true);
    // A small frame, or one inside a single chunk, is a view of the chunk and never pooled.
    const chunk = frame(Buffer.alloc(200_000, 4));
    const [inOne] = decoder.push(chunk);
    decoder.release(inOne!);
    decoder.release(third);
    const again = feed(Buffer.alloc(1_000_000, 5));
    expect(again.buffer).toBe(first.buffer);
    expect(chunk.subarray(4).every((b) => b === 4)).toBe(true);
  });
});
