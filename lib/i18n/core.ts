/**
 * Two languages, English and Simplified Chinese (most SLS users read Chinese).
 * Messages live per area as `{ en, zh }` pairs in data files
 * (lib/i18n/messages/data/*.json; the agents' step texts in
 * lib/agents/<id>/step-texts.json), typed by the module that imports them, so
 * that an unknown key is a type error, not a blank on screen.
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** One message in both languages; `{name}` placeholders are filled by `format`. */
export interface Message {
  en: string;
  zh: string;
}

export type Messages = Readonly<Record<string, Message>>;

export function format(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function pick(message: Message, lang: Lang): string {
  return lang === 'zh-CN' ? message.zh : message.en;
}

/** The language a browser asks for: Chinese of any region → zh-CN, anything else → en. */
export function langFromNavigator(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
