/**
 * Kafka wire primitives: a bounds-checked Reader and a growable Writer for the
 * protocol's types (big-endian ints, zig-zag varints, STRING, BYTES, ARRAY,
 * their compact forms and tagged fields). Every read checks its length first:
 * a short or lying frame raises ProtocolError, never an out-of-range read or a
 * huge allocation.
 */

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const MAX_INT32 = 0x7fffffff;

export class Reader {
  offset: number;
  readonly end: number;

  constructor(
    readonly buf: Buffer,
    offset = 0,
    end = buf.length,
  ) {
    if (offset < 0 || end > buf.length || offset > end) throw new ProtocolError('reader window outside the buffer');
    this.offset = offset;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  /** Throw unless `n` more bytes are available. */
  need(n: number, what = 'value'): void {
    if (n < 0 || this.offset + n > this.end) {
      throw new ProtocolError(`truncated ${what}: need ${n} bytes at offset ${this.offset}, have ${this.remaining}`);
    }
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buf.readInt8(this.offset++);
  }

  uint8(): number {
    this.need(1, 'uint8');
    return this.buf.readUInt8(this.offset++);
  }

  int16(): number {
    this.need(2, 'int16');
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    this.need(4, 'int32');
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  int64(): bigint {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }

  /** Unsigned LEB128, at most 5 bytes (32 bits). */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.uint8();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffff) throw new ProtocolError('varint overflows 32 bits');
        return result;
      }
    }
    throw new ProtocolError('varint longer than 5 bytes');
  }

  /** Zig-zag signed varint (32 bits). */
  varint(): number {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zig-zag signed varlong (64 bits), at most 10 bytes. */
  varlong(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.uint8();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffffffffffffn) throw new ProtocolError('varlong overflows 64 bits');
        return (result >> 1n) ^ -(result & 1n);
      }
    }
    throw new ProtocolError('varlong longer than 10 bytes');
  }

  /** `n` raw bytes as a view (no copy) of the frame. */
  raw(n: number, what = 'bytes'): Buffer {
    this.need(n, what);
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  /** STRING / NULLABLE_STRING: int16 length, -1 for null. */
  nullableString(): string | null {
    const len = this.int16();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid string length ${len}`);
    return this.raw(len, 'string').toString('utf8');
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new ProtocolError('null where a string is required');
    return s;
  }

  /** BYTES / NULLABLE_BYTES: int32 length, -1 for null. */
  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid bytes length ${len}`);
    return this.raw(len, 'bytes');
  }

  bytes(): Buffer {
    const b = this.nullableBytes();
    if (b === null) throw new ProtocolError('null where bytes are required');
    return b;
  }

  /** COMPACT_NULLABLE_STRING: uvarint length + 1, 0 for null. */
  compactNullableString(): string | null {
    const n = this.uvarint();
    if (n === 0) return null;
    return this.raw(n - 1, 'compact string').toString('utf8');
  }

  compactBytes(): Buffer | null {
    const n = this.uvarint();
    if (n === 0) return null;
    return this.raw(n - 1, 'compact bytes');
  }

  /**
   * ARRAY: int32 count (-1 for null), then `count` items. `minItemBytes` bounds
   * the count by the bytes left, so a lying count cannot allocate a huge array.
   */
  nullableArray<T>(item: (r: Reader) => T, minItemBytes = 1): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    return this.items(count, item, minItemBytes);
  }

  array<T>(item: (r: Reader) => T, minItemBytes = 1): T[] {
    const a = this.nullableArray(item, minItemBytes);
    if (a === null) throw new ProtocolError('null where an array is required');
    return a;
  }

  /** COMPACT_ARRAY: uvarint count + 1, 0 for null. */
  compactArray<T>(item: (r: Reader) => T, minItemBytes = 1): T[] | null {
    const n = this.uvarint();
    if (n === 0) return null;
    return this.items(n - 1, item, minItemBytes);
  }

  private items<T>(count: number, item: (r: Reader) => T, minItemBytes: number): T[] {
    if (count < 0) throw new ProtocolError(`invalid array count ${count}`);
    if (count * Math.max(minItemBytes, 0) > this.remaining) {
      throw new ProtocolError(`array count ${count} exceeds the ${this.remaining} bytes left`);
    }
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(item(this));
    return out;
  }

  /** Skip a tagged-field section (flexible versions): we keep none of them. */
  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.raw(this.uvarint(), 'tagged field');
    }
  }
}

/** A growable big-endian buffer writer. */
export class Writer {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  uint8(v: number): this {
    this.ensure(1);
    this.buf.writeUInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  uint32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v >>> 0, this.pos);
    this.pos += 4;
    return this;
  }

  int64(v: bigint): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
    return this;
  }

  uvarint(v: number): this {
    if (v < 0 || v > 0xffffffff || !Number.isInteger(v)) throw new RangeError(`uvarint out of range: ${v}`);
    let n = v;
    while (n >= 0x80) {
      this.uint8((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    return this.uint8(n);
  }

  varint(v: number): this {
    if (!Number.isInteger(v) || v < -0x80000000 || v > MAX_INT32) throw new RangeError(`varint out of range: ${v}`);
    return this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  varlong(v: bigint): this {
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new RangeError(`varlong out of range: ${v}`);
    let n = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    while (n >= 0x80n) {
      this.uint8(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    return this.uint8(Number(n));
  }

  raw(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  nullableString(s: string | null): this {
    if (s === null) return this.int16(-1);
    const b = Buffer.from(s, 'utf8');
    if (b.length > 0x7fff) throw new RangeError('string longer than 32767 bytes');
    return this.int16(b.length).raw(b);
  }

  string(s: string): this {
    return this.nullableString(s);
  }

  nullableBytes(b: Uint8Array | null): this {
    if (b === null) return this.int32(-1);
    return this.int32(b.length).raw(b);
  }

  bytes(b: Uint8Array): this {
    return this.nullableBytes(b);
  }

  compactNullableString(s: string | null): this {
    if (s === null) return this.uvarint(0);
    const b = Buffer.from(s, 'utf8');
    return this.uvarint(b.length + 1).raw(b);
  }

  nullableArray<T>(items: readonly T[] | null, item: (w: Writer, v: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const v of items) item(this, v);
    return this;
  }

  array<T>(items: readonly T[], item: (w: Writer, v: T) => void): this {
    return this.nullableArray(items, item);
  }

  compactArray<T>(items: readonly T[] | null, item: (w: Writer, v: T) => void): this {
    if (items === null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const v of items) item(this, v);
    return this;
  }

  /** An empty tagged-field section. */
  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  /** Overwrite an int32 written earlier (length and CRC back-patching). */
  patchInt32(at: number, v: number): this {
    this.buf.writeInt32BE(v, at);
    return this;
  }

  patchUint32(at: number, v: number): this {
    this.buf.writeUInt32BE(v >>> 0, at);
    return this;
  }

  /** The bytes written so far (a copy-free view; do not write after taking it). */
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
