'use client';
/**
 * The whole settings form over the wizard's one react-hook-form instance, as
 * numbered steps: 1 Endpoint (region, network, project, Logstore), 2
 * Credentials, 3 Agents (which ones), 4 Configure (Logstore and target, then
 * each agent's options with the advanced ones folded). Step 5, the connection
 * check, sits under the output (components/wizard/Wizard.tsx). Every control
 * is native HTML or an ARIA pattern, labelled, and shows the schema's error
 * for it beside it, in the chosen language.
 */
import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { EndpointFields } from '@/components/endpoint/EndpointForm';
import { FormHydrated, HydrateInTurn } from '@/components/wizard/hydrate-later';
import { AgentChoices, AgentOptions } from './AgentsFields';
import { CredentialsFields } from './CredentialsFields';
import { FormStatus } from './FormStatus';
import { LogstoreOptionsFields, TargetFields } from './LogstoreAndTargetFields';
import { useFormText } from './use-form-text';
import '@/app/form.css';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;

function FormStep({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section className="wizard-step" aria-labelledby={`step-${n}-title`} data-testid={`step-${n}`}>
      <h2 id={`step-${n}-title`} className="wizard-step-title">
        <span className="step-number" aria-hidden="true">
          {n}
        </span>
        <span className="visually-hidden">{`${n}. `}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SettingsForm({ form }: { form: Form }) {
  const { t } = useFormText();

  return (
    <form className="settings-form" aria-label={t('form.label')} noValidate onSubmit={(e) => e.preventDefault()}>
      {/* Each step hydrates in a pass of its own after the one above it (see HydrateInTurn). */}
      <HydrateInTurn>
        <FormStep n={1} title={t('step.endpoint')}>
          <EndpointFields form={form} />
        </FormStep>
        <FormStep n={2} title={t('step.credentials')}>
          <CredentialsFields form={form} />
        </FormStep>
        <FormStep n={3} title={t('step.agents')}>
          <AgentChoices form={form} />
        </FormStep>
        <FormStep n={4} title={t('step.configure')}>
          <TargetFields form={form} />
          <LogstoreOptionsFields form={form} />
          <AgentOptions form={form} />
        </FormStep>
        <>
          <FormStatus form={form} />
          <FormHydrated />
        </>
      </HydrateInTurn>
    </form>
  );
}
