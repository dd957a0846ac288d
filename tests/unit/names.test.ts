import { describe, expect, it } from 'vitest';
import { settingsSchema } from '@/lib/settings/schema';

const base = {
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
};

function errorFor(field: string, value: unknown): string | undefined {
  const res = settingsSchema.safeParse({ ...base, [field]: value });
  if (res.success) return undefined;
  return res.error.issues.find((i) => i.path[0] === field)?.message;
}

const x = (n: number) => 'a'.repeat(n);

// [value, valid for project, valid for logstore, words the message must contain when invalid]
const NAMES: Array<[string, boolean, boolean, RegExp?]> = [
  ['abc', true, true],
  ['a1b', true, true],
  ['123', true, true],
  ['test-project-1', true, true],
  ['my-app-logs', true, true],
  ['a-b', true, true],
  ['0-9', true, true],
  [x(63), true, true],
  [`a${'-'.repeat(61)}b`, true, true],
  ['app_logs', false, true, /“_” is not allowed/],
  ['a_b', false, true, /hyphens/],
  ['nginx_access-2', false, true, /“_”/],
  ['ab', false, false, /2 characters; use 3–63/],
  ['a', false, false, /1 characters|use 3–63/],
  [x(64), false, false, /64 characters; shorten it to at most 63/],
  [x(200), false, false, /at most 63/],
  ['', false, false, /enter a name/],
  ['Abc', false, false, /lowercase letters only; try “abc”/],
  ['MYPROJECT', false, false, /try “myproject”/],
  ['Bad.Name', false, false, /use lowercase letters only; try “bad-name”\./],
  ['AB', false, false, /^(Project|Logstore): use lowercase letters only\.$/],
  ['-abc', false, false, /start and end with a lowercase letter or digit/],
  ['abc-', false, false, /start and end/],
  ['_abc', false, false, /start and end|“_”/],
  ['abc_', false, false, /start and end|“_”/],
  ['my.project', false, false, /“\.” is not allowed/],
  ['logs.json', false, false, /“\.”/],
  ['my project', false, false, /remove the whitespace/],
  [' abc', false, false, /whitespace/],
  ['abc\n', false, false, /whitespace/],
  ['abc\t1', false, false, /whitespace/],
  ['日志项目', false, false, /U\+65E5/],
  ['café', false, false, /“é” \(U\+00E9\)/],
  ['abc😀', false, false, /U\+1F600/],
  ['a/b/c', false, false, /“\/” is not allowed/],
  ['a#bc', false, false, /“#”/],
  ['a$bc', false, false, /“\$”/],
  ['a"bc', false, false, /“"”/],
];

describe('project and Logstore names', () => {
  it.each(NAMES)('%j (project valid: %s, logstore valid: %s)', (value, projectOk, logstoreOk, words) => {
    const projectError = errorFor('project', value);
    const logstoreError = errorFor('logstore', value);
    expect(projectError === undefined).toBe(projectOk);
    expect(logstoreError === undefined).toBe(logstoreOk);
    if (!projectOk) {
      expect(projectError).toMatch(/^Project: /);
      if (words && !logstoreOk) expect(projectError).toMatch(words);
    }
    if (!logstoreOk) {
      expect(logstoreError).toMatch(/^Logstore: /);
      if (words) expect(logstoreError).toMatch(words);
    }
  });

  it('counts at least 30 cases', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(30);
  });

  it('accepts exactly 3 and 63 characters and rejects 2 and 64', () => {
    for (const field of ['project', 'logstore']) {
      expect(errorFor(field, x(3))).toBeUndefined();
      expect(errorFor(field, x(63))).toBeUndefined();
      expect(errorFor(field, x(2))).toBeDefined();
      expect(errorFor(field, x(64))).toBeDefined();
    }
  });

  it('rejects non-strings with a message naming the field', () => {
    expect(errorFor('project', 42)).toBe('Project: expected text.');
    expect(errorFor('logstore', null)).toBe('Logstore: expected text.');
  });
});
