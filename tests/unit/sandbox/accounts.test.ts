import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARDS,
  SandboxConfigError,
  loadAccounts,
  openAccounts,
  parseSandboxConfig,
  shardsFromEnv,
  strictAccounts,
  topicToLogstore,
  type Principal,
  type SandboxAccounts,
} from '@/lib/sandbox/accounts';

const FIXTURES = path.join(__dirname, 'fixtures', 'accounts');
const fixture = (name: string) => path.join(FIXTURES, name);

const KEY1 = 'LTAI5tExampleKeyId00001';
const SECRET1 = 'ExampleSecret0123456789abcdef';
const KEY2 = 'LTAI5tExampleKeyId00002';
const SECRET2 = 'ExampleSecret0123456789abcdeg';
const KEY3 = 'LTAI5tExampleKeyId00003';
const SECRET3 = 'ExampleSecret0123456789abcdeh';
const HZ = 'test-project-1.cn-hangzhou.log.aliyuncs.com';

function login(accounts: SandboxAccounts, username: string, password: string): Principal {
  const r = accounts.checkLogin(username, password);
  if (!r.ok) throw new Error(`login refused: ${r.message}`);
  return r.principal;
}

function configError(source: string, file = '/etc/sandbox/x.yaml'): SandboxConfigError {
  try {
    parseSandboxConfig(source, file);
  } catch (err) {
    if (err instanceof SandboxConfigError) return err;
    throw err;
  }
  throw new Error('expected a SandboxConfigError');
}

