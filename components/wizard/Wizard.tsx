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
 *
 * Hydration comes in passes (./hydrate-later): this shell first, then the
 * form's steps one level at a time, the output preview and the check, so no
 * single start-up task blocks a phone for long (issue 13, point 11).
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import type { StepPlatform } from '@/lib/agents/types';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';
import { LanguageSwitch } from '@/lib/i18n/react';
import { HydrateLater, hydratedLater, whenFormHydrated } from './hydrate-later';
import { lazySettingsResolver, loadSettingsRuntime, useSettingsRuntime } from './use-settings-runtime';
import { SettingsForm } from '@/components/form/SettingsForm';
import { OutputPanel } from '@/components/output/OutputPanel';
import { ValidatePanel } from '@/components/validate/ValidatePanel';
import type { SandboxTarget } from '@/lib/agents/context';

// The form's host (this component) re-renders whenever react-hook-form's state does: right after
// hydration (useForm's layout effect sets `isReady`, a synchronous re-render in the same task as the
// hydration commit) and on every keystroke (useWatch below). The sections subscribe to what they show
// themselves (useWatch/useFormState), so they skip those re-renders when their props are unchanged;
// that also keeps each section's HydrateLater boundary deferred (see ./hydrate-later).
const Form = hydratedLater(SettingsForm);
const Output = hydratedLater(OutputPanel);
const Check = hydratedLater(ValidatePanel);
const Languages = memo(LanguageSwitch);

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
  // react-hook-form keeps what was typed into the server's inputs before hydration only for fields
  // it registers while the form is not yet "ready", and useForm's own layout effect (above, in the
  // same commit) marks it ready; the sections register in later passes (HydrateLater), so the form
  // stays "not ready" until they all have. `_formState` is react-hook-form's control state (typed in
  // its Control); nothing here reads isReady, only registration does.
  useLayoutEffect(() => {
    let live = true;
    form.control._formState.isReady = false;
    void whenFormHydrated().then(() => {
      if (live) form.control._formState.isReady = true;
    });
    return () => {
      live = false;
      form.control._formState.isReady = true;
    };
  }, [form]);
  const [platform, setPlatform] = useState<StepPlatform>('linux');
  // Set once the form holds what the page was opened with (a share link is read asynchronously)
  // and every section has hydrated; exposed as data-restored so scripts and tests wait for a
  // condition instead of guessing.
  const [restored, setRestored] = useState(false);
  // A shared link (#s=…) restores everything but the credentials, into a fully hydrated form
  // (a section hydrating after the reset would read values its server HTML does not show).
  useEffect(() => {
    let live = true;
    const hash = window.location.hash;
    void whenFormHydrated()
      .then(() => (hash ? loadSettingsRuntime() : undefined))
      .then((runtime) => {
        if (!live) return;
        if (runtime) {
          const shared = runtime.readShareHash(hash);
          if (shared) form.reset({ ...FORM_DEFAULTS, ...shared, accessKeyId: '', accessKeySecret: '' });
          const extras = runtime.readShareExtras(hash);
          if (extras.platform) setPlatform(extras.platform);
        }
        setRestored(true);
      });
    return () => {
      live = false;
    };
  }, [form]);
  const runtime = useSettingsRuntime();
  const values = useWatch({ control: form.control }) as SettingsInput;
  const parsed = useMemo(() => runtime?.settingsSchema.safeParse(values), [runtime, values]);
  const settings = parsed?.success ? parsed.data : null;
  const onPlatform = useCallback((p: StepPlatform) => setPlatform(p), []);
  // The server-rendered preview hydrates one pass after the panel around it; kept the same
  // element across renders so the boundary is not forced to hydrate early.
  const preview = useMemo(() => (outputPreview ? <HydrateLater>{outputPreview}</HydrateLater> : undefined), [outputPreview]);

  return (
    <div className="wizard-layout" data-testid="wizard" data-restored={restored ? 'true' : 'false'}>
      <Languages />
      <Form form={form} />
      <div className="wizard-aside" data-testid="wizard-aside">
        <Output values={values} settings={settings} sandbox={sandbox} platform={platform} onPlatform={onPlatform} preview={preview} />
        <div className="wizard-check" data-testid="check-step">
          <Check settings={settings} />
        </div>
      </div>
    </div>
  );
}
