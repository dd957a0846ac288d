/**
 * The region-only host form (`hostForm: region`) is said wherever it is
 * chosen: a comment in every rendered producer config and a warning step for
 * every chosen agent, citing SLS's current page; nothing for the documented
 * project-prefixed form.
 */
import { describe, expect, it } from 'vitest';
import { AGENT_IDS, createRenderContext, renderSettings } from '@/lib/agents';
import { HASH_COMMENT_LANGUAGES, HOST_FORM_MARKER, HOST_FORM_SOURCE_URL } from '@/lib/agents/host-form';
import { settingsWarnings } from '@/lib/validation/validate-settings';
import { exampleSettings } from '@/tests/support/settings';

const everyAgent = Object.fromEntries(AGENT_IDS.map((id) => [id, {}]));

describe('host form "region"', () => {
  const settings = exampleSettings({ hostForm: 'region', agents: everyAgent });
  const result = renderSettings(settings);

  it.each(AGENT_IDS)('%s: every #-commented config file carries the note, and the agent has a warning step', (id) => {
    const files = result.files.filter((f) => f.agent === id && HASH_COMMENT_LANGUAGES.has(f.language));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.content, `${id}/${file.path}`).toContain(HOST_FORM_MARKER);
      expect(file.content, `${id}/${file.path}`).toContain(HOST_FORM_SOURCE_URL);
      expect(file.content).toContain('test-project-1.cn-hangzhou.log.aliyuncs.com:10012');
    }
    const warnings = result.steps.filter((s) => s.agent === id && s.kind === 'warning' && s.detail?.includes(HOST_FORM_MARKER));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.detail).toContain(HOST_FORM_SOURCE_URL);
    // First among the agent's steps: read before anything is installed.
    expect(result.steps.find((s) => s.agent === id)).toBe(warnings[0]);
  });

  it('the note sits next to the bootstrap line in the four agents that place it themselves', () => {
    for (const [agent, bootstrap] of [
      ['beats', 'hosts:'],
      ['telegraf', 'brokers = '],
      ['collectd', 'metadata.broker.list'],
      ['fluentd', 'brokers '],
    ] as const) {
      const file = result.files.find((f) => f.agent === agent)!;
      const lines = file.content.split('\n');
      const at = lines.findIndex((l) => l.includes(bootstrap));
      expect(lines.slice(Math.max(0, at - 6), at).join('\n'), agent).toContain(HOST_FORM_MARKER);
      expect(file.content.split(HOST_FORM_MARKER).length - 1, `${agent}: once`).toBe(1);
    }
  });

  it('the doctor names it as a warning on the hostForm field', () => {
    const ctx = createRenderContext(settings);
    expect(settingsWarnings(ctx)).toEqual([{ code: 'host-form-region', field: 'hostForm', message: expect.stringContaining(HOST_FORM_MARKER) }]);
  });
});

describe('host form "project" (documented)', () => {
  it('adds no note anywhere and no doctor warning', () => {
    const settings = exampleSettings({ agents: everyAgent });
    const result = renderSettings(settings);
    for (const file of result.files) expect(file.content).not.toContain(HOST_FORM_MARKER);
    for (const step of result.steps) expect(step.detail ?? '').not.toContain(HOST_FORM_MARKER);
    expect(settingsWarnings(createRenderContext(settings))).toEqual([]);
  });
});
