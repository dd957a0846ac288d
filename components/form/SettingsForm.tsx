'use client';
/**
 * The whole settings form over the wizard's one react-hook-form instance:
 * endpoint, credentials, Logstore options, target, and the agents with their
 * options. Every control is native HTML, labelled, and shows the schema's
 * error for it beside it, in the chosen language.
 */
import type { UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { EndpointFields } from '@/components/endpoint/EndpointForm';
import { AgentsFields } from './AgentsFields';
import { CredentialsFields } from './CredentialsFields';
import { FormStatus } from './FormStatus';
import { LogstoreOptionsFields, TargetFields } from './LogstoreAndTargetFields';
import { useFormText } from './use-form-text';
import '@/app/form.css';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;

export function SettingsForm({ form }: { form: Form }) {
  const { t } = useFormText();

  return (
    <form className="settings-form" aria-label={t('form.label')} noValidate onSubmit={(e) => e.preventDefault()}>
      <EndpointFields form={form} />
      <CredentialsFields form={form} />
      <LogstoreOptionsFields form={form} />
      <TargetFields form={form} />
      <AgentsFields form={form} />
      <FormStatus form={form} />
    </form>
  );
}
