/** The wizard's output helpers: placeholders, steps per platform and file, changed lines, the platform in share links. */
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { readShareExtras, readShareHash, shareHash } from '@/lib/share/url-state';
import { PLACEHOLDERS, resultWithPlaceholders, withSentinels } from '@/components/output/placeholders';
import { effectivePlatform, platformsOf, stepPlatforms, visibleSteps } from '@/components/output/step-filter';
import { changedLines } from '@/components/output/code-marks';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';

const valid = (field: string, value: unknown) => settingsSchema.shape[field as 'project'].safeParse(value).success;

describe('placeholders', () => {
  it('renders an empty form with marked placeholders and no sentinel left', () => {
    const { input, missing } = withSentinels(FORM_DEFAULTS, valid);
    expect(missing).toEqual(['project', 'logstore', 'accessKeyId', 'accessKeySecret']);
    const result = resultWithPlaceholders(renderSettings(settingsSchema.parse(input)), missing);
    const text = JSON.stringify(result);
    expect(text).toContain('<your-project>');
    expect(text).toContain('<AccessKeyId>#<AccessKeySecret>');
    for (const p of Object.values(PLACEHOLDERS)) expect(text).not.toContain(p.sentinel);
  });
  it('keeps what is valid', () => {
    const { missing } = withSentinels({ ...FORM_DEFAULTS, project: 'my-project' }, valid);
    expect(missing).not.toContain('project');
  });
});

describe('steps per platform and file', () => {
  const settings = settingsSchema.parse({
    project: 'my-project', logstore: 'my-store', accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr', accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
    agents: { beats: { beats: ['filebeat', 'metricbeat'] }, collectd: {} },
  });
  const result = renderSettings(settings);
  const beats = result.steps.filter((s) => s.agent === 'beats');
  const files = result.files.filter((f) => f.agent === 'beats');
  it('reads the platform from a tag, else from the title', () => {
    expect(stepPlatforms({ agent: 'beats', title: 'x', platforms: ['kubernetes'] })).toEqual(['kubernetes']);
    expect(stepPlatforms({ agent: 'beats', title: 'Filebeat in Docker' })).toEqual(['docker']);
    expect(stepPlatforms({ agent: 'beats', title: 'Restart' })).toBe('all');
    expect(platformsOf(beats)).toEqual(['linux', 'windows', 'docker']);
    // collectd's steps name no platform: no choice offered.
    expect(effectivePlatform(result.steps.filter((s) => s.agent === 'collectd'), 'windows')).toBeUndefined();
  });
  it('shows only the chosen platform and the open file', () => {
    const shown = visibleSteps(beats, { platform: 'windows', files, selectedFile: 'metricbeat.yml' }).map((s) => s.title);
    expect(shown.some((t) => /Metricbeat on Windows/.test(t))).toBe(true);
    expect(shown.some((t) => /Linux|Docker|Filebeat/.test(t))).toBe(false);
    expect(visibleSteps(beats, { files })).toHaveLength(beats.length);
  });
});

describe('changed lines', () => {
  it('finds the lines that are new', () => {
    expect(changedLines('a\nb\nc', 'a\nB\nc')).toEqual([1]);
    expect(changedLines('a\na', 'a\na\na')).toEqual([2]);
  });
});

describe('the platform in share links', () => {
  const values = { ...FORM_DEFAULTS, project: 'my-project' } as SettingsInput;
  it('round-trips a non-default platform, and leaves Linux out', () => {
    expect(readShareExtras(shareHash(values, { platform: 'windows' }))).toEqual({ platform: 'windows' });
    expect(shareHash(values, { platform: 'linux' })).toBe(shareHash(values));
    expect(readShareHash(shareHash(values, { platform: 'docker' }))?.project).toBe('my-project');
  });
  it('ignores an unknown platform', () => {
    const hash = `#s=${Buffer.from(JSON.stringify({ v: 1, platform: 'amiga' })).toString('base64url')}`;
    expect(readShareExtras(hash)).toEqual({});
  });
});

describe('the "Deploy on" choice in share links', () => {
  const values = { ...FORM_DEFAULTS, project: 'my-project' } as SettingsInput;
  it('round-trips kubernetes and docker next to the platform, and leaves host out', () => {
    expect(readShareExtras(shareHash(values, { deploy: 'kubernetes' }))).toEqual({ deploy: 'kubernetes' });
    expect(readShareExtras(shareHash(values, { platform: 'windows', deploy: 'docker' }))).toEqual({ platform: 'windows', deploy: 'docker' });
    expect(shareHash(values, { deploy: 'host' })).toBe(shareHash(values));
    expect(readShareHash(shareHash(values, { deploy: 'kubernetes' }))?.project).toBe('my-project');
  });
  it('ignores an unknown choice and keeps a valid platform', () => {
    const hash = `#s=${Buffer.from(JSON.stringify({ v: 1, platform: 'windows', deploy: 'swarm' })).toString('base64url')}`;
    expect(readShareExtras(hash)).toEqual({ platform: 'windows' });
  });
});
