/**
 * The agent registry: every agent is one folder (lib/agents/<id>/) listed once
 * in each of meta.ts (first load), schemas.ts (form, settings, share links)
 * and index.ts (renderers). This walks the registry and checks that each
 * agent's parts exist and agree: schema and defaults, option labels and help
 * in both languages, the renderer's files read back to the settings, and a
 * share link with non-default options round-trips.
 */
import { describe, expect, it } from 'vitest';
import { AGENTS, agentDefinition, createRenderContext, renderAgent, renderSettings } from '@/lib/agents';
import { CODECS } from '@/lib/agents/common/codecs';
import { AGENT_IDS, AGENT_LABEL_MESSAGES, AGENT_METAS, DEFAULT_AGENT_CHOICE, agentMeta } from '@/lib/agents/meta';
import { checkProducerSettings } from '@/lib/agents/producer-check';
import { AGENT_SCHEMA_ENTRIES, agentDefaults, agentSchemaEntry, withAgentDefaults } from '@/lib/agents/schemas';
import { agentOptionFields } from '@/components/form/agent-forms';
import { formAgentMessages } from '@/lib/i18n/messages/form-agents';
import { formMessages } from '@/lib/i18n/messages/form';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';
import { settingsSchema } from '@/lib/settings/schema';
import { readShareHash, shareHash } from '@/lib/share/url-state';
import { EXAMPLE_INPUT, exampleSettings } from '../../support/settings';
import documentedDefaults from './documented-defaults.json';

const messages: Readonly<Record<string, { en: string; zh: string }>> = { ...formMessages, ...formAgentMessages };

/** What `{}` means for each agent, as its docs and texts say: one reviewed table, so a changed default is a visible diff. */
const DOCUMENTED_DEFAULTS: Readonly<Record<string, unknown>> = documentedDefaults;

/**
 * Options that differ from the defaults in as many fields as the schema
 * allows together: each choice field takes another of its values, each
 * boolean flips, each number moves by one; a change the schema refuses in
 * combination with the others is left out.
 */
function nonDefaultOptions(id: (typeof AGENT_IDS)[number]): Record<string, unknown> {
  const { schema } = agentSchemaEntry(id);
  const defaults = agentDefaults(id);
  const changed: Record<string, unknown> = {};
  for (const field of agentOptionFields(id)) {
    const candidates: unknown[] =
      field.kind === 'choice'
        ? field.options.filter((v) => v !== field.defaultValue)
        : field.kind === 'multi'
          ? field.options.filter((v) => !(field.defaultValue as string[]).includes(v)).map((v) => [v])
          : field.kind === 'boolean'
            ? [!field.defaultValue]
            : field.kind === 'number'
              ? [(field.defaultValue as number) + 1, (field.defaultValue as number) - 1]
              : [];
    for (const value of candidates) {
      if (schema.safeParse({ ...defaults, ...changed, [field.name]: value }).success) {
        changed[field.name] = value;
        break;
      }
    }
  }
  return changed;
}

