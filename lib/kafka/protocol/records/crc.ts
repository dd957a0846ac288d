/**
 * The two checksums of Kafka's record formats, both native (@node-rs/crc32):
 * CRC-32 (IEEE) protects each legacy message (magic 0/1) from the magic byte to
 * its end; CRC-32C (Castagnoli) protects a v2 record batch from its attributes
 * (byte 21) to its end. Both return the unsigned 32-bit value as a number.
 */

import { crc32 as nativeCrc32, crc32c as nativeCrc32c } from '@node-rs/crc32';

export function crc32(buf: Uint8Array): number {
  return nativeCrc32(buf) >>> 0;
}

export function crc32c(buf: Uint8Array): number {
  return nativeCrc32c(buf) >>> 0;
}
