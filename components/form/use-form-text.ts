'use client';
/**
 * The form's strings in the chosen language: `t` for fixed keys of
 * form.ts, `maybe` for keys built at run time (agent options, choice labels)
 * that may not exist, looked up in form.ts and in `extra` (the lazily loaded
 * option-section strings).
 */
import { useCallback } from 'react';
import { format, pick, type Lang, type Message } from '@/lib/i18n/core';
import { useLang, useT } from '@/lib/i18n/react';
import { formMessages } from '@/lib/i18n/messages/form';

const base: Readonly<Record<string, Message>> = formMessages;

export interface FormText {
  lang: Lang;
  t: ReturnType<typeof useT<typeof formMessages>>;
  maybe: (key: string, values?: Record<string, string | number>) => string | undefined;
}

export function useFormText(extra?: Readonly<Record<string, Message>>): FormText {
  const { lang } = useLang();
  const t = useT(formMessages);
  const maybe = useCallback(
    (key: string, values?: Record<string, string | number>) => {
      const message = base[key] ?? extra?.[key];
      return message ? format(pick(message, lang), values) : undefined;
    },
    [lang, extra],
  );
  return { lang, t, maybe };
}
