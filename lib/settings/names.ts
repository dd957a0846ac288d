/**
 * SLS naming rules and AccessKey shape, as pure checks that return the
 * first problem in the user's words (field name + fix), or undefined.
 * Source: docs/sls.md#naming and docs/sls.md#accesskey.
 */

export interface NameRule {
  label: string;
  /** Characters allowed besides lowercase letters and digits. */
  extra: string;
  extraWords: string;
  example: string;
}

export const PROJECT_RULE: NameRule = {
  label: 'Project',
  extra: '-',
  extraWords: 'lowercase letters, digits and hyphens (-)',
  example: 'my-project-1',
};

export const LOGSTORE_RULE: NameRule = {
  label: 'Logstore',
  extra: '-_',
  extraWords: 'lowercase letters, digits, hyphens (-) and underscores (_)',
  example: 'app_logs-1',
};

const MIN = 3;
const MAX = 63;

function describeChar(ch: string): string {
  if (/\s/u.test(ch)) return 'a space or other whitespace';
  const cp = ch.codePointAt(0) ?? 0;
  return cp > 0x7e ? `“${ch}” (U+${cp.toString(16).toUpperCase().padStart(4, '0')})` : `“${ch}”`;
}

/** A valid name close to what the user typed, or undefined when there is none. */
function suggestName(value: string, rule: NameRule): string | undefined {
  const disallowed = new RegExp(`[^a-z0-9${rule.extra.replace('-', '\\-')}]+`, 'g');
  const candidate = value.toLowerCase().replace(disallowed, '-').replace(/^[-_]+|[-_]+$/g, '');
  return candidate.length >= MIN && candidate.length <= MAX ? candidate : undefined;
}

export function nameProblem(value: string, rule: NameRule): string | undefined {
  const { label } = rule;
  const chars = Array.from(value);
  if (chars.length === 0) return `${label}: enter a name (${MIN}–${MAX} characters, ${rule.extraWords}).`;
  if (/\s/u.test(value)) return `${label}: remove the whitespace; names cannot contain spaces, tabs or line breaks.`;
  if (/[A-Z]/.test(value)) {
    const suggestion = suggestName(value, rule);
    return `${label}: use lowercase letters only${suggestion ? `; try “${suggestion}”` : ''}.`;
  }
  const allowed = new RegExp(`^[a-z0-9${rule.extra.replace('-', '\\-')}]$`);
  const bad = chars.find((c) => !allowed.test(c));
  if (bad !== undefined) {
    return `${label}: ${describeChar(bad)} is not allowed; use only ${rule.extraWords}.`;
  }
  if (chars.length < MIN) return `${label}: “${value}” has ${chars.length} characters; use ${MIN}–${MAX}.`;
  if (chars.length > MAX) return `${label}: this name has ${chars.length} characters; shorten it to at most ${MAX}.`;
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) {
    return `${label}: start and end with a lowercase letter or digit (for example “${rule.example}”).`;
  }
  return undefined;
}

/**
 * AccessKey IDs: letters and digits, 16 (older keys) to 30 characters (current
 * keys are 24, `LTAI` + 20). STS IDs (`STS.`) cannot work: the SASL password has
 * no slot for a security token.
 */
export function accessKeyIdProblem(value: string): string | undefined {
  const label = 'AccessKey ID';
  if (value.length === 0) return `${label}: enter the AccessKey ID of a RAM user that may write to the Logstore.`;
  if (/^STS\./.test(value)) {
    return `${label}: temporary STS credentials do not work over the Kafka endpoint; use a RAM user's permanent AccessKey.`;
  }
  return keyShapeProblem(label, value, 16, 30, 'It usually starts with “LTAI” and has 24 characters.');
}

/** AccessKey secrets: 30 letters and digits today; 16–64 accepted for older or sandbox keys. */
export function accessKeySecretProblem(value: string): string | undefined {
  const label = 'AccessKey secret';
  if (value.length === 0) return `${label}: enter the secret that belongs to the AccessKey ID.`;
  return keyShapeProblem(label, value, 16, 64, 'It usually has 30 characters.');
}

function keyShapeProblem(label: string, value: string, min: number, max: number, usual: string): string | undefined {
  if (/\s/u.test(value)) {
    return `${label}: remove the whitespace; it usually comes from copying the key with a trailing space or line break.`;
  }
  if (/["'`]/.test(value)) return `${label}: remove the quotes; paste the key alone.`;
  if (value.includes('#')) {
    return `${label}: remove the “#”; enter the ID and the secret in their own fields (the wizard joins them as ID#secret).`;
  }
  const bad = Array.from(value).find((c) => !/[A-Za-z0-9]/.test(c));
  if (bad !== undefined) return `${label}: ${describeChar(bad)} is not allowed; AccessKeys have only letters and digits.`;
  if (value.length < min || value.length > max) {
    return `${label}: it has ${value.length} characters, expected ${min}–${max}. ${usual} Check that you copied all of it.`;
  }
  return undefined;
}
