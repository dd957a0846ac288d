'use client';
/**
 * The wizard page's heading and intro in the chosen language, and the
 * document title with them (the server renders English; the language is
 * known in the browser, which renders them again).
 */
import { useT } from '@/lib/i18n/react';
import { pageMessages } from '@/lib/i18n/messages/page';

export function PageHeader() {
  const t = useT(pageMessages);
  return (
    <header>
      {/* React hoists this into <head>; the layout sets no title of its own for this page. */}
      <title>{t('title')}</title>
      <h1>{t('heading')}</h1>
      <p className="lede">
        {t('lede')} <a href="/check">{t('checkLink')}</a>
      </p>
    </header>
  );
}
