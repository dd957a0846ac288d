'use client';
/**
 * One agent's steps as a numbered list: title, detail, warnings marked as
 * such, and each command in its own code block with a Copy button. Commands
 * are shown with the secret masked and copied as rendered.
 */
import type { RenderStep } from '@/lib/agents/types';
import { useT } from '@/lib/i18n/react';
import { outputMessages } from '@/lib/i18n/messages/output';
import { maskSecret } from './clipboard';
import { CopyButton } from './CopyButton';

export function StepsList({
  agentName,
  steps,
  secret,
  headingId,
  copyDisabled,
  onCopy,
}: {
  agentName: string;
  steps: readonly RenderStep[];
  secret: string;
  headingId: string;
  copyDisabled: boolean;
  onCopy: (ok: boolean, text: string) => void;
}) {
  const t = useT(outputMessages);
  if (steps.length === 0) return null;
  return (
    <section className="output-steps" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('stepsTitle', { agent: agentName })}</h3>
      <ol>
        {steps.map((step, i) => {
          const warning = step.kind === 'warning';
          return (
            <li key={i} className={warning ? 'output-step warning' : 'output-step'} data-testid="step">
              <p className="output-step-title">
                {warning ? <strong className="output-step-badge">{t('warning')}: </strong> : null}
                {maskSecret(step.title, secret)}
              </p>
              {step.detail ? <p className="output-step-detail">{maskSecret(step.detail, secret)}</p> : null}
              {(step.commands ?? []).map((command, j) => (
                <div className="output-command" key={j}>
                  <pre>
                    <code>{maskSecret(command, secret)}</code>
                  </pre>
                  <CopyButton
                    text={command}
                    label={`${t('copyCommand')} ${j + 1}: ${maskSecret(step.title, secret)}`}
                    disabled={copyDisabled}
                    onResult={(ok) => onCopy(ok, command)}
                    testId="copy-command"
                  />
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
