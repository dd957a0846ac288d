import { describe, expect, it } from 'vitest';
import { REGIONS, REGION_AREAS, findRegion, selectableRegions } from '@/lib/sls/regions';
import { KAFKA_PORTS, kafkaEndpoint, regionFromHost } from '@/lib/sls/endpoints';
import { SLS_ERRORS, slsErrorByCode } from '@/lib/sls/errors';

describe('regions', () => {
  it('has unique ids, both names and a known area for every region', () => {
    expect(new Set(REGIONS.map((r) => r.id)).size).toBe(REGIONS.length);
    const areas = new Set(REGION_AREAS.map((a) => a.id));
    for (const r of REGIONS) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(r.name.length).toBeGreaterThan(2);
      expect(r.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(areas.has(r.area)).toBe(true);
    }
  });

  it('includes the finance and government regions, marked as such', () => {
    const special = REGIONS.filter((r) => r.special).map((r) => [r.id, r.special]);
    expect(special).toEqual([
      ['cn-hangzhou-finance', 'finance'],
      ['cn-shanghai-finance-1', 'finance'],
      ['cn-beijing-finance-1', 'finance'],
      ['cn-shenzhen-finance-1', 'finance'],
      ['cn-north-2-gov-1', 'government'],
    ]);
  });

  it('never offers closed regions, and flags closing ones', () => {
    const offered = selectableRegions().map((r) => r.id);
    for (const id of ['ap-southeast-2', 'ap-south-1', 'rus-west-1']) {
      expect(findRegion(id)?.status).toBe('closed');
      expect(offered).not.toContain(id);
    }
    expect(findRegion('cn-nanjing')?.status).toBe('closing');
    expect(findRegion('cn-fuzhou')?.status).toBe('closing');
    expect(offered).toContain('cn-nanjing');
  });
});

describe('Kafka endpoint per region and network', () => {
  it('uses port 10012 on the Internet and 10011 on the intranet', () => {
    expect(KAFKA_PORTS).toEqual({ internet: 10012, intranet: 10011 });
  });

  it.each(REGIONS.map((r) => r.id))('%s: project-prefixed host for both network types', (region) => {
    const internet = kafkaEndpoint({ region, network: 'internet', project: 'test-project-1' });
    expect(internet).toEqual({
      host: `test-project-1.${region}.log.aliyuncs.com`,
      port: 10012,
      bootstrap: `test-project-1.${region}.log.aliyuncs.com:10012`,
    });
    const intranet = kafkaEndpoint({ region, network: 'intranet', project: 'test-project-1' });
    expect(intranet).toEqual({
      host: `test-project-1.${region}-intranet.log.aliyuncs.com`,
      port: 10011,
      bootstrap: `test-project-1.${region}-intranet.log.aliyuncs.com:10011`,
    });
    expect(regionFromHost(internet.host)).toEqual({ region, network: 'internet' });
    expect(regionFromHost(intranet.host)).toEqual({ region, network: 'intranet' });
  });

  it('renders the 2019 host form without the project prefix on request', () => {
    expect(kafkaEndpoint({ region: 'cn-hangzhou', network: 'internet', project: 'p-1', hostForm: 'region' }).bootstrap).toBe(
      'cn-hangzhou.log.aliyuncs.com:10012',
    );
    expect(kafkaEndpoint({ region: 'cn-hangzhou', network: 'intranet', project: 'p-1', hostForm: 'region' }).bootstrap).toBe(
      'cn-hangzhou-intranet.log.aliyuncs.com:10011',
    );
  });

  it('knows the vendor examples', () => {
    expect(kafkaEndpoint({ region: 'cn-hangzhou', network: 'internet', project: 'test-project-1' }).bootstrap).toBe(
      'test-project-1.cn-hangzhou.log.aliyuncs.com:10012',
    );
    expect(regionFromHost('cn-hangzhou.log.aliyuncs.com')).toEqual({ region: 'cn-hangzhou', network: 'internet' });
    expect(regionFromHost('localhost')).toBeUndefined();
    expect(regionFromHost('log.aliyuncs.com.evil.example')).toBeUndefined();
  });
});

describe('SLS error codes', () => {
  it('maps the four documented errors to their Kafka codes with hints', () => {
    expect(Object.values(SLS_ERRORS).map((e) => [e.name, e.code])).toEqual([
      ['NetworkException', 13],
      ['TopicAuthorizationException', 29],
      ['UnknownTopicOrPartitionException', 3],
      ['KafkaStorageException', 56],
    ]);
    expect(slsErrorByCode(29)?.hint).toMatch(/valid AccessKey/);
    expect(slsErrorByCode(3)?.hint).toMatch(/region/);
    expect(slsErrorByCode(56)?.hint).toBe('Wait 1 second and try again.');
    expect(slsErrorByCode(999)).toBeUndefined();
  });
});
