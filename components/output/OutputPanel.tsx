'use client';
/**
 * The output panel's shell. Until the live panel (./OutputBody: renderers,
 * tabs, copy, steps, download, share) has loaded it shows `preview`, the
 * server-rendered output of the empty form (./OutputPreview), so the configs
 * with their placeholders are on the first paint. The live panel is fetched
 * on the first interaction or once the page has idled
 * (components/wizard/first-interaction), not with the page, so that the
 * wizard's first load stays within its JavaScript budget on a phone.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import type { SandboxTarget } from '@/lib/agents/context';
import type { StepPlatform } from '@/lib/agents/types';
import { useT } from '@/lib/i18n/react';
import { whenInteractive } from '@/components/wizard/first-interaction';
import { outputShellMessages } from '@/lib/i18n/messages/output-shell';
import '@/app/output.css';

export interface OutputPanelProps {
  /** The form's current values, valid or not (for the share link and the problems to fix). */
  values: SettingsInput;
  /** The parsed settings, or null while something is invalid or missing. */
  settings: Settings | null;
  /** The sandbox endpoint from the server; its `caUrl` (a path) is completed with the page's origin. */
  sandbox: SandboxTarget;
  /** Whose steps to show (Linux, Windows, Docker, Kubernetes), kept in the share link. */
  platform: StepPlatform;
  onPlatform: (platform: StepPlatform) => void;
  /** Shown until the live panel has loaded: the server-rendered output of the empty form. */
  preview?: ReactNode;
}

export function OutputPanel({ preview, ...props }: OutputPanelProps) {
  const t = useT(outputShellMessages);
  const [Body, setBody] = useState<{ component: ComponentType<OutputPanelProps> } | { error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    whenInteractive()
      .then(() => import('./OutputBody'))
      .then(
        (module) => !cancelled && setBody({ component: module.OutputBody }),
        (error: unknown) => !cancelled && setBody({ error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  if (Body && 'component' in Body) return <Body.component {...props} />;
  if (!Body && preview) return preview;
  return (
    <section className="output-panel" aria-labelledby="output-title" data-testid="output-panel">
      <h2 id="output-title">{t('title')}</h2>
      {Body && 'error' in Body ? (
        <p className="error" role="alert">
          {t('loadFailed', { reason: Body.error })}
        </p>
      ) : (
        <p className="output-empty" data-testid="output-empty">
          {t('preparing')}
        </p>
      )}
    </section>
  );
}
