'use client';
import type { Settings } from '@/lib/settings/schema';

/** The Validate button and its report (filled in by the wizard work). */
export function ValidatePanel(_props: { settings: Settings | null }) {
  return null;
}
