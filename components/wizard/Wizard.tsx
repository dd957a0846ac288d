'use client';
/**
 * The wizard: one react-hook-form over the ONE settings schema. The form
 * (left/top), the rendered configs with their steps, the validation report and
 * the share link all read the same values; nothing here talks to the server
 * except Validate (and the sandbox CA download).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { settingsSchema, type Settings, type SettingsInput } from '@/lib/settings/schema';
import { LanguageSwitch } from '@/lib/i18n/react';
import { readShareHash } from '@/lib/share/url-state';
import { SettingsForm } from '@/components/form/SettingsForm';
import { OutputPanel } from '@/components/output/OutputPanel';
import { ValidatePanel } from '@/components/validate/ValidatePanel';
import type { SandboxTarget } from '@/lib/render/context';

export const FORM_DEFAULTS: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: '',
  logstore: '',
  accessKeyId: '',
  accessKeySecret: '',
  secretMode: 'inline',
  target: 'sls',
  expandJson: false,
  agents: { beats: {} },
};

export function Wizard({ sandbox }: { sandbox: SandboxTarget }) {
  const form = useForm<SettingsInput, unknown, Settings>({
    resolver: zodResolver(settingsSchema),
    defaultValues: FORM_DEFAULTS,
    mode: 'onChange',
  });
  // A shared link (#s=…) restores everything but the credentials.
  useEffect(() => {
    const shared = readShareHash(window.location.hash);
    if (shared) form.reset({ ...FORM_DEFAULTS, ...shared, accessKeyId: '', accessKeySecret: '' });
  }, [form]);
  const values = useWatch({ control: form.control }) as SettingsInput;
  const parsed = useMemo(() => settingsSchema.safeParse(values), [values]);
  const settings = parsed.success ? parsed.data : null;

  return (
    <div className="wizard-layout">
      <LanguageSwitch />
      <SettingsForm form={form} />
      <OutputPanel values={values} settings={settings} sandbox={sandbox} />
      <ValidatePanel settings={settings} />
    </div>
  );
}
