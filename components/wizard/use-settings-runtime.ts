'use client';
/**
 * Loads the settings runtime (zod and the schemas) once and shares it: on the
 * first interaction (./first-interaction), not with the page, or at once when
 * some code needs it (validation, a share link).
 */
import { useEffect, useState } from 'react';
import type { Resolver } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { whenInteractive } from './first-interaction';

export type SettingsRuntime = typeof import('./settings-runtime');

let loading: Promise<SettingsRuntime> | undefined;
let loaded: SettingsRuntime | undefined;

export function loadSettingsRuntime(): Promise<SettingsRuntime> {
  loading ??= import('./settings-runtime').then((m) => (loaded = m));
  return loading;
}

/** The runtime, or null until the user has interacted and it has loaded. */
export function useSettingsRuntime(): SettingsRuntime | null {
  const [runtime, setRuntime] = useState<SettingsRuntime | null>(loaded ?? null);
  useEffect(() => {
    if (runtime) return;
    let live = true;
    void whenInteractive()
      .then(loadSettingsRuntime)
      .then((m) => live && setRuntime(m));
    return () => {
      live = false;
    };
  }, [runtime]);
  return runtime;
}

/** react-hook-form's resolver over the one settings schema, awaiting the runtime on first use. */
export const lazySettingsResolver: Resolver<SettingsInput, unknown, Settings> = async (values, context, options) =>
  (await loadSettingsRuntime()).settingsResolver(values, context, options);
