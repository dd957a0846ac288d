/**
 * fast-check arbitraries derived from zod 4 schemas (enums, literals, unions,
 * booleans, bounded numbers, strings, arrays, objects), so property tests
 * follow the option schemas as they change instead of repeating them.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { AGENT_IDS, agentsSchema } from '@/lib/settings/agents';
import { selectableRegions } from '@/lib/sls/regions';

type Def = { type: string; [key: string]: unknown };
export const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** `strings` decides what a free-text field gets (hostile text, plausible values, …). */
export function arbitraryFor(schema: z.ZodType, strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
      return arbitraryFor(def.innerType as z.ZodType, strings);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryFor(o, strings)));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const n = schema as unknown as { minValue: number | null; maxValue: number | null };
      return fc.integer({ min: Math.max(n.minValue ?? 0, -1e6), max: Math.min(n.maxValue ?? 1e6, 1e6) });
    }
    case 'string':
      return strings;
    case 'array': {
      const element = def.element as z.ZodType;
      const elementDef = defOf(element);
      if (elementDef.type === 'enum') {
        return fc.subarray(Object.values(elementDef.entries as Record<string, string>), { minLength: 1 });
      }
      return fc.array(arbitraryFor(element, strings), { minLength: 1, maxLength: 3 });
    }
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v, strings)])), { requiredKeys: [] });
    }
    default:
      throw new Error(`no arbitrary for zod type ${def.type}`);
  }
}

/** Valid names and keys, and arbitrary agent options (free text from `strings`), as settings input. */
export function settingsInputArbitrary(opts: { strings: fc.Arbitrary<string>; minAgents: number; maxAgents: number }) {
  const agentShapes = defOf(agentsSchema).shape as Record<string, z.ZodType>;
  const agents = fc
    .subarray([...AGENT_IDS], { minLength: opts.minAgents, maxLength: opts.maxAgents })
    .chain((ids) => fc.record(Object.fromEntries(ids.map((id) => [id, arbitraryFor(agentShapes[id]!, opts.strings)]))));
  const name = (extra: string) => fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9${extra}]{1,20}[a-z0-9]$`));
  const alnum = (n: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${n}}$`));
  return fc.record({
    region: fc.constantFrom(...selectableRegions().map((r) => r.id)),
    network: fc.constantFrom('internet', 'intranet'),
    hostForm: fc.constantFrom('project', 'region'),
    project: name('-'),
    logstore: name('_-'),
    accessKeyId: alnum(20).map((s) => `LTAI${s}`),
    accessKeySecret: alnum(30),
    secretMode: fc.constantFrom('inline', 'env'),
    target: fc.constantFrom('sls', 'sandbox'),
    expandJson: fc.boolean(),
    agents,
  });
}
