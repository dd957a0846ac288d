'use client';
/**
 * One chosen agent's options, as controls generated from its options schema.
 * Any change re-validates the whole agent, so cross-field errors (Beats zstd
 * needs version 9, a CA path required by another choice) appear and clear at
 * once. Errors not tied to a shown control are listed at the end.
 *
 * The first options (in the agent's display order, which puts the ones most
 * people change first) are shown; the rest fold under "Advanced options",
 * which opens by itself when one of them has an error. A heuristic of the
 * form layer: the agent entries carry no "advanced" flag.
 */
import { useState } from 'react';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import type { AgentId } from '@/lib/agents/meta';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { agentTitle } from '@/lib/agents/meta';
import { hasAllAgentOptions, withAgentDefaults } from '@/lib/agents/schemas';
import { agentOptionFields, isOptionRelevant } from './agent-forms';
import { OptionControl } from './OptionControl';
import { errorEntries, errorNodeAt } from './option-fields';
import { formAgentMessages } from '@/lib/i18n/messages/form-agents';
import { useErrorText } from './use-error-text';
import { useFormText } from './use-form-text';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;

/** How many options show before the "Advanced options" fold. */
export const BASIC_OPTION_COUNT = 4;

export function AgentOptionsSection({ form, agent }: { form: Form; agent: AgentId }) {
  const text = useFormText(formAgentMessages);
  const { t, maybe } = text;
  const errorText = useErrorText();
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const agentPath = `agents.${agent}` as const;
  const options = useWatch({ control: form.control, name: agentPath }) as Readonly<Record<string, unknown>> | undefined;
  const { errors } = useFormState({ control: form.control, name: agentPath });
  const fields = agentOptionFields(agent);
  // The defaults are filled in by AgentsFields right after the agent is added.
  if (!hasAllAgentOptions(agent, options)) return null;

  const filled = withAgentDefaults(agent, options);
  const agentErrors = errorNodeAt(errors, agentPath);
  const shown = fields.filter(
    (f) => isOptionRelevant(agent, f.name, filled) || errorEntries(errorNodeAt(agentErrors, f.name)).length > 0,
  );
  const others = errorEntries(agentErrors, new Set(shown.map((f) => f.name)));
  const title = agentTitle(agent);
  const revalidate = () => {
    void form.trigger(agentPath);
  };
  const basic = shown.slice(0, BASIC_OPTION_COUNT);
  const advanced = shown.slice(BASIC_OPTION_COUNT);
  const advancedHasError = advanced.some((f) => errorEntries(errorNodeAt(agentErrors, f.name)).length > 0);
  const control = (field: (typeof shown)[number]) => (
    <OptionControl
      key={field.name}
      form={form}
      agent={agent}
      field={field}
      errors={errorNodeAt(agentErrors, field.name)}
      text={text}
      errorText={errorText}
      revalidate={revalidate}
    />
  );

  return (
    <fieldset className="form-section agent-options" id={`agent-options-${agent}`} data-testid={`agent-options-${agent}`}>
      <legend>{t('agents.options', { agent: title })}</legend>
      <p className="help">{maybe(`intro.${agent}`)}</p>
      <div className="option-grid">{basic.map(control)}</div>
      {advanced.length > 0 ? (
        <details
          className="advanced-options"
          open={advancedOpen || advancedHasError}
          onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
          data-testid={`advanced-${agent}`}
        >
          <summary>{text.t('agents.advanced', { count: advanced.length })}</summary>
          <div className="option-grid">{advanced.map(control)}</div>
        </details>
      ) : null}
      {others.length > 0 ? (
        <div className="error">
          <p>{maybe('error.other')}</p>
          <ul>
            {others.map((e) => (
              <li key={`${e.path.join('.')}:${e.message}`}>{errorText(agentPath, e.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
