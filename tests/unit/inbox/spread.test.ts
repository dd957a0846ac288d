import { describe, expect, it } from 'vitest';
import { analyseSpread, type SpreadRecord } from '@/components/inbox/spread';
import { localizedNameProblem } from '@/components/inbox/name-problems';

function recs(logstore: string, shards: number[], key: string | null | ((i: number) => string | null)): SpreadRecord[] {
  return shards.map((shard, i) => ({ logstore, shard, key: typeof key === 'function' ? key(i) : key }));
}

describe('analyseSpread', () => {
  it('warns when a constant key pins every recent record to one shard of several', () => {
    const records = recs('app', Array(20).fill(1), 'host-1');
    const findings = analyseSpread(records, [{ logstore: 'app', shard: 1 }], { shardsPerLogstore: 2 });
    expect(findings).toEqual([{ logstore: 'app', kind: 'constant-key', count: 20, shard: 1, shardCount: 2, key: 'host-1' }]);
  });

  it('reports the shards reached when records are spread', () => {
    const records = recs('app', [0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0], null);
    expect(analyseSpread(records, [], { shardsPerLogstore: 2 })).toEqual([{ logstore: 'app', kind: 'spread', count: 12, shards: [0, 1] }]);
  });

  it('calls keyless records on one shard a note (sticky partitioner), and different keys "other"', () => {
    const keyless = recs('a', Array(12).fill(0), null);
    const varied = recs('b', Array(12).fill(0), (i) => `k${i}`);
    const findings = analyseSpread([...keyless, ...varied], [], { shardsPerLogstore: 4 });
    expect(findings.map((f) => [f.logstore, f.kind])).toEqual([
      ['a', 'no-key'],
      ['b', 'other'],
    ]);
  });

  it('says nothing with too few records or a single-shard Logstore', () => {
    expect(analyseSpread(recs('app', Array(9).fill(0), 'k'), [], { shardsPerLogstore: 2 })).toEqual([]);
    expect(analyseSpread(recs('app', Array(20).fill(0), 'k'), [], { shardsPerLogstore: 1 })).toEqual([]);
    // Unknown shard count: only the shards the store has seen count.
    expect(analyseSpread(recs('app', Array(20).fill(0), 'k'), [{ logstore: 'app', shard: 0 }])).toEqual([]);
  });

  it('learns the shard count from the store when the server does not say it', () => {
    const shards = [0, 1, 2].map((shard) => ({ logstore: 'app', shard }));
    const [finding] = analyseSpread(recs('app', Array(20).fill(2), 'k'), shards);
    expect(finding).toMatchObject({ kind: 'constant-key', shard: 2, shardCount: 3 });
  });

  it('looks only at the newest window of each Logstore', () => {
    // Newest first: 20 recent records on shard 0, older ones spread.
    const records = [...recs('app', Array(20).fill(0), 'k'), ...recs('app', [1, 0, 1, 0], null)];
    expect(analyseSpread(records, [], { shardsPerLogstore: 2 })[0]).toMatchObject({ kind: 'constant-key', count: 20 });
  });
});

describe('localizedNameProblem', () => {
  it('keeps names.ts English messages and says them in Chinese', () => {
    expect(localizedNameProblem('project', 'test-project-1', 'zh-CN')).toBeUndefined();
    expect(localizedNameProblem('project', 'My_Project', 'en')).toBe('Project: use lowercase letters only; try “my-project”.');
    expect(localizedNameProblem('project', 'My_Project', 'zh-CN')).toBe('项目：只能使用小写字母，可以改为“my-project”。');
    expect(localizedNameProblem('logstore', 'a.b.c', 'zh-CN')).toMatch(/^日志库：不允许使用 “\.”。/);
    expect(localizedNameProblem('logstore', 'ab', 'zh-CN')).toBe('日志库：“ab”只有 2 个字符，名称须为 3–63 个字符。');
    expect(localizedNameProblem('project', '', 'zh-CN')).toMatch(/^项目：请输入名称。/);
    expect(localizedNameProblem('project', '-abc', 'zh-CN')).toBe('项目：名称须以小写字母或数字开头和结尾（例如“my-project-1”）。');
    expect(localizedNameProblem('project', 'a b', 'zh-CN')).toMatch(/^项目：请删除空格/);
    expect(localizedNameProblem('project', 'a'.repeat(64), 'zh-CN')).toBe('项目：名称有 64 个字符，请缩短到 63 个字符以内。');
  });
});
