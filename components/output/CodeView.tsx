'use client';
/**
 * One rendered file: caption, Copy button and the text with the AccessKey
 * secret masked. Plain text shows at once; syntax highlighting (shiki, loaded
 * lazily) replaces it when ready, for the visible file only.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RenderedFile } from '@/lib/agents/types';
import { useT } from '@/lib/i18n/react';
import { languageNames, outputMessages } from '@/lib/i18n/messages/output';
import { maskSecret } from './clipboard';
import { CopyButton } from './CopyButton';
import type { HighlightedLines } from './highlight';

/** shiki's FontStyle bits. */
const ITALIC = 1;
const BOLD = 2;

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
  const shown = useMemo(() => maskSecret(file.content, secret), [file.content, secret]);
  const [highlighted, setHighlighted] = useState<{ text: string; lines: HighlightedLines } | null>(null);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    import('./highlight')
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
      <pre
        className={lines ? 'output-code highlighted' : 'output-code'}
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
                    <span
                      key={j}
                      style={{
                        color: token.color,
                        fontStyle: token.fontStyle !== undefined && token.fontStyle & ITALIC ? 'italic' : undefined,
                        fontWeight: token.fontStyle !== undefined && token.fontStyle & BOLD ? 600 : undefined,
                      }}
                    >
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
