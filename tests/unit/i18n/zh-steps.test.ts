/**
 * zh-CN all the way: every agent's steps, for every platform and the option
 * variants that change them, and the zip README, have no text left in English
 * (tests/support/zh-text.ts says what counts as English), and English output is
 * what it was (the goldens check that byte for byte).
 */
import { describe, expect, it } from 'vitest';
import { renderSettings, type RenderResult } from '@/lib/agents';
import { AGENT_IDS, type AgentId } from '@/lib/agents/meta';
import { agentSchemaEntry, agentDefaults } from '@/lib/agents/schemas';
import { agentOptionFields } from '@/components/form/agent-forms';
import { README_PATH } from '@/lib/bundle';
import { fullBundleEntries } from '@/lib/bundle/kubernetes';
import { DEPLOY_TARGETS, deployPlan } from '@/lib/deploy/choice';
import type { SettingsInput } from '@/lib/settings/schema';
import { stepPlatforms, visibleSteps } from '@/components/output/step-filter';
import { commandComments, untranslated } from '../../support/zh-text';
import { exampleSettings } from '../../support/settings';

/** The agent's defaults, then each choice value, each multi value and each flipped boolean, one at a time. */
function optionVariants(id: AgentId): Record<string, unknown>[] {
  const { schema } = agentSchemaEntry(id);
  const defaults = agentDefaults(id);
  const variants: Record<string, unknown>[] = [{}];
  for (const field of agentOptionFields(id)) {
    const values: unknown[] =
      field.kind === 'choice'
        ? [...field.options]
        : field.kind === 'multi'
          ? [[...field.options], ...field.options.map((v) => [v])]
          : field.kind === 'boolean'
            ? [!field.defaultValue]
            : [];
    for (const value of values) {
      if (schema.safeParse({ ...defaults, [field.name]: value }).success) variants.push({ [field.name]: value });
    }
  }
  return variants;
}

const SETTINGS_VARIANTS: Partial<SettingsInput>[] = [
  { target: 'sls', secretMode: 'inline' },
  { target: 'sls', secretMode: 'env', expandJson: true },
  { target: 'sandbox', secretMode: 'inline' },
  { target: 'sandbox', secretMode: 'env', hostForm: 'region' },
  { target: 'sls', secretMode: 'inline', hostForm: 'region' },
];

function renderZh(id: AgentId, options: Record<string, unknown>, overrides: Partial<SettingsInput>): RenderResult | undefined {
  let settings;
  try {
    settings = exampleSettings({ ...overrides, agents: { [id]: options } } as Partial<SettingsInput>);
  } catch {
    return undefined; // an option the settings refuse in this combination (e.g. custom OS family without a CA path)
  }
  return renderSettings(settings, { lang: 'zh-CN' });
}

/** Every English text of a result: step titles, details and command comments. */
function englishInSteps(result: RenderResult): string[] {
  const found: string[] = [];
  for (const step of result.steps) {
    for (const text of [step.title, step.detail ?? '', ...(step.commands ?? []).flatMap(commandComments)]) {
      const english = untranslated(text);
      if (english) found.push(`${step.agent}: ${english}`);
    }
  }
  return found;
}

describe('zh-CN steps', () => {
  for (const id of AGENT_IDS) {
    it(`${id}: every step title, detail and command comment is in Chinese`, () => {
      const english = new Set<string>();
      let rendered = 0;
      for (const options of optionVariants(id)) {
        for (const overrides of SETTINGS_VARIANTS) {
          const result = renderZh(id, options, overrides);
          if (!result) continue;
          rendered += 1;
          for (const text of englishInSteps(result)) english.add(text);
        }
      }
      expect(rendered).toBeGreaterThan(5);
      expect([...english]).toEqual([]);
    });
  }

  it('filters steps by platform and file the same way in both languages (the titles keep the platform and file names)', () => {
    let compared = 0;
    for (const id of AGENT_IDS) {
      for (const options of optionVariants(id)) {
        const settings = exampleSettings({ secretMode: 'env', agents: { [id]: options } } as Partial<SettingsInput>);
        const en = renderSettings(settings);
        const zh = renderSettings(settings, { lang: 'zh-CN' });
        expect(zh.steps.map(stepPlatforms)).toEqual(en.steps.map(stepPlatforms));
        for (const file of en.files) {
          const shown = (r: RenderResult) => visibleSteps(r.steps, { files: r.files, selectedFile: file.path }).length;
          expect(shown(zh)).toBe(shown(en));
        }
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(AGENT_IDS.length);
  });

  it('renders English unless asked: the same steps without lang and with lang en', () => {
    const settings = exampleSettings({ agents: Object.fromEntries(AGENT_IDS.map((id) => [id, {}])) } as Partial<SettingsInput>);
    expect(renderSettings(settings, { lang: 'en' })).toEqual(renderSettings(settings));
    expect(englishInSteps(renderSettings(settings)).length).toBeGreaterThan(50);
  });
});

describe('zh-CN deploy choices', () => {
  it.each(DEPLOY_TARGETS)('%s: the deploy steps and notes are in Chinese too', (target) => {
    for (const mode of ['complete', 'output'] as const) {
      const settings = exampleSettings({
        target: 'sandbox',
        secretMode: 'env',
        agents: Object.fromEntries(AGENT_IDS.map((id) => [id, agentSchemaEntry(id).schema.safeParse({ ...agentDefaults(id), mode }).success ? { mode } : {}])),
      } as Partial<SettingsInput>);
      const result = renderSettings(settings, { lang: 'zh-CN' });
      const plan = deployPlan(target, settings, result, { lang: 'zh-CN' });
      expect(plan.steps.length).toBeGreaterThan(result.steps.length / 3);
      expect(englishInSteps({ ...result, steps: plan.steps })).toEqual([]);
    }
  });
});

describe('zh-CN zip README', () => {
  it.each(DEPLOY_TARGETS)('has no English prose outside code blocks and inline code (deploy on %s)', async (deploy) => {
    const settings = exampleSettings({
      target: 'sandbox',
      agents: Object.fromEntries(AGENT_IDS.map((id) => [id, {}])),
    } as Partial<SettingsInput>);
    const result = renderSettings(settings, { lang: 'zh-CN' });
    const entries = await fullBundleEntries({ result, settings, sandboxCaPem: 'PEM', shareUrl: 'http://localhost:3000/#s=x', renderOptions: { lang: 'zh-CN' }, deploy });
    // The README, and on Kubernetes the kubernetes/ folder's README too.
    const readmes = entries.filter((e) => e.path === README_PATH || e.path.endsWith('/README.md'));
    expect(readmes.map((e) => e.path)).toEqual(deploy === 'kubernetes' ? [README_PATH, 'kubernetes/README.md'] : [README_PATH]);
    for (const readme of readmes) {
      const prose = readme.content.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '').replace(/`[^`]*`/g, ' ');
      const english = prose
        .split('\n')
        .map((line) => line.replace(/^[#>\-\s\d.]+/, ''))
        .filter((line) => untranslated(line));
      expect(english, readme.path).toEqual([]);
    }
  });
});
