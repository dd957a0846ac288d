'use client';
import type { UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { EndpointFields } from '@/components/endpoint/EndpointForm';

/** The whole settings form (filled in by the wizard work). */
export function SettingsForm({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  return <EndpointFields form={form} />;
}
