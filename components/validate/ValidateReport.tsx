'use client';
/**
 * The validation report, loaded when a check is about to run (it stays out of
 * the wizard page's first load): every step of the connection with its time
 * and detail, the failing step with the SLS/Kafka error name and what to do,
 * and an explanation for every other outcome (field errors, live check
 * disabled, rate limit, timeout, network failure).
 */
import type { Lang } from '@/lib/i18n/core';
import { useLang, useT } from '@/lib/i18n/react';
import { localizeStepDetail } from '@/lib/i18n/validate-details';
import { validateReportMessages, type ValidateReportMessageKey } from '@/lib/i18n/messages/validate-report';
import type { ValidationResult, ValidationStep } from '@/lib/validation/validate-settings';
import { STEP_NAMES, type CheckTarget, type ValidateOutcome } from './request-validation';

export { requestValidation } from './request-validation';

/** A check that ended, with what was checked. */
export interface FinishedCheck {
  outcome: ValidateOutcome;
  target: CheckTarget;
  /** The settings that were checked, to tell when the form has changed since. */
  checkedKey: string;
  project: string;
  logstore: string;
  at: Date;
}

type T = ReturnType<typeof useT<typeof validateReportMessages>>;

function hasMessage(key: string): key is ValidateReportMessageKey {
  return Object.prototype.hasOwnProperty.call(validateReportMessages, key);
}

function stepLabel(name: string, t: T): string {
  const key = `step.${name}`;
  return hasMessage(key) ? t(key) : name;
}

/** The one line the live region announces for a finished check. */
export function ValidateSummary({ outcome }: { outcome: ValidateOutcome }) {
  const t = useT(validateReportMessages);
  return <>{summaryOf(outcome, t)}</>;
}

function summaryOf(outcome: ValidateOutcome, t: T): string {
  switch (outcome.kind) {
    case 'report': {
      const { report } = outcome;
      if (report.ok) return t('resultOk');
      const failed = report.steps.find((s) => !s.ok);
      const name = report.error?.name ?? '';
      return failed ? t('resultFailed', { step: stepLabel(failed.name, t), name }) : t('resultFailedNoStep', { name });
    }
    case 'invalid':
      return t('invalidTitle');
    case 'live-disabled':
      return t('liveDisabledTitle');
    case 'rate-limited':
      return t('rateLimitedTitle');
    case 'sandbox-off':
      return t('sandboxOffTitle');
    case 'server-error':
      return t('serverErrorTitle', { status: outcome.status });
    case 'bad-response':
      return t('badResponseTitle');
    case 'timeout':
      return t('timeoutTitle', { seconds: outcome.seconds });
    case 'network':
      return t('networkTitle');
    case 'cancelled':
      return t('cancelled');
  }
}

/**
 * What a finished check found: the report, or why there is none. A problem's
 * title is not repeated here: the status line above (ValidateSummary) says it.
 */
export function ValidateOutcomeView({ finished, onUseSandbox }: { finished: FinishedCheck; onUseSandbox: () => void }) {
  const t = useT(validateReportMessages);
  const { lang: locale } = useLang();
  const { outcome } = finished;
  switch (outcome.kind) {
    case 'report':
      return <Report report={outcome.report} finished={finished} t={t} locale={locale} />;
    case 'invalid':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="invalid">
          <p>{t('invalidIntro')}</p>
          <ul className="validate-fields">
            {outcome.fields.map((f, i) => (
              <li key={`${f.field}-${i}`}>
                <button type="button" className="link" onClick={() => focusField(f.field)} aria-label={t('fieldLabel', { field: f.field })}>
                  <code>{f.field}</code>
                </button>
                : {f.message}
              </li>
            ))}
          </ul>
          {outcome.fields.length === 0 && outcome.message ? <p>{outcome.message}</p> : null}
        </div>
      );
    case 'live-disabled':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="live-disabled">
          <p>{t('liveDisabledBody')}</p>
          <button type="button" onClick={onUseSandbox}>
            {t('useSandbox')}
          </button>
        </div>
      );
    case 'rate-limited':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="rate-limited">
          <p>
            {outcome.retryAfterSeconds !== undefined
              ? t('rateLimitedBody', { seconds: outcome.retryAfterSeconds })
              : t('rateLimitedBodyNoWait')}
          </p>
        </div>
      );
    case 'sandbox-off':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="sandbox-off">
          <p>{t('sandboxOffBody')}</p>
        </div>
      );
    case 'server-error':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="server-error">
          <p>
            {t('serverErrorBody')} {outcome.message ? <q>{outcome.message}</q> : null}
          </p>
        </div>
      );
    case 'bad-response':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="bad-response">
          <p>{t('badResponseBody', { status: outcome.status })}</p>
        </div>
      );
    case 'timeout':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="timeout">
          <p>{t('timeoutBody', { seconds: outcome.seconds })}</p>
        </div>
      );
    case 'network':
      return (
        <div className="validate-problem" data-testid="validate-problem" data-kind="network">
          <p>{t('networkBody', { reason: outcome.reason })}</p>
        </div>
      );
    case 'cancelled':
      return null;
  }
}

