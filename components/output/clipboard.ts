/**
 * Puts text on the clipboard. The async Clipboard API needs a secure context
 * (https or localhost); a wizard opened over plain http on a LAN address falls
 * back to a hidden, off-screen textarea and `execCommand('copy')`.
 */
export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  document.body.append(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('copy command refused');
  } finally {
    area.remove();
    previous?.focus();
  }
}

/** What the screen shows instead of the AccessKey secret. */
export const SECRET_MASK = '••••••••';

/**
 * Replaces every occurrence of the secret. AccessKey secrets are letters and
 * digits only (the schema checks this), so a plain split/join cannot misfire
 * on escaping; a too-short value is left alone rather than masking half the file.
 */
export function maskSecret(text: string, secret: string): string {
  return secret.length >= 8 ? text.split(secret).join(SECRET_MASK) : text;
}
