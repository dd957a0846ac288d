/**
 * Output first: the configs render before anything is typed, with clearly
 * marked placeholders (`<your-project>`, `<AccessKeyId>#<AccessKeySecret>`)
 * for the project, the Logstore and the AccessKey while they are empty or not
 * yet valid. The renderers need valid settings, so each missing field gets a
 * sentinel that passes its schema check, and the sentinel is swapped for the
 * placeholder in everything rendered.
 */
import type { RenderResult, RenderStep } from '@/lib/agents/types';
import type { SettingsInput } from '@/lib/settings/schema';

export const PLACEHOLDER_FIELDS = ['project', 'logstore', 'accessKeyId', 'accessKeySecret'] as const;
export type PlaceholderField = (typeof PLACEHOLDER_FIELDS)[number];

/** The sentinel each field is rendered with (valid for its schema) and the placeholder shown for it. */
export const PLACEHOLDERS: Readonly<Record<PlaceholderField, { sentinel: string; shown: string }>> = {
  // Names: lower-case letters, digits and hyphens, 3–63 characters.
  project: { sentinel: 'zzqx-your-project-zzqx', shown: '<your-project>' },
  logstore: { sentinel: 'zzqx-your-logstore-zzqx', shown: '<your-logstore>' },
  // Keys: letters and digits, 16–30 (ID) and 16–64 (secret) characters.
  accessKeyId: { sentinel: 'ZZQXAccessKeyIdZZQX', shown: '<AccessKeyId>' },
  accessKeySecret: { sentinel: 'ZZQXAccessKeySecretZZQX', shown: '<AccessKeySecret>' },
};

/** Every placeholder as it appears in rendered text (for marking them on screen). */
export const PLACEHOLDER_TEXTS: readonly string[] = PLACEHOLDER_FIELDS.map((f) => PLACEHOLDERS[f].shown);

/**
 * The form values with a sentinel in each placeholder field that is not valid
 * on its own (`isValid` checks one field with the settings schema), and which fields those are.
 */
export function withSentinels(
  values: SettingsInput,
  isValid: (field: PlaceholderField, value: unknown) => boolean,
): { input: SettingsInput; missing: PlaceholderField[] } {
  const input: SettingsInput = { ...values };
  const missing: PlaceholderField[] = [];
  for (const field of PLACEHOLDER_FIELDS) {
    if (isValid(field, values[field])) continue;
    input[field] = PLACEHOLDERS[field].sentinel;
    missing.push(field);
  }
  return { input, missing };
}

/** `text` with every sentinel of `missing` replaced by its placeholder. */
export function fillPlaceholders(text: string, missing: readonly PlaceholderField[]): string {
  let out = text;
  for (const field of missing) out = out.split(PLACEHOLDERS[field].sentinel).join(PLACEHOLDERS[field].shown);
  return out;
}

/** The render result with placeholders in place of the sentinels. */
export function resultWithPlaceholders(result: RenderResult, missing: readonly PlaceholderField[]): RenderResult {
  if (missing.length === 0) return result;
  const fill = (text: string) => fillPlaceholders(text, missing);
  const step = (s: RenderStep): RenderStep => ({
    ...s,
    title: fill(s.title),
    ...(s.detail !== undefined ? { detail: fill(s.detail) } : {}),
    ...(s.commands ? { commands: s.commands.map(fill) } : {}),
  });
  return { files: result.files.map((f) => ({ ...f, content: fill(f.content) })), steps: result.steps.map(step) };
}

/** The placeholders that appear in a text. */
export function placeholdersIn(text: string): string[] {
  return PLACEHOLDER_TEXTS.filter((p) => text.includes(p));
}
