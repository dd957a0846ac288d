'use client';
/**
 * The language context: follows the browser on first visit, can be switched,
 * and remembers the choice (localStorage). `useT(messages)` gives a typed
 * translate function for one message area.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, langFromNavigator, pick, type Lang, type Messages } from './core';

const STORAGE_KEY = 'sls-kafka-wizard.lang';

interface LangContext {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const Ctx = createContext<LangContext>({ lang: 'en', setLang: () => {} });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>('en');
  useEffect(() => {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    setLangState(saved === 'en' || saved === 'zh-CN' ? saved : langFromNavigator(navigator.languages ?? [navigator.language]));
  }, []);
  useEffect(() => {
    // Only on a change: setting <html lang>, even to the same value, makes the browser redo the
    // whole page's locale-dependent styles (docs/performance.md#setting-html-lang).
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    window.localStorage.setItem(STORAGE_KEY, next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useLang(): LangContext {
  return useContext(Ctx);
}

/** `t('key', { name: value })` for the messages of one area. */
export function useT<M extends Messages>(messages: M): (key: keyof M & string, values?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback(
    (key, values) => {
      const message = messages[key];
      return message ? format(pick(message, lang), values) : key;
    },
    [lang, messages],
  );
}

export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label="Language / 语言">
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
      <button type="button" aria-pressed={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} lang="zh-CN">
        简体中文
      </button>
    </div>
  );
}
