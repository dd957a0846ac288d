'use client';
/**
 * A Copy button: puts the exact text (with the real secret) on the clipboard,
 * shows “Copied” for two seconds and reports the outcome to the panel's live
 * region. The accessible name says what is copied; the visible text stays short.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/react';
import { outputMessages } from '@/lib/i18n/messages/output';
import { copyText } from './clipboard';

export function CopyButton({
  text,
  label,
  disabled = false,
  onResult,
  testId,
}: {
  text: string;
  /** Accessible name, e.g. “Copy filebeat.yml”. */
  label: string;
  disabled?: boolean;
  onResult: (ok: boolean) => void;
  testId?: string;
}) {
  const t = useT(outputMessages);
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await copyText(text);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2000);
      onResult(true);
    } catch {
      setCopied(false);
      onResult(false);
    }
  }

  return (
    <button
      type="button"
      className={copied ? 'output-copy copied' : 'output-copy'}
      aria-label={label}
      disabled={disabled}
      onClick={copy}
      data-testid={testId}
      data-copied={copied ? 'true' : undefined}
    >
      {copied ? `✓ ${t('copied')}` : t('copy')}
    </button>
  );
}
