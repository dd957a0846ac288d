'use client';
/**
 * Which agents get configs (checked = present in `agents` with its options,
 * unchecked = absent), listed in groups by what they collect (each agent's
 * `group` in the registry), and, for each chosen one, its options section.
 */
import { Suspense, lazy, useEffect } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { AGENT_IDS, AGENT_METAS, type AgentId } from '@/lib/agents/meta';
import type { AgentGroup } from '@/lib/agents/types';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { loadSettingsRuntime, type SettingsRuntime } from '@/components/wizard/use-settings-runtime';
import { whenInteractive } from '@/components/wizard/first-interaction';
import { useFormText } from './use-form-text';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;
type Agents = NonNullable<SettingsInput['agents']>;

// The option sections (controls, help texts, choice labels, and zod with the
// agents' option schemas under them) are rendered by the server, and their code
// is fetched on the first interaction (or idle), not with the page: until then
// the server's HTML stays as it is, and React hydrates it when the code arrives.
const AgentOptionsSection = lazy(() =>
  (typeof window === 'undefined' ? Promise.resolve() : whenInteractive())
    .then(() => import('./AgentOptionsSection'))
    .then((m) => ({ default: m.AgentOptionsSection })),
);

/** Group headings in display order; a group with no agent is not shown. */
const GROUPS: readonly AgentGroup[] = ['logs', 'metrics', 'code'];
const GROUPED = GROUPS.map((group) => ({ group, ids: AGENT_METAS.filter((meta) => meta.group === group).map((meta) => meta.id) })).filter(
  (g) => g.ids.length > 0,
);

function presentAgents(agents: Agents | undefined): AgentId[] {
  return AGENT_IDS.filter((id) => agents?.[id] !== undefined);
}

/** `agents` with `id` added (its defaults) or removed, keeping the other agents' options. */
function toggledAgents(runtime: SettingsRuntime, agents: Agents | undefined, id: AgentId, on: boolean): Agents {
  const { withAgentDefaults } = runtime;
  const next: Record<string, unknown> = {};
  for (const agent of AGENT_IDS) {
    const options = agents?.[agent];
    if (agent === id) {
      if (on) next[agent] = options ?? withAgentDefaults(agent, undefined);
    } else if (options !== undefined) {
      next[agent] = options;
    }
  }
  return next as Agents;
}

/** Step 3: which agents get configs. Also fills in the defaults of agents given without all their options. */
export function AgentChoices({ form }: { form: Form }) {
  const { t } = useFormText();
  const agents = useWatch({ control: form.control, name: 'agents' });
  const present = presentAgents(agents);

  // An agent given as `{}` or with some options (the initial Beats, a shared
  // link) gets the schema's defaults for the rest, so every control has a value.
  useEffect(() => {
    if (!agents) return;
    let live = true;
    // Not before the first interaction: the schemas are not part of the first load.
    void whenInteractive()
      .then(loadSettingsRuntime)
      .then(({ hasAllAgentOptions, withAgentDefaults }) => {
        if (!live) return;
        const current = form.getValues('agents');
        if (!current) return;
        const incomplete = presentAgents(current).filter((id) => !hasAllAgentOptions(id, current[id]));
        if (incomplete.length === 0) return;
        const next: Record<string, unknown> = { ...current };
        for (const id of incomplete) next[id] = withAgentDefaults(id, current[id]);
        form.setValue('agents', next as Agents, { shouldDirty: false });
      });
    return () => {
      live = false;
    };
  }, [agents, form]);

  const toggle = (id: AgentId, on: boolean) => {
    // The defaults come from the schemas, which the page has usually loaded long before a click.
    void loadSettingsRuntime().then((runtime) => {
      form.setValue('agents', toggledAgents(runtime, form.getValues('agents'), id, on), { shouldDirty: true });
      if (!on) form.clearErrors(`agents.${id}`);
    });
  };

  return (
    <>
      <fieldset className="form-section" aria-describedby="agents-help">
        <legend>{t('agents.legend')}</legend>
        <p id="agents-help" className="help">
          {t('agents.help')}
        </p>
        {GROUPED.map(({ group, ids }) => (
          <fieldset key={group} className="agent-group" data-group={group}>
            <legend>{t(`agents.group.${group}`)}</legend>
            <div className="agent-choices">
              {ids.map((id) => (
                <label key={id} className="agent-choice">
                  <input
                    type="checkbox"
                    id={`agent-${id}`}
                    checked={present.includes(id)}
                    onChange={(e) => toggle(id, e.target.checked)}
                  />{' '}
                  {t(`agent.${id}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <p role="status" className={present.length === 0 ? 'warning' : 'visually-hidden'}>
          {present.length === 0 ? t('agents.none') : ''}
        </p>
      </fieldset>
    </>
  );
}

/** Step 4's agent part: each chosen agent's options section. */
export function AgentOptions({ form }: { form: Form }) {
  const agents = useWatch({ control: form.control, name: 'agents' });
  return (
    <Suspense fallback={null}>
      {presentAgents(agents).map((id) => (
        <AgentOptionsSection key={id} form={form} agent={id} />
      ))}
    </Suspense>
  );
}
