/**
 * Free-text options that end up in a file share one check (lib/agents/common/
 * options-schema.ts `textValueProblem`): a length cap, no lone UTF-16
 * surrogate (no file or name can hold one), no control character.
 */
import { describe, expect, it } from 'vitest';
import { collectdOptionsSchema } from '@/lib/agents/collectd/schema';
import { MAX_TEXT_VALUE_LENGTH, textValueProblem } from '@/lib/agents/common/options-schema';
import { logstashOptionsSchema } from '@/lib/agents/logstash/schema';
import { telegrafOptionsSchema } from '@/lib/agents/telegraf/schema';

const LONE_SURROGATE = '\uD800';
const HUGE = 'a'.repeat(60_000);

function firstMessage(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, field: string): string {
  const parsed = schema.safeParse(value);
  expect(parsed.success, JSON.stringify(value).slice(0, 80)).toBe(false);
  const issue = parsed.error!.issues.find((i) => i.path[0] === field);
  expect(issue, `an issue on ${field}`).toBeDefined();
  return issue!.message;
}

describe('textValueProblem', () => {
  it('accepts an ordinary value and names the field in each problem', () => {
    expect(textValueProblem('CA path', '/etc/ssl/certs/ca-certificates.crt')).toBeUndefined();
    expect(textValueProblem('CA path', 'é'.repeat(MAX_TEXT_VALUE_LENGTH))).toBeUndefined();
    expect(textValueProblem('CA path', 'a'.repeat(MAX_TEXT_VALUE_LENGTH + 1))).toMatch(/^CA path: shorten the path to at most 4096/);
    expect(textValueProblem('CA path', `/etc/${LONE_SURROGATE}`)).toMatch(/^CA path: the path contains a broken character/);
    expect(textValueProblem('Client ID', `a\u0007b`, 'value')).toMatch(/^Client ID: remove the line break, tab or other control character from the value/);
    // A pair of surrogates is one ordinary character.
    expect(textValueProblem('CA path', '/etc/\uD83D\uDE00.pem')).toBeUndefined();
  });
});

describe('collectd caPath', () => {
  it.each([
    ['a lone surrogate', `/etc/ssl/${LONE_SURROGATE}.pem`, /^CA path: the path contains a broken character/],
    ['60,000 characters', `/${HUGE}`, /^CA path: shorten the path to at most 4096 characters/],
  ])('refuses %s', (_, caPath, message) => {
    expect(firstMessage(collectdOptionsSchema, { osFamily: 'custom', caPath }, 'caPath')).toMatch(message);
    // Also when the OS family has its own bundle: a non-empty path is always checked.
    expect(firstMessage(collectdOptionsSchema, { osFamily: 'debian', caPath }, 'caPath')).toMatch(message);
  });
});

describe('Logstash text options', () => {
  it.each([
    ['filePath', 'Log file path', `/var/log/${LONE_SURROGATE}.log`, `/${HUGE}`],
    ['clientId', 'Client ID', `sls-${LONE_SURROGATE}`, HUGE],
    ['jksPassword', 'JKS password', `secret${LONE_SURROGATE}`, HUGE],
  ])('%s refuses a lone surrogate and 60,000 characters', (field, label, broken, long) => {
    expect(firstMessage(logstashOptionsSchema, { [field]: broken }, field)).toBe(`${label}: the value contains a broken character; type it again.`);
    expect(firstMessage(logstashOptionsSchema, { [field]: long }, field)).toBe(
      `${label}: shorten the value to at most ${MAX_TEXT_VALUE_LENGTH} characters.`,
    );
  });

  it('still accepts the defaults and ordinary values', () => {
    expect(logstashOptionsSchema.safeParse({ filePath: '/var/log/app/*.log', clientId: 'logstash-sls', jksPassword: 'changeit' }).success).toBe(true);
  });
});

describe('Telegraf caPath (the same helper)', () => {
  it('refuses a lone surrogate and 60,000 characters', () => {
    expect(firstMessage(telegrafOptionsSchema, { osFamily: 'custom', caPath: `/etc/${LONE_SURROGATE}` }, 'caPath')).toMatch(/broken character/);
    expect(firstMessage(telegrafOptionsSchema, { osFamily: 'custom', caPath: `/${HUGE}` }, 'caPath')).toMatch(/at most 4096/);
  });
});
