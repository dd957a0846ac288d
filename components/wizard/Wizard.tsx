'use client';
/**
 * The wizard: one react-hook-form over the ONE settings schema. The form
 * (left/top), the rendered configs with their steps, the validation report and
 * the share link all read the same values; nothing here talks to the server
 * except Validate (and the sandbox CA download).
 */
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';
import { LanguageSwitch } from '@/lib/i18n/react';
import { lazySettingsResolver, loadSettingsRuntime, useSettingsRuntime } from './use-settings-runtime';
import { SettingsForm } from '@/components/form/SettingsForm';
import { OutputPanel } from '@/components/output/OutputPanel';
import { ValidatePanel } from '@/components/validate/ValidatePanel';
import type { SandboxTarget } from '@/lib/agents/context';


export function Wizard({ sandbox }: { sandbox: SandboxTarget }) {
  const form = useForm<SettingsInput, unknown, Settings>({
    // zod and the schemas load right after the page (they are most of the form's code).
    resolver: lazySettingsResolver,
    defaultValues: FORM_DEFAULTS,
    mode: 'onChange',
  });
  // A shared link (#s=…) restores everything but the credentials.
  useEffect(() => {
    if (!window.location.hash) return;
    void loadSettingsRuntime().then(({ readShareHash }) => {
      const shared = readShareHash(window.location.hash);
      if (shared) form.reset({ ...FORM_DEFAULTS, ...shared, accessKeyId: '', accessKeySecret: '' });
    });
  }, [form]);
  const runtime = useSettingsRuntime();
  const values = useWatch({ control: form.control }) as SettingsInput;
  const parsed = useMemo(() => runtime?.settingsSchema.safeParse(values), [runtime, values]);
  const settings = parsed?.success ? parsed.data : null;

  return (
    <div className="wizard-layout">
      <LanguageSwitch />
      <SettingsForm form={form} />
      <OutputPanel values={values} settings={settings} sandbox={sandbox} />
      <ValidatePanel settings={settings} />
    </div>
  );
}