/** Move focus to the form field a 400 names (react-hook-form gives inputs their path as name). */
function focusField(field: string) {
  const el = document.getElementsByName(field)[0];
  if (el instanceof HTMLElement) {
    el.focus();
    el.scrollIntoView({ block: 'center' });
  }
}

function Report({ report, finished, t, locale }: { report: ValidationResult; finished: FinishedCheck; t: T; locale: Lang }) {
  const failed = report.steps.find((s) => !s.ok);
  const known = new Set<string>(STEP_NAMES);
  const extra = report.steps.filter((s) => !known.has(s.name));
  const names: string[] = [...STEP_NAMES, ...extra.map((s) => s.name)];
  const byName = new Map<string, ValidationStep>(report.steps.map((s) => [s.name, s]));
  const failedIndex = failed ? names.indexOf(failed.name) : -1;

  return (
    <div className="validate-report" data-testid="validate-report" data-ok={report.ok ? 'true' : 'false'}>
      <p className="validate-target-note" data-testid="validate-target-note" data-target={report.target}>
        {report.target === 'sandbox'
          ? t('checkedSandbox', { endpoint: report.endpoint })
          : t('checkedLive', { endpoint: report.endpoint })}{' '}
        <span className="help">{t('checkedAt', { time: finished.at.toLocaleTimeString(locale) })}</span>
      </p>

      {report.error ? <ErrorBox error={report.error} t={t} locale={locale} /> : null}

      <h3 className="validate-steps-title">{t('stepsTitle')}</h3>
      <ol className="validate-steps" data-testid="validate-steps">
        {names.map((name, index) => {
          const step = byName.get(name);
          const state = step ? (step.ok ? 'ok' : 'failed') : 'missing';
          const notReached = !step && failedIndex >= 0 && index > failedIndex;
          return (
            <li key={name} className={`validate-step is-${state}`} data-step={name} data-state={state}>
              <span className="validate-step-mark" aria-hidden="true">
                {state === 'ok' ? '✓' : state === 'failed' ? '✗' : '–'}
              </span>
              <span className="validate-step-main">
                <span className="validate-step-label">
                  {stepLabel(name, t)}{' '}
                  <span className="sr-only">
                    ({state === 'ok' ? t('stepPassed') : state === 'failed' ? t('stepFailed') : t('stepNotReached')})
                  </span>
                </span>
                {step ? <span className="validate-step-ms">{t('stepMs', { ms: step.ms })}</span> : null}
                {step ? (
                  <span className="validate-step-detail">{localizeStepDetail(step.detail, locale)}</span>
                ) : (
                  <span className="validate-step-detail help">
                    {name === 'dns' && !notReached && report.steps.some((s) => s.name === 'tcp') ? t('stepSkippedDns') : t('stepNotReached')}
                  </span>
                )}
                {state === 'failed' && report.error ? (
                  <span className="validate-step-error">
                    <strong>{report.error.name}</strong>
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>

      {report.ok && report.target === 'sandbox' ? (
        <p>
          <a href={inboxLink(finished.project, finished.logstore)} data-testid="validate-inbox-link">{t('sandboxInboxLink')}</a>
        </p>
      ) : null}
    </div>
  );
}

/** The sandbox inbox page, opened on the project and Logstore that were checked. */
function inboxLink(project: string, logstore: string): string {
  return `/sandbox?${new URLSearchParams({ project, logstore }).toString()}`;
}

function ErrorBox({ error, t, locale }: { error: NonNullable<ValidationResult['error']>; t: T; locale: Lang }) {
  const meaningKey = `meaning.${error.name}`;
  const hintKey = `hint.${error.name}`;
  // The SLS table's hints are fixed sentences: show them in the user's language. Other hints
  // carry specifics (host, port, TLS code) and are shown as the server wrote them.
  const translatedHint = hasMessage(hintKey) && validateReportMessages[hintKey].en === error.hint ? t(hintKey) : undefined;
  return (
    <div className="validate-error" data-testid="validate-error" role="group" aria-label={t('errorTitle')}>
      <p className="validate-error-name">
        <strong data-testid="validate-error-name">{error.name}</strong>{' '}
        <span className="help">({t('errorCode', { code: String(error.code) })})</span>
      </p>
      {hasMessage(meaningKey) ? (
        <p>
          <span className="validate-error-label">{t('errorMeaning')}</span>
          {t(meaningKey)}
        </p>
      ) : null}
      <p className="validate-error-hint" data-testid="validate-error-hint">
        <span className="validate-error-label">
          {translatedHint === undefined && locale === 'zh-CN' ? t('serverHintNote') : t('errorHint')}
        </span>
        {translatedHint ?? error.hint}
      </p>
    </div>
  );
}