describe('checkLogin (both modes)', () => {
  const modes: Array<[string, SandboxAccounts]> = [
    ['open', openAccounts()],
    ['strict', loadAccounts({ SANDBOX_CONFIG: fixture('valid.yaml') })],
  ];
  for (const [mode, accounts] of modes) {
    it(`${mode}: accepts project + id#secret without checking them against anything`, () => {
      const r = accounts.checkLogin('no-such-project', 'LTAIunknownkey000000000#whatever-secret');
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.principal).toMatchObject({ project: 'no-such-project', accessKeyId: 'LTAIunknownkey000000000' });
    });

    it(`${mode}: refuses passwords that are not id#secret`, () => {
      const cases: Array<[string, string, RegExp]> = [
        ['p-1', 'LTAI5tExampleKeyId00001', /no “#”/],
        ['p-1', 'a#b#c', /exactly one “#”; it has 2/],
        ['p-1', '#secret', /nothing before the “#”/],
        ['p-1', 'LTAI5tExampleKeyId00001#', /nothing after the “#”/],
        ['p-1', '', /no “#”/],
        ['', `${KEY1}#${SECRET1}`, /username is empty/],
      ];
      for (const [user, pass, message] of cases) {
        const r = accounts.checkLogin(user, pass);
        expect(r, `${user} / ${pass}`).toEqual({ ok: false, message: expect.stringMatching(message) });
      }
    });
  }

  it('keeps no secret in the principal', () => {
    const p = login(openAccounts(), 'test-project-1', `${KEY1}#${SECRET1}`);
    expect(JSON.stringify(p)).not.toContain(SECRET1);
    expect(p.secretSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never throws on arbitrary credentials, and accepts exactly one # with both parts non-empty (property)', () => {
    const accounts = openAccounts();
    fc.assert(
      fc.property(fc.string(), fc.string(), (user, pass) => {
        const r = accounts.checkLogin(user, pass);
        const parts = pass.split('#');
        const wellFormed = user.length > 0 && parts.length === 2 && parts.every((p) => p.length > 0);
        return r.ok === wellFormed;
      }),
      { numRuns: 500 },
    );
  });
});

describe('open mode', () => {
  const accounts = openAccounts();
  const me = login(accounts, 'test-project-1', `${KEY1}#${SECRET1}`);

  it('is the default and creates any well-formed Logstore with 2 shards', () => {
    const fromEnv = loadAccounts({});
    expect(fromEnv.mode).toBe('open');
    expect(fromEnv.resolveTopic(me, 'anything-new', undefined)).toEqual({
      ok: true,
      project: 'test-project-1',
      logstore: 'anything-new',
      shards: DEFAULT_SHARDS,
      expandJson: false,
    });
    expect(DEFAULT_SHARDS).toBe(2);
    expect(fromEnv.knownLogstores('test-project-1')).toEqual([]);
  });

  it('takes the shard count from SANDBOX_SHARDS and refuses nonsense there', () => {
    const five = loadAccounts({ SANDBOX_SHARDS: '5' });
    expect(five.resolveTopic(me, 'logs', undefined)).toMatchObject({ ok: true, shards: 5 });
    expect(shardsFromEnv(' 64 ')).toBe(64);
    expect(shardsFromEnv('')).toBe(2);
    for (const bad of ['0', '65', '-1', '2.5', 'two', '1e1', '0x10']) {
      expect(() => loadAccounts({ SANDBOX_SHARDS: bad }), bad).toThrow(/SANDBOX_SHARDS: expected a whole number 1–64/);
    }
  });

  it('maps <logstore>.json to the same Logstore with JSON expansion', () => {
    expect(accounts.resolveTopic(me, 'app_logs.json', HZ)).toEqual({
      ok: true,
      project: 'test-project-1',
      logstore: 'app_logs',
      shards: 2,
      expandJson: true,
    });
  });

  it('answers 3 for a topic that cannot be a Logstore', () => {
    for (const topic of ['Logs', 'a', 'logs.json.json', 'logs.JSON', 'logs.0', '', '.json', 'my logs', '-logs', '日志']) {
      const r = accounts.resolveTopic(me, topic, undefined);
      expect(r, topic).toMatchObject({ ok: false, errorCode: 3, reason: expect.stringContaining('names no Logstore') });
    }
  });

  it('answers 29 for a malformed AccessKey, before any existence check', () => {
    const cases: Array<[string, RegExp]> = [
      [`STS.NTempKey12345678#${SECRET1}`, /temporary STS credentials/],
      [`short#${SECRET1}`, /AccessKey ID: it has 5 characters/],
      [`${KEY1}#short`, /AccessKey secret: it has 5 characters/],
      [`${KEY1}#${SECRET1}!!`, /“!” is not allowed/],
    ];
    for (const [password, reason] of cases) {
      const p = login(accounts, 'Bad_Project', password);
      expect(accounts.resolveTopic(p, 'Not A Topic', undefined), password).toEqual({ ok: false, errorCode: 29, reason: expect.stringMatching(reason) });
    }
  });

  it('answers 3 for a project name that cannot exist', () => {
    const p = login(accounts, 'Test_Project', `${KEY1}#${SECRET1}`);
    expect(accounts.resolveTopic(p, 'logs', undefined)).toMatchObject({ ok: false, errorCode: 3, reason: expect.stringContaining('“Test_Project” cannot exist') });
  });

  it('accepts any SLS region, no SNI, and non-SLS names', () => {
    for (const sni of [
      undefined,
      '',
      'localhost',
      '127.0.0.1',
      'sandbox.example.com',
      HZ,
      'test-project-1.ap-southeast-1.log.aliyuncs.com',
      'test-project-1.cn-shanghai-intranet.log.aliyuncs.com',
      'cn-beijing.log.aliyuncs.com',
      'TEST-PROJECT-1.CN-HANGZHOU.LOG.ALIYUNCS.COM.',
    ]) {
      expect(accounts.resolveTopic(me, 'logs', sni), String(sni)).toMatchObject({ ok: true });
    }
  });

  it('answers 3 when the SLS host names another project or an unknown region', () => {
    expect(accounts.resolveTopic(me, 'logs', 'other-project.cn-hangzhou.log.aliyuncs.com')).toMatchObject({
      ok: false,
      errorCode: 3,
      reason: expect.stringContaining('is for project “other-project” but the SASL username is “test-project-1”'),
    });
    expect(accounts.resolveTopic(me, 'logs', 'test-project-1.mars-north-1.log.aliyuncs.com')).toMatchObject({
      ok: false,
      errorCode: 3,
      reason: expect.stringContaining('“mars-north-1”, which is not an SLS region'),
    });
    expect(accounts.resolveTopic(me, 'logs', 'a.test-project-1.cn-hangzhou.log.aliyuncs.com')).toMatchObject({ ok: false, errorCode: 3 });
  });
});

describe('strict mode (SANDBOX_CONFIG)', () => {
  const accounts = loadAccounts({ SANDBOX_CONFIG: fixture('valid.yaml'), SANDBOX_SHARDS: '9' });
  const key1 = login(accounts, 'test-project-1', `${KEY1}#${SECRET1}`);

  it('loads the file and serves its Logstores with their shard counts', () => {
    expect(accounts.mode).toBe('strict');
    expect(accounts.resolveTopic(key1, 'test-logstore-1', HZ)).toEqual({
      ok: true,
      project: 'test-project-1',
      logstore: 'test-logstore-1',
      shards: 2,
      expandJson: false,
    });
    expect(accounts.resolveTopic(key1, 'app_logs.json', HZ)).toEqual({
      ok: true,
      project: 'test-project-1',
      logstore: 'app_logs',
      shards: 4,
      expandJson: true,
    });
    expect(accounts.knownLogstores('test-project-1')).toEqual([
      { name: 'test-logstore-1', shards: 2 },
      { name: 'app_logs', shards: 4 },
    ]);
    expect(accounts.knownLogstores('nope')).toEqual([]);
  });

  it('answers 29 for an unknown AccessKey ID', () => {
    const p = login(accounts, 'test-project-1', `LTAI5tUnknownKeyId00009#${SECRET1}`);
    expect(accounts.resolveTopic(p, 'test-logstore-1', HZ)).toEqual({
      ok: false,
      errorCode: 29,
      reason: 'AccessKey ID LTAI…0009 is not listed in the sandbox config',
    });
  });

  it('answers 29 for a wrong secret, even where the Logstore does not exist (authorization first)', () => {
    const p = login(accounts, 'test-project-1', `${KEY1}#${SECRET2}`);
    for (const topic of ['test-logstore-1', 'no-such-store', 'Bad Topic']) {
      expect(accounts.resolveTopic(p, topic, 'test-project-1.cn-beijing.log.aliyuncs.com'), topic).toEqual({
        ok: false,
        errorCode: 29,
        reason: 'the AccessKey secret does not belong to AccessKey ID LTAI…0001',
      });
    }
  });

  it('answers 29 where the key may not write', () => {
    const key2 = login(accounts, 'test-project-1', `${KEY2}#${SECRET2}`);
    expect(accounts.resolveTopic(key2, 'app_logs', HZ)).toMatchObject({ ok: true });
    expect(accounts.resolveTopic(key2, 'test-logstore-1', HZ)).toEqual({
      ok: false,
      errorCode: 29,
      reason: 'AccessKey ID LTAI…0002 may not write to test-project-1/test-logstore-1 (allowed: test-project-1/app_*, test-project-2/metrics)',
    });
    const key1OnProject2 = login(accounts, 'test-project-2', `${KEY1}#${SECRET1}`);
    expect(accounts.resolveTopic(key1OnProject2, 'metrics', undefined)).toMatchObject({ ok: false, errorCode: 29 });
    // Key 1 may write to any Logstore of project 1, so a missing one is 3, not 29.
    expect(accounts.resolveTopic(key1, 'no-such-store', HZ)).toMatchObject({ ok: false, errorCode: 3 });
  });

  it('answers 3 for an unknown project or Logstore', () => {
    const anywhere = login(accounts, 'no-such-project', `${KEY3}#${SECRET3}`);
    expect(accounts.resolveTopic(anywhere, 'logs', undefined)).toEqual({
      ok: false,
      errorCode: 3,
      reason: 'project “no-such-project” does not exist in the sandbox config',
    });
    expect(accounts.resolveTopic(key1, 'no-such-store', HZ)).toEqual({
      ok: false,
      errorCode: 3,
      reason: 'Logstore “no-such-store” does not exist in project “test-project-1”',
    });
    expect(accounts.resolveTopic(key1, 'Not_Valid', HZ)).toMatchObject({ ok: false, errorCode: 3, reason: expect.stringContaining('names no Logstore') });
  });

  it('answers 3 when the SLS host names another region than the project’s', () => {
    expect(accounts.resolveTopic(key1, 'test-logstore-1', 'test-project-1.cn-shanghai.log.aliyuncs.com')).toEqual({
      ok: false,
      errorCode: 3,
      reason: 'project “test-project-1” is in cn-hangzhou, but the endpoint host “test-project-1.cn-shanghai.log.aliyuncs.com” is for cn-shanghai',
    });
    expect(accounts.resolveTopic(key1, 'test-logstore-1', 'cn-beijing-intranet.log.aliyuncs.com')).toMatchObject({ ok: false, errorCode: 3 });
    expect(accounts.resolveTopic(key1, 'test-logstore-1', 'other-project.cn-hangzhou.log.aliyuncs.com')).toMatchObject({ ok: false, errorCode: 3 });
  });

  it('accepts the project’s region in every host form, and no SNI or non-SLS names', () => {
    for (const sni of [undefined, 'localhost', '::1', 'sandbox.example.com', HZ, 'test-project-1.cn-hangzhou-intranet.log.aliyuncs.com', 'cn-hangzhou.log.aliyuncs.com']) {
      expect(accounts.resolveTopic(key1, 'test-logstore-1', sni), String(sni)).toMatchObject({ ok: true });
    }
  });

  it('ignores SANDBOX_SHARDS (the file says how many shards each Logstore has)', () => {
    expect(accounts.resolveTopic(key1, 'test-logstore-1', undefined)).toMatchObject({ shards: 2 });
  });

  it('never throws and answers only 29 or 3 for arbitrary topics and SNI hosts (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.oneof(fc.string(), fc.domain(), fc.constant(HZ)), { nil: undefined }),
        fc.constantFrom(KEY1, KEY2, KEY3, 'LTAI5tUnknownKeyId00009'),
        (topic, sni, keyId) => {
          const p = login(accounts, 'test-project-1', `${keyId}#${SECRET1}`);
          const r = accounts.resolveTopic(p, topic, sni);
          return r.ok ? r.shards >= 1 : r.errorCode === 29 || r.errorCode === 3;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the strict-mode file', () => {
  it('names the line and the field (the agreed message shape)', () => {
    const file = fixture('bad-shards.yaml');
    const load = () => loadAccounts({ SANDBOX_CONFIG: file });
    expect(load).toThrow(SandboxConfigError);
    expect(load).toThrow(`sandbox config ${file} line 7: projects[0].logstores[0].shards: expected a whole number 1–64`);
  });

  it('reports every problem, in line order, with its line', () => {
    const err = configError(readFileSync(fixture('many-problems.yaml'), 'utf8'), 'many.yaml');
    expect(err.issues.map((i) => [i.line, i.path])).toEqual([
      [2, 'projects[0].name'],
      [4, 'projects[0].colour'],
      [7, 'projects[0].logstores[0].shards'],
      [8, 'projects[0].logstores[1].name'],
      [9, 'projects[0].logstores[1].shards'],
      [11, 'projects[1].region'],
      [12, 'projects[1].logstores'],
      [14, 'accessKeys[0].id'],
      [15, 'accessKeys[0].secret'],
      [16, 'accessKeys[0].allow'],
      [17, 'accessKeys[1].secret'],
      [18, 'accessKeys[1].allow[0]'],
      [19, 'extra'],
    ]);
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('sandbox config many.yaml line 2: projects[0].name: use lowercase letters only; try “test-project”.');
    expect(lines[1]).toBe('sandbox config many.yaml line 4: projects[0].colour: unknown field “colour”; expected name, region, logstores');
    expect(lines[5]).toBe(
      'sandbox config many.yaml line 11: projects[1].region: “mars-north-1” is not an SLS region id; use one such as cn-hangzhou or ap-southeast-1',
    );
    expect(lines[7]).toContain('temporary STS credentials');
    expect(lines[10]).toBe('sandbox config many.yaml line 17: accessKeys[1].secret: required field is missing');
    expect(lines[12]).toBe('sandbox config many.yaml line 19: extra: unknown field “extra”; expected projects, accessKeys');
  });

  it('finds duplicates and allow patterns that match no project', () => {
    const err = configError(readFileSync(fixture('duplicates.yaml'), 'utf8'), 'dup.yaml');
    expect(err.message.split('\n')).toEqual([
      'sandbox config dup.yaml line 7: projects[0].logstores[1].name: Logstore “logs” is already listed at projects[0].logstores[0]',
      'sandbox config dup.yaml line 9: projects[1].name: project “test-project-1” is already listed at projects[0]',
      'sandbox config dup.yaml line 18: accessKeys[1].id: this AccessKey ID is already listed at accessKeys[0]',
      'sandbox config dup.yaml line 20: accessKeys[1].allow[0]: “typo-project/*” matches no project in this file (projects: test-project-1)',
    ]);
  });

  it('gives the line of YAML syntax errors', () => {
    const err = configError(readFileSync(fixture('syntax-error.yaml'), 'utf8'), 'syntax.yaml');
    expect(err.message).toMatch(/^sandbox config syntax\.yaml line [45]: /);
  });

  it('finds lines in flow style too', () => {
    const err = configError(readFileSync(fixture('flow-style.yaml'), 'utf8'), 'flow.yaml');
    expect(err.message).toBe('sandbox config flow.yaml line 1: projects[0].logstores[0].shards: expected a whole number 1–64');
  });

  it('refuses files that are not a mapping, are empty, or use aliases', () => {
    expect(configError('- a\n- b\n').message).toBe('sandbox config /etc/sandbox/x.yaml line 1: expected a mapping with projects and accessKeys');
    expect(configError('').message).toMatch(/^sandbox config \/etc\/sandbox\/x\.yaml: .*empty/);
    expect(configError('projects: []\naccessKeys: []\n').message.split('\n')).toEqual([
      'sandbox config /etc/sandbox/x.yaml line 1: projects: list at least one project',
      'sandbox config /etc/sandbox/x.yaml line 2: accessKeys: list at least one AccessKey',
    ]);
    expect(configError('projects:\n  - &p {name: abc}\n  - *p\naccessKeys: []\n').message).toBe(
      'sandbox config /etc/sandbox/x.yaml line 3: aliases (*name) are not supported here; write the values out',
    );
    expect(configError('a: 1\n---\nb: 2\n').message).toMatch(/single document/);
    expect(configError('x: !!js/function "f"\n').message).toMatch(/line 1: unknown .*tag/);
  });

  it('says what to do when SANDBOX_CONFIG names no readable file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-accounts-'));
    try {
      expect(() => loadAccounts({ SANDBOX_CONFIG: path.join(dir, 'missing.yaml') })).toThrow(/the file does not exist; SANDBOX_CONFIG must name a readable YAML file/);
      expect(() => loadAccounts({ SANDBOX_CONFIG: dir })).toThrow(/it is a directory/);
      const big = path.join(dir, 'big.yaml');
      writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
      expect(() => loadAccounts({ SANDBOX_CONFIG: big })).toThrow(/at most 1 MiB/);
      expect(loadAccounts({ SANDBOX_CONFIG: '  ' }).mode).toBe('open');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws only SandboxConfigError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        try {
          parseSandboxConfig(source, 'fuzz.yaml');
          return true;
        } catch (err) {
          return err instanceof SandboxConfigError && /^sandbox config fuzz\.yaml/.test(err.message);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('throws only SandboxConfigError, with a line for every issue, on arbitrary YAML documents (property)', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const doc = fc.oneof(
      fc.dictionary(fc.constantFrom('projects', 'accessKeys', 'other'), fc.jsonValue({ maxDepth: 4 })),
      fc.record({
        projects: fc.array(
          fc.record({
            name: fc.oneof(leaf, fc.constant('test-project-1')),
            region: fc.oneof(leaf, fc.constant('cn-hangzhou')),
            logstores: fc.array(fc.record({ name: leaf, shards: leaf }), { maxLength: 3 }),
          }),
          { maxLength: 3 },
        ),
        accessKeys: fc.array(fc.record({ id: leaf, secret: leaf, allow: fc.array(leaf, { maxLength: 2 }) }), { maxLength: 2 }),
      }),
    );
    fc.assert(
      fc.property(doc, (value) => {
        const source = dump(value);
        try {
          parseSandboxConfig(source, 'gen.yaml');
          return true;
        } catch (err) {
          if (!(err instanceof SandboxConfigError)) return false;
          return err.issues.every((i) => typeof i.line === 'number' && i.line >= 1 && i.line <= source.split('\n').length);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('topicToLogstore', () => {
  it('splits the .json suffix and checks the Logstore name', () => {
    expect(topicToLogstore('abc')).toEqual({ logstore: 'abc', expandJson: false });
    expect(topicToLogstore('abc.json')).toEqual({ logstore: 'abc', expandJson: true });
    expect(topicToLogstore('ab.json')).toHaveProperty('problem');
    expect(topicToLogstore('json')).toEqual({ logstore: 'json', expandJson: false });
  });
});

describe('strictAccounts', () => {
  it('can be built from a parsed config directly', () => {
    const cfg = parseSandboxConfig(readFileSync(fixture('valid.yaml'), 'utf8'), 'valid.yaml');
    const accounts = strictAccounts(cfg);
    const p = login(accounts, 'test-project-2', `${KEY2}#${SECRET2}`);
    expect(accounts.resolveTopic(p, 'metrics', 'test-project-2.ap-southeast-1.log.aliyuncs.com')).toMatchObject({ ok: true, shards: 1 });
  });
});
