/**
 * Share links: a round trip over random valid settings restores everything but
 * the AccessKey, the hash never holds a credential, only non-default values are
 * written, and decoding skips what it does not know instead of failing.
 */
import fc from 'fast-check';
import { settingsInputArbitrary } from '../../support/zod-arbitrary';
import { describe, expect, it } from 'vitest';
import { AGENT_IDS } from '@/lib/settings/agents';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { readShareHash, shareHash, sharePayload } from '@/lib/share/url-state';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';


const KEY_ID = 'LTAI5tAbCdEfGhIjKlMnOpQr';
const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';

/** Decode the payload of a hash the way readShareHash does, for assertions on what is inside. */
function payloadOf(hash: string): Record<string, unknown> {
  expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
  const b64 = hash.slice(3).replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function hashOf(payload: unknown): string {
  const bytes = new TextEncoder().encode(typeof payload === 'string' && payload.startsWith('{') ? payload : JSON.stringify(payload));
  return `#s=${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** What the Wizard does with a link: reset to the defaults plus the shared values, credentials cleared. */
function restore(hash: string, credentials: { accessKeyId: string; accessKeySecret: string }) {
  const shared = readShareHash(hash);
  expect(shared).not.toBeNull();
  return settingsSchema.parse({ ...FORM_DEFAULTS, ...shared, ...credentials });
}

// ---- random valid settings, driven by the agent schemas ----------------------------------


/** Plausible strings for any text option: paths (with non-ASCII), URLs, tag patterns, sizes, ids. */
const TEXT_VALUES = [
  '/var/log/*.log',
  '/var/log/日志/*.log',
  '/opt/app/logs/app-1.log',
  'C:/logs/*.log',
  'http://localhost:80',
  'https://example.com/health',
  'app.**',
  '{nginx,apache}.access',
  '512k',
  '2m',
  '4g',
  'logstash-sls-2',
  'changeit-too',
  '/etc/ssl/certs/ca-bundle.crt',
  '/etc/logstash/my-truststore.jks',
  '/var/log/fluent/buffer/sls',
];


const inputArbitrary = settingsInputArbitrary({ strings: fc.constantFrom(...TEXT_VALUES), minAgents: 0, maxAgents: AGENT_IDS.length }) as fc.Arbitrary<SettingsInput>;

const validInput = inputArbitrary.filter((input) => settingsSchema.safeParse(input).success);

describe('shareHash / readShareHash round trip', () => {
  it('restores every setting except the AccessKey, for random valid settings', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const hash = shareHash(input);
        const restored = restore(hash, { accessKeyId: input.accessKeyId!, accessKeySecret: input.accessKeySecret! });
        expect(restored).toEqual(settingsSchema.parse(input));
        // What the Wizard gets from the link has no credentials at all.
        const shared = readShareHash(hash)!;
        expect(shared).not.toHaveProperty('accessKeyId');
        expect(shared).not.toHaveProperty('accessKeySecret');
      }),
      { numRuns: 400 },
    );
  });

  it('never puts the AccessKey ID or secret into the hash, in any encoding', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const hash = shareHash(input);
        const decoded = JSON.stringify(payloadOf(hash));
        for (const credential of [input.accessKeyId!, input.accessKeySecret!]) {
          expect(hash).not.toContain(credential);
          expect(decoded).not.toContain(credential);
          expect(decodeURIComponent(hash)).not.toContain(credential);
        }
        expect(decoded).not.toMatch(/accessKey/i);
      }),
      { numRuns: 300 },
    );
  });

  it('drops a credential even when it was pasted into another field', () => {
    const input: SettingsInput = {
      ...FORM_DEFAULTS,
      project: 'test-project-1',
      logstore: 'test-logstore-1',
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      agents: { beats: { paths: [`/var/log/${SECRET}/*.log`] }, logstash: { clientId: `id-${KEY_ID}` } },
    };
    const decoded = JSON.stringify(payloadOf(shareHash(input)));
    expect(decoded).not.toContain(SECRET);
    expect(decoded).not.toContain(KEY_ID);
    expect(decoded).toContain('test-project-1');
  });
});

describe('only non-default values are encoded', () => {
  it('writes nothing but the format version for the form defaults', () => {
    expect(payloadOf(shareHash(FORM_DEFAULTS))).toEqual({ v: 1 });
    // The same defaults spelled out in full are still “nothing changed”.
    const spelledOut = settingsSchema.parse({ ...FORM_DEFAULTS, project: 'p-1a', logstore: 'l-1a', accessKeyId: KEY_ID, accessKeySecret: SECRET });
    expect(payloadOf(shareHash({ ...spelledOut, project: '', logstore: '' }))).toEqual({ v: 1 });
  });

  it('writes exactly the fields and agent options that differ from their defaults', () => {
    const payload = sharePayload({
      ...FORM_DEFAULTS,
      region: 'cn-shanghai',
      project: 'test-project-1',
      logstore: 'test-logstore-1',
      accessKeyId: KEY_ID,
      accessKeySecret: SECRET,
      network: 'internet',
      agents: {
        beats: { compression: 'lz4', version: '8', acks: 1 },
        logstash: { jaasMode: 'file', compression: 'gzip' },
        collectd: {},
      },
    });
    expect(payload).toEqual({
      v: 1,
      region: 'cn-shanghai',
      project: 'test-project-1',
      logstore: 'test-logstore-1',
      agents: { beats: { compression: 'lz4' }, collectd: {}, logstash: { jaasMode: 'file' } },
    });
  });

  it('records a removed default agent, and no agents at all', () => {
    expect(sharePayload({ ...FORM_DEFAULTS, agents: { telegraf: {} } }).agents).toEqual({ telegraf: {} });
    expect(sharePayload({ ...FORM_DEFAULTS, agents: {} }).agents).toEqual({});
    expect(restore(shareHash({ ...FORM_DEFAULTS, project: 'abc', logstore: 'abc', agents: {} }), { accessKeyId: KEY_ID, accessKeySecret: SECRET }).agents).toEqual({});
  });

  it('keeps the hash short for a typical choice', () => {
    const hash = shareHash({ ...FORM_DEFAULTS, project: 'test-project-1', logstore: 'test-logstore-1', agents: { beats: { compression: 'lz4' } } });
    expect(hash.length).toBeLessThan(160);
  });
});

describe('readShareHash is forgiving', () => {
  it('returns null without a share hash or for garbage', () => {
    for (const hash of ['', '#', '#s=', '#other=1', '#s=%%%', '#s=!!!!', '#s=bm90IGpzb24', hashOf([1, 2]), hashOf('text'), hashOf(null), '#s=' + 'A'.repeat(20_000)]) {
      expect(readShareHash(hash), hash.slice(0, 40)).toBeNull();
    }
    // Invalid UTF-8 inside valid base64.
    expect(readShareHash(`#s=${btoa('\xff\xfe\xfd')}`)).toBeNull();
  });

  it('tolerates random strings without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.base64String({ maxLength: 300 }), (junk, b64) => {
        expect(() => readShareHash(junk)).not.toThrow();
        expect(() => readShareHash(`#s=${b64.replace(/=+$/, '')}`)).not.toThrow();
        expect(() => readShareHash(`#s=${junk}`)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('ignores unknown keys and unknown agents, keeping the rest', () => {
    // Raw JSON, so that "__proto__" is a real key of the payload (an object literal would set the prototype).
    const shared = readShareHash(
      hashOf(
        '{"v":99,"project":"test-project-1","colour":"blue","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
          '"agents":{"beats":{"compression":"lz4","turbo":true,"__proto__":{"polluted":true}},"nginx":{},"__proto__":{"beats":{}}}}',
      ),
    );
    expect(shared).toEqual({
      project: 'test-project-1',
      agents: { beats: expect.objectContaining({ compression: 'lz4' }) },
    });
    expect(shared!.agents!.beats).not.toHaveProperty('turbo');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(shared)).toBe(Object.prototype);
  });

  it('skips invalid values field by field instead of failing', () => {
    const shared = readShareHash(
      hashOf({
        region: 'mars-north-1',
        network: 'intranet',
        project: 'Bad_Project',
        logstore: 'good_logstore',
        expandJson: 'yes',
        target: 'sandbox',
        accessKeyId: KEY_ID,
        accessKeySecret: SECRET,
        agents: { beats: { compression: 'brotli', acks: -1, paths: ['relative/path'] }, telegraf: 'not an object', fluentd: { flushInterval: 10 } },
      }),
    );
    expect(shared).toMatchObject({ network: 'intranet', logstore: 'good_logstore', target: 'sandbox' });
    expect(shared).not.toHaveProperty('region');
    expect(shared).not.toHaveProperty('project');
    expect(shared).not.toHaveProperty('expandJson');
    expect(shared).not.toHaveProperty('accessKeyId');
    expect(shared).not.toHaveProperty('accessKeySecret');
    expect(shared!.agents).not.toHaveProperty('telegraf');
    // Invalid options fall back to the agent's defaults, valid ones are kept.
    expect(shared!.agents!.beats).toMatchObject({ compression: 'gzip', acks: -1, paths: ['/var/log/*.log'] });
    expect(shared!.agents!.fluentd).toMatchObject({ flushInterval: 10 });
  });

  it('drops the option a cross-field rule names, not the whole agent', () => {
    // zstd needs Beats 9: each value is valid alone, together the compression goes.
    const shared = readShareHash(hashOf({ agents: { beats: { compression: 'zstd', version: '8', acks: 0 } } }));
    expect(shared!.agents!.beats).toMatchObject({ compression: 'gzip', version: '8', acks: 0 });
    const nine = readShareHash(hashOf({ agents: { beats: { compression: 'zstd', version: '9' } } }));
    expect(nine!.agents!.beats).toMatchObject({ compression: 'zstd', version: '9' });
  });

  it('reads the hash with or without “#”, next to other parameters', () => {
    const hash = shareHash({ ...FORM_DEFAULTS, project: 'test-project-1' });
    expect(readShareHash(hash)).toEqual({ project: 'test-project-1' });
    expect(readShareHash(hash.slice(1))).toEqual({ project: 'test-project-1' });
    expect(readShareHash(`#x=1&${hash.slice(1)}`)).toEqual({ project: 'test-project-1' });
  });
});
