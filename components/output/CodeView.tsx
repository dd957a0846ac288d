'use client';
/**
 * One rendered file: caption, Copy button and the text with the AccessKey
 * secret masked. Plain text shows at once; syntax highlighting (shiki, loaded
 * lazily) replaces it when ready, for the visible file only, in both colour
 * schemes at once (CSS variables; app/output.css picks one). Two switches,
 * shared by all files: wrap long lines (on by default, so nothing is cut off)
 * and show the whole file instead of a box that scrolls.
 */
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { RenderedFile } from '@/lib/agents/types';
import { useT } from '@/lib/i18n/react';
import { languageNames, outputMessages } from '@/lib/i18n/messages/output';
import { codeViewMessages } from '@/lib/i18n/messages/code-view';
import { useCodeViewPrefs } from './code-view-prefs';
import { maskSecret } from './clipboard';
import { whenInteracted } from '@/components/wizard/first-interaction';
import { CopyButton } from './CopyButton';
import type { HighlightedLines } from './highlight';


export function CodeView({
  file,
  secret,
  active,
  copyDisabled,
  onCopy,
}: {
  file: RenderedFile;
  secret: string;
  /** Only the visible file is highlighted. */
  active: boolean;
  copyDisabled: boolean;
  onCopy: (ok: boolean, path: string) => void;
}) {
  const t = useT(outputMessages);
  const tl = useT(languageNames);
  const tv = useT(codeViewMessages);
  const [prefs, setPrefs] = useCodeViewPrefs();
  const shown = useMemo(() => maskSecret(file.content, secret), [file.content, secret]);
  const [highlighted, setHighlighted] = useState<{ text: string; lines: HighlightedLines } | null>(null);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    // Not before someone interacts: shiki is the heaviest code on the page and plain text reads as well.
    whenInteracted()
      .then(() => import('./highlight'))
      .then(({ highlightCode }) => highlightCode(shown, file.language))
      .then((lines) => {
        if (!cancelled && lines) setHighlighted({ text: shown, lines });
      })
      .catch(() => {
        // Highlighting is a nicety: on failure the plain text stays.
      });
    return () => {
      cancelled = true;
    };
  }, [active, shown, file.language]);

  // Old tokens never show over new text: until the new highlight arrives, the plain text does.
  const lines = highlighted?.text === shown ? highlighted.lines : null;

  return (
    <div className="output-file">
      <div className="output-file-bar">
        <span className="output-file-caption">
          {t('fileCaption', { path: file.path, language: tl(file.language) })}
        </span>
        <CopyButton
          text={file.content}
          label={t('copyFile', { path: file.path })}
          disabled={copyDisabled}
          onResult={(ok) => onCopy(ok, file.path)}
          testId="copy-file"
        />
      </div>
      <div className="output-file-view" role="group" aria-label={tv('viewOptions', { path: file.path })}>
        <label className="output-view-toggle">
          <input
            type="checkbox"
            checked={prefs.wrap}
            onChange={(e) => setPrefs({ wrap: e.target.checked })}
            data-testid="code-wrap"
          />{' '}
          {tv('wrap')}
        </label>
        <label className="output-view-toggle">
          <input
            type="checkbox"
            checked={prefs.fullHeight}
            onChange={(e) => setPrefs({ fullHeight: e.target.checked })}
            data-testid="code-full-height"
          />{' '}
          {tv('fullHeight')}
        </label>
      </div>
      <pre
        className={['output-code', lines ? 'highlighted' : '', prefs.wrap ? 'wrap' : '', prefs.fullHeight ? 'full' : '']
          .filter(Boolean)
          .join(' ')}
        tabIndex={0}
        aria-label={file.path}
        data-testid="file-content"
        data-path={`${file.agent}/${file.path}`}
      >
        <code>
          {lines
            ? lines.map((tokens, i) => (
                <span className="line" key={i}>
                  {tokens.map((token, j) => (
                    // Both themes' colours as CSS variables (--shiki-light, --shiki-dark, …).
                    <span key={j} style={token.htmlStyle as CSSProperties | undefined}>
                      {token.content}
                    </span>
                  ))}
                  {i < lines.length - 1 ? '\n' : null}
                </span>
              ))
            : shown}
        </code>
      </pre>
    </div>
  );
}
