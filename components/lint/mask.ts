/**
 * Masks an AccessKey secret in text shown on the check page. The server masks
 * its answer; the page also shows the user's own file, so the same is done
 * here: the part after `AccessKeyId#`, and on a line the checker flagged with
 * `secret-inline`, a long value that has no `#`.
 */
import { SECRET_MASK } from '@/components/output/clipboard';

export { SECRET_MASK };

const ID_AND_SECRET = /(\b[A-Za-z0-9]{12,}#)([^\s"'`,;)\]}]{4,})/g;
// A quoted value that is no reference (`${VAR}`, `$VAR`), or a long bare word at the line's end.
const LONG_VALUE = /(["'`])([^"'`\s${}]{8,})\1|([=:]\s*|=>\s*|\s)([A-Za-z0-9+/_-]{16,})\s*$/;

export function maskSecrets(text: string, secretLines: ReadonlySet<number> = new Set()): string {
  return text
    .split('\n')
    .map((line, i) => {
      const masked = line.replace(ID_AND_SECRET, (_, id: string) => id + SECRET_MASK);
      if (masked !== line || !secretLines.has(i + 1)) return masked;
      return masked.replace(LONG_VALUE, (whole, q: string | undefined, _v, lead: string | undefined) => (q ? `${q}${SECRET_MASK}${q}` : `${lead ?? ''}${SECRET_MASK}`));
    })
    .join('\n');
}
