'use client';
/** Loads the settings runtime (zod and the schemas) once, after the page, and shares it. */
import { useEffect, useState } from 'react';
import type { Resolver } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';

export type SettingsRuntime = typeof import('./settings-runtime');

let loading: Promise<SettingsRuntime> | undefined;
let loaded: SettingsRuntime | undefined;

export function loadSettingsRuntime(): Promise<SettingsRuntime> {
  loading ??= import('./settings-runtime').then((m) => (loaded = m));
  return loading;
}

/** The runtime, or null until it has loaded (the first render). */
export function useSettingsRuntime(): SettingsRuntime | null {
  const [runtime, setRuntime] = useState<SettingsRuntime | null>(loaded ?? null);
  useEffect(() => {
    if (runtime) return;
    let live = true;
    void loadSettingsRuntime().then((m) => live && setRuntime(m));
    return () => {
      live = false;
    };
  }, [runtime]);
  return runtime;
}

/** react-hook-form's resolver over the one settings schema, awaiting the runtime on first use. */
export const lazySettingsResolver: Resolver<SettingsInput, unknown, Settings> = async (values, context, options) =>
  (await loadSettingsRuntime()).settingsResolver(values, context, options);
