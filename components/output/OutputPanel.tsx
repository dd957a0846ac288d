'use client';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import type { SandboxTarget } from '@/lib/render/context';

/** Rendered configs, steps, copy, download and share (filled in by the wizard work). */
export function OutputPanel(_props: { values: SettingsInput; settings: Settings | null; sandbox: SandboxTarget }) {
  return null;
}
