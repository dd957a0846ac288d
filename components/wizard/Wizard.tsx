'use client';
/**
 * The wizard: one react-hook-form over the ONE settings schema. The numbered
 * form (left/top) and, beside it on wide screens, the rendered configs with
 * their steps and the connection check under them (sticky, own scroll); the
 * share link reads the same values. Nothing here talks to the server except
 * Validate (and the sandbox CA download).
 *
 * Validation runs on blur or paste (mode `onTouched`), then on change for a
 * field already touched, so nobody gets an error on their first keystroke.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import type { StepPlatform } from '@/lib/agents/types';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';
import { LanguageSwitch } from '@/lib/i18n/react';
import { lazySettingsResolver, loadSettingsRuntime, useSettingsRuntime } from './use-settings-runtime';
import { SettingsForm } from '@/components/form/SettingsForm';
import { OutputPanel } from '@/components/output/OutputPanel';
import { ValidatePanel } from '@/components/validate/ValidatePanel';
import type { SandboxTarget } from '@/lib/agents/context';

/** Any valid-shaped secret: in env mode an empty secret is not an error (the configs never hold it). */
const ENV_MODE_SECRET_STAND_IN = 'EnvModeSecretNotNeeded0';

const resolver: Resolver<SettingsInput, unknown, Settings> = (values, context, options) =>
  lazySettingsResolver(
    values.secretMode === 'env' && !values.accessKeySecret ? { ...values, accessKeySecret: ENV_MODE_SECRET_STAND_IN } : values,
    context,
    options,
  );

/** `outputPreview`: the server-rendered output of the empty form, shown until the live output panel loads. */
export function Wizard({ sandbox, outputPreview }: { sandbox: SandboxTarget; outputPreview?: ReactNode }) {
  const form = useForm<SettingsInput, unknown, Settings>({
    // zod and the schemas load right after the page (they are most of the form's code).
    resolver,
    defaultValues: FORM_DEFAULTS,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const [platform, setPlatform] = useState<StepPlatform>('linux');
  // Set once the form holds what the page was opened with (a share link is read asynchronously);
  // exposed as data-restored so scripts and tests wait for a condition instead of guessing.
  const [restored, setRestored] = useState(false);
  // A shared link (#s=…) restores everything but the credentials.
  useEffect(() => {
    if (!window.location.hash) {
      setRestored(true);
      return;
    }
    void loadSettingsRuntime().then(({ readShareHash, readShareExtras }) => {
      const shared = readShareHash(window.location.hash);
      if (shared) form.reset({ ...FORM_DEFAULTS, ...shared, accessKeyId: '', accessKeySecret: '' });
      const extras = readShareExtras(window.location.hash);
      if (extras.platform) setPlatform(extras.platform);
      setRestored(true);
    });
  }, [form]);
  const runtime = useSettingsRuntime();
  const values = useWatch({ control: form.control }) as SettingsInput;
  const parsed = useMemo(() => runtime?.settingsSchema.safeParse(values), [runtime, values]);
  const settings = parsed?.success ? parsed.data : null;
  const onPlatform = useCallback((p: StepPlatform) => setPlatform(p), []);

  return (
    <div className="wizard-layout" data-testid="wizard" data-restored={restored ? 'true' : 'false'}>
      <LanguageSwitch />
      <SettingsForm form={form} />
      <div className="wizard-aside" data-testid="wizard-aside">
        <OutputPanel values={values} settings={settings} sandbox={sandbox} platform={platform} onPlatform={onPlatform} preview={outputPreview} />
        <div className="wizard-check" data-testid="check-step">
          <ValidatePanel settings={settings} />
        </div>
      </div>
    </div>
  );
}
