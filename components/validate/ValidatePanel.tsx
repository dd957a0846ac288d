'use client';
/**
 * The Validate button. Sends the current settings to POST /api/validate
 * (against the bundled sandbox by default, or SLS itself when the user asks; that
 * choice is only offered when the server allows it, see validate-config.tsx) and shows the report (ValidateReport.tsx, loaded with
 * a dynamic import once the form is valid, so it stays out of the wizard's
 * first load). The summary is announced in a live region; a check always ends
 * (client-side timeout), and a second click while one runs is ignored.
 */
import '@/app/validate.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/react';
import { validateMessages } from '@/lib/i18n/messages/validate';
import type { Settings } from '@/lib/settings/schema';
import { kafkaEndpoint } from '@/lib/sls/endpoints';
import type { CheckTarget, ValidateOutcome } from './request-validation';
import type { FinishedCheck } from './ValidateReport';
import { useValidateConfig } from './validate-config';

type ReportModule = typeof import('./ValidateReport');

/** The client gives up on a check after this long (the server's own deadline is shorter). */
const CHECK_TIMEOUT_MS = 10_000;

let reportModule: Promise<ReportModule> | undefined;
function loadReport(): Promise<ReportModule> {
  reportModule ??= import('./ValidateReport').catch((err: unknown) => {
    reportModule = undefined; // let a later click try again
    throw err;
  });
  return reportModule;
}

function settingsKey(settings: Settings): string {
  return JSON.stringify(settings);
}

function statusClass(running: boolean, outcome: ValidateOutcome | undefined): string {
  if (running || !outcome) return '';
  if (outcome.kind === 'report') return outcome.report.ok ? 'is-ok' : 'is-failed';
  return outcome.kind === 'cancelled' ? '' : 'is-failed';
}

export function ValidatePanel({ settings }: { settings: Settings | null }) {
  const t = useT(validateMessages);
  const { allowLiveCheck } = useValidateConfig();
  const ids = useId();
  const [checkTarget, setCheckTarget] = useState<CheckTarget>('sandbox');
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [finished, setFinished] = useState<FinishedCheck | null>(null);
  const [report, setReport] = useState<ReportModule | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const runningRef = useRef(false);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  // Fetch the report code once the form is valid, so the first click does not wait for it.
  const valid = settings !== null;
  useEffect(() => {
    if (!valid) return;
    loadReport().then(setReport, () => undefined);
  }, [valid]);

  const run = useCallback(
    async (target: CheckTarget) => {
      // A second click while a check runs is ignored; so is a click on an invalid form.
      if (runningRef.current || !settings) return;
      runningRef.current = true;
      const controller = new AbortController();
      controllerRef.current = controller;
      setRunning(true);
      setElapsed(0);
      setLoadError(null);
      const started = Date.now();
      const ticker = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
      try {
        const mod = await loadReport();
        setReport(mod);
        const outcome = await mod.requestValidation(settings, target, { signal: controller.signal, timeoutMs: CHECK_TIMEOUT_MS });
        setFinished({
          outcome,
          target,
          checkedKey: settingsKey(settings),
          project: settings.project,
          logstore: settings.logstore,
          at: new Date(),
        });
      } catch (err) {
        setLoadError(err instanceof Error ? err.message : String(err));
      } finally {
        clearInterval(ticker);
        runningRef.current = false;
        controllerRef.current = null;
        setRunning(false);
      }
    },
    [settings],
  );

  const endpoint = settings ? kafkaEndpoint(settings).bootstrap : undefined;
  const stale = finished !== null && (settings === null || settingsKey(settings) !== finished.checkedKey);
  const reasonId = `${ids}-reason`;

  return (
    <section className="validate" aria-labelledby={`${ids}-title`} data-testid="validate-panel">
      <h2 id={`${ids}-title`}>{t('title')}</h2>
      <p className="help">{t('intro')}</p>

      {/* One target only (the sandbox) unless the server allows live checks: no choice to offer then. */}
      {allowLiveCheck ? (
        <fieldset className="choices validate-target">
          <legend>{t('targetLegend')}</legend>
          <label>
            <input
              type="radio"
              name={`${ids}-target`}
              value="sandbox"
              checked={checkTarget === 'sandbox'}
              onChange={() => setCheckTarget('sandbox')}
              aria-describedby={`${ids}-sandbox-help`}
            />{' '}
            {endpoint ? t('targetSandbox', { endpoint }) : t('targetSandboxNoEndpoint')}
          </label>
          <p id={`${ids}-sandbox-help`} className="help validate-choice-help">
            {t('targetSandboxHelp')}
          </p>
          <label>
            <input
              type="radio"
              name={`${ids}-target`}
              value="sls"
              checked={checkTarget === 'sls'}
              onChange={() => setCheckTarget('sls')}
              aria-describedby={`${ids}-live-help`}
            />{' '}
            {t('targetLive')}
          </label>
          <p id={`${ids}-live-help`} className="help validate-choice-help">
            {t('targetLiveHelp')}
          </p>
        </fieldset>
      ) : (
        <div className="validate-target-only" data-testid="validate-target-only">
          <p>{endpoint ? t('targetSandbox', { endpoint }) : t('targetSandboxNoEndpoint')}</p>
          <p className="help">{t('targetSandboxHelp')}</p>
        </div>
      )}

      <div className="validate-actions">
        <button
          type="button"
          className="primary"
          disabled={settings === null}
          aria-disabled={running ? true : undefined}
          aria-busy={running ? true : undefined}
          aria-describedby={settings === null ? reasonId : undefined}
          onClick={() => void run(checkTarget)}
          data-testid="validate-button"
        >
          {running ? t('buttonRunning') : t('button')}
        </button>
        {running ? (
          <button type="button" onClick={() => controllerRef.current?.abort()}>
            {t('cancel')}
          </button>
        ) : null}
        {running ? (
          <span className="validate-elapsed" data-testid="validate-elapsed">
            {t('running', { seconds: elapsed, limit: CHECK_TIMEOUT_MS / 1000 })}
          </span>
        ) : null}
      </div>
      {settings === null ? (
        <p id={reasonId} className="help validate-reason">
          {t('disabledReason')}
        </p>
      ) : null}

      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`validate-status ${loadError && !running ? 'is-failed' : statusClass(running, finished?.outcome)}`}
        data-testid="validate-status"
      >
        {running ? (
          t('announceRunning')
        ) : loadError ? (
          t('loadFailed', { reason: loadError })
        ) : finished && report ? (
          <report.ValidateSummary outcome={finished.outcome} />
        ) : null}
      </p>

      {finished && report && !running && !loadError ? (
        <div className={`validate-result${stale ? ' validate-stale' : ''}`} data-testid="validate-result">
          {stale ? <p className="warning">{t('stale')}</p> : null}
          <report.ValidateOutcomeView
            finished={finished}
            onUseSandbox={() => {
              setCheckTarget('sandbox');
              void run('sandbox');
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
