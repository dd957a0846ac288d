/**
 * The connection check's step details in the user's language. The doctor
 * (lib/kafka/client) and the config check (lib/validation) write each detail
 * in English, as the API and the CLI report it; the report shows the Chinese
 * form by matching the known shapes (./messages/data/validate-details.json:
 * an English pattern and a Chinese template with $1…) and leaves anything
 * else as the server wrote it. A detail that matches no shape as a whole is
 * matched part by part ("; " and ", " lists; the config step's " Warning: ").
 */
import type { Lang } from './core';
import table from './messages/data/validate-details.json';

const PATTERNS: ReadonlyArray<{ en: RegExp; zh: string }> = table.map((row) => ({ en: new RegExp(row.en), zh: row.zh }));
const WARNING = ' Warning: ';
const ZH_WARNING = ' 警告：';

/** The part in Chinese when its shape is known, else undefined. */
function known(part: string): string | undefined {
  for (const { en, zh } of PATTERNS) {
    const match = en.exec(part);
    // A group that is itself a known shape (an optional tail) is translated too.
    if (match) return zh.replace(/\$(\d)/g, (_, n: string) => localize(match[Number(n)] ?? ''));
  }
  return undefined;
}

/** A whole detail first, then its "; "-separated parts, then their ", "-separated ones. */
function localize(text: string): string {
  const whole = known(text);
  if (whole !== undefined) return whole;
  if (text.includes('; ')) return text.split('; ').map(localize).join('；');
  if (text.includes(', ')) return text.split(', ').map(localize).join('，');
  return text;
}

/** One step's detail in `lang`: English as is, Chinese where the shape is known. */
export function localizeStepDetail(detail: string, lang: Lang): string {
  if (lang === 'en') return detail;
  return detail.split(WARNING).map(localize).join(ZH_WARNING);
}
