/**
 * The settings schema's error messages as the form shows them: in the user's
 * language, and for the AccessKey secret without any character of the value
 * it complains about. The schema (shared with the server) writes English
 * `Label: what to do`; the Chinese comes from the tables in
 * lib/i18n/messages/form-errors.ts, passed in (they are loaded only for
 * Chinese). Pure, so it is unit-tested on its own.
 */
import { format, type Lang } from '@/lib/i18n/core';

export interface ZhErrorTables {
  labels: Readonly<Record<string, string>>;
  terms: Readonly<Record<string, string>>;
  patterns: ReadonlyArray<{ en: RegExp; zh: string }>;
}

export interface ErrorText {
  text: string;
  /** False when the message (or its fix) had no Chinese pattern and is shown (partly) in English. */
  translated: boolean;
}

/** `Label: rest`, the label being the field's name as the schema writes it. */
const LABELLED = /^(?<label>[^:]+?): (?<rest>[\s\S]*)$/;

/**
 * The schema quotes the offending character (`“x” is not allowed`); for the
 * secret that would echo part of it, so that sentence is replaced by one
 * without the character.
 */
const QUOTED_SECRET_CHARACTER = /^AccessKey secret: “[\s\S]+?”(?: \(U\+[0-9A-F]+\))? is not allowed; AccessKeys have only letters and digits\.$/;

export function redactSecretMessage(message: string): string {
  return QUOTED_SECRET_CHARACTER.test(message)
    ? 'AccessKey secret: remove the character that is not a letter or digit; AccessKeys have only letters and digits.'
    : message;
}

function translateRest(rest: string, tables: ZhErrorTables): string | undefined {
  for (const { en, zh } of tables.patterns) {
    const match = en.exec(rest);
    if (!match) continue;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) values[name] = tables.terms[value] ?? value;
    }
    return format(zh, values);
  }
  return undefined;
}

/** One schema message for display in `lang`; Chinese needs the tables (English is shown until they are there). */
export function schemaErrorText(message: string, lang: Lang, tables: ZhErrorTables | undefined): ErrorText {
  if (lang === 'en') return { text: message, translated: true };
  if (!tables) return { text: message, translated: false };
  const match = LABELLED.exec(message);
  const label = match?.groups?.label;
  const rest = match?.groups?.rest;
  const labelZh = label !== undefined ? tables.labels[label] : undefined;
  if (labelZh === undefined || rest === undefined) return { text: message, translated: false };
  const restZh = translateRest(rest, tables);
  return restZh === undefined ? { text: `${labelZh}：${rest}`, translated: false } : { text: `${labelZh}：${restZh}`, translated: true };
}

/** The message of the field at `path`, safe to show (secret redacted) and in `lang`. */
export function fieldErrorText(path: string, message: string, lang: Lang, tables: ZhErrorTables | undefined): string {
  const safe = path === 'accessKeySecret' ? redactSecretMessage(message) : message;
  return schemaErrorText(safe, lang, tables).text;
}
