'use client';
/**
 * `errorText(path, message)`: a schema error ready to show beside its field.
 * The Chinese tables are fetched the first time Chinese is shown (one small
 * chunk, then cached); until they arrive the English message is shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLang } from '@/lib/i18n/react';
import { fieldErrorText, type ZhErrorTables } from './schema-error-text';

let loaded: ZhErrorTables | undefined;
let loading: Promise<ZhErrorTables> | undefined;

function loadZhTables(): Promise<ZhErrorTables> {
  loading ??= import('@/lib/i18n/messages/form-errors').then((m) => {
    loaded = m.zhErrorTables;
    return loaded;
  });
  return loading;
}

export function useErrorText(): (path: string, message: string) => string {
  const { lang } = useLang();
  const [tables, setTables] = useState<ZhErrorTables | undefined>(loaded);
  useEffect(() => {
    if (lang !== 'zh-CN' || tables) return;
    let live = true;
    loadZhTables().then(
      (t) => {
        if (live) setTables(t);
      },
      () => {
        // Offline or a failed chunk: the English messages stay, which still name the field and the fix.
        loading = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, [lang, tables]);
  return useCallback((path: string, message: string) => fieldErrorText(path, message, lang, tables), [lang, tables]);
}
