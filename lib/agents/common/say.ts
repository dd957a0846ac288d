/**
 * The steps' prose in the user's language: each agent keeps its step titles,
 * details and command comments in `step-texts.json` next to its renderer, as
 * `{ en, zh }` pairs with `{name}` placeholders, and its step builders ask for
 * them by key. A data file, not code, so the pairs are neither duplicated
 * code nor part of the form's bundle (only the renderer imports it).
 */
import { format, pick, type Lang, type Message } from '../../i18n/core';

export type StepTexts = Readonly<Record<string, Message>>;

/** Placeholder values; `undefined` leaves the placeholder as is (a bug the zh test catches). */
export type SayValues = Readonly<Record<string, string | number>>;

/** `say(key, values)`: one step text in `lang`, placeholders filled. */
export type Say<T extends StepTexts> = (key: keyof T & string, values?: SayValues) => string;

export function sayer<T extends StepTexts>(texts: T, lang: Lang): Say<T> {
  // `key` is a key of `texts` (the type says so); the index type cannot.
  return (key, values) => format(pick(texts[key] as Message, lang), values);
}
