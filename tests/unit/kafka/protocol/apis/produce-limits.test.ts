import { describe, expect, it } from 'vitest';
import { decodeProduceRequest, encodeProduceRequest } from '@/lib/kafka/protocol/apis/produce';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';

function request(partitions: number, topics = 1): Buffer {
  return encodeProduceRequest(
    {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topics: Array.from({ length: topics }, (_, t) => ({
        name: `logstore-${t}`,
        partitions: Array.from({ length: partitions }, (_, partition) => ({ partition, records: null })),
      })),
    },
    7,
  );
}

describe('Produce partition limit', () => {
  it('decodes up to the limit, counted across topics', () => {
    expect(decodeProduceRequest(new Reader(request(50, 2)), 7, { maxPartitions: 100 }).topics).toHaveLength(2);
  });

  it('refuses more partitions than the limit before reading them', () => {
    expect(() => decodeProduceRequest(new Reader(request(51, 2)), 7, { maxPartitions: 100 })).toThrow(ProtocolError);
    expect(() => decodeProduceRequest(new Reader(request(101)), 7, { maxPartitions: 100 })).toThrow(/more than 100 partitions/);
  });

  it('has no limit unless asked', () => {
    expect(decodeProduceRequest(new Reader(request(20_000)), 7).topics[0]?.partitions).toHaveLength(20_000);
  });
});