describe('agent registry', () => {
  it('lists the same agents in the same order in meta.ts, schemas.ts and index.ts, each once', () => {
    expect(AGENT_SCHEMA_ENTRIES.map((e) => e.id)).toEqual([...AGENT_IDS]);
    expect(AGENTS.map((a) => a.id)).toEqual([...AGENT_IDS]);
    expect(AGENT_METAS.map((m) => m.id)).toEqual([...AGENT_IDS]);
    expect(new Set(AGENT_IDS).size).toBe(AGENT_IDS.length);
    expect(Object.keys(DOCUMENTED_DEFAULTS)).toEqual([...AGENT_IDS]);
    for (const id of AGENT_IDS) {
      expect(agentDefinition(id).id).toBe(id);
      expect(agentDefinition(id).schema).toBe(agentSchemaEntry(id).schema);
      expect(['logs', 'metrics', 'code']).toContain(agentMeta(id).group);
    }
  });

  it('chooses the agents flagged defaultSelected when nothing is said, in the schema, the form and share links', () => {
    const flagged = AGENT_METAS.filter((m) => m.defaultSelected).map((m) => m.id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(Object.keys(DEFAULT_AGENT_CHOICE)).toEqual(flagged);
    expect(Object.keys(settingsSchema.parse(EXAMPLE_INPUT).agents)).toEqual(flagged);
    expect(Object.keys(FORM_DEFAULTS.agents ?? {})).toEqual(flagged);
  });

  describe.each(AGENT_IDS.map((id) => [id] as const))('%s', (id) => {
    const entry = agentSchemaEntry(id);
    const fields = agentOptionFields(id);

    it('has defaults its own schema accepts, filled in one way everywhere', () => {
      const defaults = agentDefaults(id);
      expect(defaults).toEqual(DOCUMENTED_DEFAULTS[id]);
      expect(entry.schema.parse({})).toEqual(defaults);
      expect(withAgentDefaults(id, undefined)).toEqual(defaults);
      expect(settingsSchema.parse({ ...EXAMPLE_INPUT, agents: { [id]: {} } }).agents[id]).toEqual(defaults);
      // Every option has a default, so `{}` is a complete config.
      expect(Object.keys(defaults).sort()).toEqual(Object.keys(entry.schema.shape).sort());
    });

    it('names itself and every option in English and Chinese, with help for each option', () => {
      const meta = agentMeta(id);
      expect(meta.title.trim()).not.toBe('');
      expect(meta.label.en.trim()).not.toBe('');
      expect(meta.label.zh.trim()).not.toBe('');
      expect(AGENT_LABEL_MESSAGES[`agent.${id}`]).toBe(meta.label);
      expect(entry.texts.intro.en.trim()).not.toBe('');
      expect(entry.texts.intro.zh.trim()).not.toBe('');
      expect(Object.keys(entry.texts.labels).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const field of fields) {
        for (const key of [`field.${id}.${field.name}`, `help.${id}.${field.name}`]) {
          expect(messages[key]?.en.trim(), key).toBeTruthy();
          expect(messages[key]?.zh.trim(), key).toBeTruthy();
        }
      }
      // Relevance rules and choice orders name real options.
      for (const option of [...Object.keys(entry.form.relevant), ...Object.keys(entry.form.order)]) {
        expect(fields.map((f) => f.name)).toContain(option);
      }
    });

    it.each([
      ['defaults', false],
      ['non-default options', true],
    ] as const)('renders files that read back to the settings (%s)', (_, changed) => {
      for (const secretMode of ['inline', 'env'] as const) {
        const options = changed ? nonDefaultOptions(id) : {};
        const settings = exampleSettings({ secretMode, agents: { [id]: options } });
        const ctx = createRenderContext(settings);
        const rendered = renderAgent(id, ctx, settings.agents[id]);
        expect(rendered.files.length).toBeGreaterThan(0);
        expect(rendered.steps.length).toBeGreaterThan(0);
        for (const item of [...rendered.files, ...rendered.steps]) expect(item.agent).toBe(id);
        expect(renderSettings(settings)).toEqual(rendered);

        const check = checkProducerSettings(ctx, rendered.files);
        expect(check.problems).toEqual([]);
        expect(check.settings.length).toBeGreaterThan(0);
        const parsed = settings.agents[id] as Record<string, unknown>;
        for (const read of check.settings) {
          expect(read.agent).toBe(id);
          expect(read.bootstrap).toBe(ctx.endpoint.bootstrap);
          expect(read.topic).toBe(ctx.topic);
          expect(read.username).toBe(ctx.username);
          expect(read.mechanism).toBe('PLAIN');
          expect(read.tls).toBe(true);
          expect(read.constantKey).toBeUndefined();
          // Every agent offers the codecs by name; the file says the chosen one.
          expect(CODECS).toContain(parsed.compression);
          expect(read.codec).toBe(parsed.compression);
        }
      }
    });

    it('round-trips non-default options through a share link', () => {
      const options = nonDefaultOptions(id);
      // Enough to prove something: at least two options differ from the defaults.
      expect(Object.keys(options).length).toBeGreaterThanOrEqual(2);
      const values = { ...FORM_DEFAULTS, ...EXAMPLE_INPUT, agents: { [id]: withAgentDefaults(id, options) } };
      const restored = readShareHash(shareHash(values));
      expect(restored?.agents).toEqual({ [id]: entry.schema.parse(options) });
    });
  });
});
