/** Share links (filled in by the wizard work). */
import type { SettingsInput } from '../settings/schema';

export function readShareHash(_hash: string): Partial<SettingsInput> | null {
  return null;
}
