import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { renderSettings } from '@/lib/agents';
import { AGENT_IDS, type AgentId } from '@/lib/agents/meta';
import { agentSchemaEntry, agentDefaults } from '@/lib/agents/schemas';
import { agentOptionFields } from '@/components/form/agent-forms';
import { bundleEntries } from '@/lib/bundle';
import { exampleSettings } from '../../support/settings';

function optionVariants(id: AgentId): Record<string, unknown>[] {
  const { schema } = agentSchemaEntry(id);
  const defaults = agentDefaults(id);
  const variants: Record<string, unknown>[] = [{}];
  for (const field of agentOptionFields(id)) {
    const values: unknown[] = field.kind === 'choice' ? [...field.options] : field.kind === 'multi' ? [[...field.options], ...field.options.map((v) => [v])] : field.kind === 'boolean' ? [!field.defaultValue] : [];
    for (const value of values) if (schema.safeParse({ ...defaults, [field.name]: value }).success) variants.push({ [field.name]: value });
  }
  return variants;
}
const V = [{ target: 'sls', secretMode: 'inline' }, { target: 'sls', secretMode: 'env', expandJson: true }, { target: 'sandbox', secretMode: 'inline' }, { target: 'sandbox', secretMode: 'env', hostForm: 'region' }, { target: 'sls', secretMode: 'inline', hostForm: 'region' }];
it('dump', () => {
  const out: unknown[] = [];
  for (const id of AGENT_IDS) for (const o of optionVariants(id)) for (const v of V) {
    let s; try { s = exampleSettings({ ...v, agents: { [id]: o } } as never); } catch { continue; }
    const r = renderSettings(s);
    out.push(r);
    out.push(bundleEntries({ result: r, settings: s, shareUrl: 'http://x/#a' }).find((e) => e.path === 'README.md'));
  }
  writeFileSync(process.env.DUMP_OUT!, JSON.stringify(out, null, 1));
});
