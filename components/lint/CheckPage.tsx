'use client';
/**
 * "Check my config" (/check): paste or drop an agent config, see every SLS
 * finding beside its line, the diff to the fixed file (Copy, Download), and
 * open the wizard filled with what was read. The file goes to POST /api/lint
 * (lib/lint: nothing logged or stored, the secret masked in the answer); the
 * page masks the secret in the user's own text it shows too. A route of its
 * own, so none of this loads with the wizard.
 */
import { useCallback, useMemo, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { agentTitle, isAgentId } from '@/lib/agents/meta';
import type { LintResponse } from '@/lib/http/contract';
import { LanguageSwitch, useT } from '@/lib/i18n/react';
// types.ts has only type imports, so this pulls no linter code into the page.
import { MAX_LINT_CONTENT_CHARS } from '@/lib/lint/types';
import { shareHash } from '@/lib/share/url-state';
import type { SettingsInput } from '@/lib/settings/schema';
import { copyText } from '@/components/output/clipboard';
import { lineDiff } from './line-diff';
import { maskSecrets } from './mask';
import { lintMessages } from './messages';
import './check.css';


type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; result: LintResponse; source: string; filename?: string };

type Finding = LintResponse['findings'][number];

export function CheckPage() {
  const t = useT(lintMessages);
  const [shown, setShown] = useState('');
  const raw = useRef('');
  const [filename, setFilename] = useState<string | undefined>();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notice, setNotice] = useState('');
  const checkOnChange = useRef(false);

  const check = useCallback(
    async (text: string, name?: string) => {
      if (text.trim() === '') return setState({ kind: 'error', message: t('empty') });
      if (text.length > MAX_LINT_CONTENT_CHARS) return setState({ kind: 'error', message: t('tooBig', { size: Math.ceil(text.length / 1024) }) });
      setState({ kind: 'checking' });
      setNotice('');
      try {
        const res = await fetch('/api/lint', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(name ? { content: text, filename: name } : { content: text }),
        });
        const body = (await res.json()) as LintResponse & { error?: { message?: string } };
        if (!res.ok) return setState({ kind: 'error', message: t('failed', { message: body.error?.message ?? String(res.status) }) });
        const secretLines = new Set(body.findings.filter((f) => f.rule === 'secret-inline').map((f) => f.line));
        const masked = maskSecrets(text, secretLines);
        // The box shows the masked text from now on; an unedited re-check still sends what was pasted.
        setShown(masked);
        setState({ kind: 'done', result: body, source: masked, filename: name });
      } catch {
        setState({ kind: 'error', message: t('network') });
      }
    },
    [t],
  );

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    checkOnChange.current = e.clipboardData.getData('text').trim() !== '';
  };
  const readFile = async (file: File) => {
    setFilename(file.name);
    if (file.size > MAX_LINT_CONTENT_CHARS * 4) return setState({ kind: 'error', message: t('tooBig', { size: Math.ceil(file.size / 1024) }) });
    const text = await file.text();
    raw.current = text;
    setShown(text);
    await check(text, file.name);
  };
  const onDrop = (e: DragEvent<HTMLTextAreaElement>) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void readFile(file);
  };

  return (
    <div className="check-page" data-testid="check-page">
      <LanguageSwitch />
      <header>
        {/* The document title in the chosen language (React hoists it into <head>; the route sets none). */}
        <title>{t('documentTitle')}</title>
        <p>
          <a href="/">{t('backToWizard')}</a>
        </p>
        <h1>{t('title')}</h1>
        <p className="lede">{t('lede')}</p>
      </header>
      <section className="check-input" aria-labelledby="check-input-label">
        <label id="check-input-label" htmlFor="check-content">
          {t('inputLabel')}
        </label>
        <p id="check-content-help" className="check-help">
          {t('inputHelp')}
        </p>
        <textarea
          id="check-content"
          data-testid="check-content"
          aria-describedby="check-content-help"
          spellCheck={false}
          autoComplete="off"
          rows={12}
          value={shown}
          onPaste={onPaste}
          onChange={(e) => {
            raw.current = e.target.value;
            setShown(e.target.value);
            if (checkOnChange.current) {
              checkOnChange.current = false;
              void check(e.target.value, filename);
            }
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
        />
        <div className="check-actions">
          <button type="button" className="check-primary" data-testid="check-run" disabled={state.kind === 'checking'} onClick={() => void check(raw.current, filename)}>
            {state.kind === 'checking' ? t('checking') : t('check')}
          </button>
          <label className="check-file">
            {t('chooseFile')}
            <input
              type="file"
              data-testid="check-file"
              accept=".yml,.yaml,.conf,.toml,.properties,.sh,.txt"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readFile(file);
              }}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              raw.current = '';
              setShown('');
              setFilename(undefined);
              setState({ kind: 'idle' });
            }}
          >
            {t('clear')}
          </button>
        </div>
      </section>
      <div role="status" aria-live="polite" className="check-status" data-testid="check-status">
        {state.kind === 'error' ? <p className="check-error">{state.message}</p> : null}
      </div>
      {state.kind === 'done' ? <Result result={state.result} source={state.source} filename={state.filename} notice={notice} onNotice={setNotice} /> : null}
    </div>
  );
}

function Result({ result, source, filename, notice, onNotice }: { result: LintResponse; source: string; filename?: string; notice: string; onNotice: (n: string) => void }) {
  const t = useT(lintMessages);
  const count = (s: Finding['severity']) => result.findings.filter((f) => f.severity === s).length;
  const byLine = useMemo(() => {
    const m = new Map<number, Finding[]>();
    for (const f of result.findings) m.set(f.line, [...(m.get(f.line) ?? []), f]);
    return m;
  }, [result]);
  const agent = isAgentId(result.agent) ? agentTitle(result.agent) : result.agent;
  const lines = source.split('\n');
  const wizardHref = `/${shareHash(result.settings as SettingsInput)}`;
  return (
    <>
      <section className="check-result" aria-labelledby="check-summary-title" data-testid="check-result" data-agent={result.agent}>
        <h2 id="check-summary-title">{t('summaryTitle')}</h2>
        <p data-testid="check-summary">
          {t('summary', { agent, language: result.language, detected: result.detected ? t('detected') : '', errors: count('error'), warnings: count('warning'), infos: count('info') })}
        </p>
        {result.findings.length === 0 ? <p className="check-clean">{t('clean')}</p> : null}
        {result.findings.length > 0 ? (
          <>
            <h3>{t('findingsTitle')}</h3>
            <ul className="check-findings" data-testid="check-findings">
              {result.findings.map((f, i) => (
                <li key={i} className={`sev-${f.severity}`} data-rule={f.rule} data-line={f.line}>
                  <span className="check-badge">{t(`severity_${f.severity}`)}</span> <a href={`#L${f.line}`}>{t('goToLine', { line: f.line, message: f.message })}</a> <code>{f.rule}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="check-source-section" aria-labelledby="check-source-title">
        <h2 id="check-source-title">{t('sourceTitle')}</h2>
        {/* Focusable: it scrolls on its own, and keyboard users must be able to scroll it. */}
        <div className="check-source" data-testid="check-source" role="region" aria-label={t('sourceRegion')} tabIndex={0}>
          {lines.map((text, i) => {
            const n = i + 1;
            const found = byLine.get(n);
            const worst = found?.some((f) => f.severity === 'error') ? 'error' : found?.some((f) => f.severity === 'warning') ? 'warning' : found ? 'info' : undefined;
            return (
              <div key={n} id={`L${n}`} className={worst ? `check-line has-${worst}` : 'check-line'} data-line={n} data-severity={worst}>
                <span className="check-ln" aria-hidden="true">
                  {n}
                </span>
                <code className="check-text">{text === '' ? ' ' : text}</code>
                {found ? (
                  <div className="check-notes" data-testid="check-note">
                    {found.map((f, j) => (
                      <p key={j} className={`check-note sev-${f.severity}`}>
                        <span className="visually-hidden">{t('lineLabel', { line: n })} </span>
                        <span className="check-badge">{t(`severity_${f.severity}`)}</span> {f.message} <span className="check-fix">{t('fix')} {f.fix}</span> <code>{f.rule}</code>
                      </p>
                    ))}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </section>
      <Fixed result={result} source={source} filename={filename} notice={notice} onNotice={onNotice} />
      <section className="check-wizard" aria-labelledby="check-wizard-title">
        <h2 id="check-wizard-title">{t('wizardTitle')}</h2>
        <p>{t('wizardHelp')}</p>
        <a className="check-primary check-link-button" href={wizardHref} data-testid="check-open-wizard">
          {t('openWizard')}
        </a>
      </section>
    </>
  );
}

function Fixed({ result, source, filename, notice, onNotice }: { result: LintResponse; source: string; filename?: string; notice: string; onNotice: (n: string) => void }) {
  const t = useT(lintMessages);
  const fixed = result.fixed;
  const rows = useMemo(() => (fixed === undefined ? [] : lineDiff(source, fixed)), [source, fixed]);
  if (fixed === undefined) {
    return (
      <section className="check-fixed" aria-labelledby="check-fixed-title">
        <h2 id="check-fixed-title">{t('fixedTitle')}</h2>
        <p>{t('noFixed')}</p>
      </section>
    );
  }
  const download = () => {
    const url = URL.createObjectURL(new Blob([fixed], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename ?? `fixed-${result.agent}.conf`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="check-fixed" aria-labelledby="check-fixed-title" data-testid="check-fixed">
      <h2 id="check-fixed-title">{t('fixedTitle')}</h2>
      <p>{result.fixedFrom === 'rendered' ? t('fixedRendered') : t('fixedEdited')}</p>
      {result.notes.map((n, i) => (
        <p key={i} className="check-help">
          {n}
        </p>
      ))}
      <div className="check-actions">
        <button
          type="button"
          className="check-primary"
          data-testid="check-copy"
          onClick={() =>
            copyText(fixed).then(
              () => onNotice(t('copied')),
              () => onNotice(t('copyFailed')),
            )
          }
        >
          {t('copyFixed')}
        </button>
        <button type="button" data-testid="check-download" onClick={download}>
          {t('download')}
        </button>
      </div>
      <p role="status" className="check-help" data-testid="check-notice">
        {notice}
      </p>
      <div className="check-diff" role="region" aria-label={t('diffLabel')} tabIndex={0} data-testid="check-diff">
        {rows.map((r, i) =>
          r.kind === 'fold' ? (
            <div key={i} className="check-diff-fold">
              {t('unchanged', { count: r.count })}
            </div>
          ) : (
            <div key={i} className={`check-diff-row diff-${r.kind}`} data-kind={r.kind}>
              <span className="check-ln" aria-hidden="true">
                {r.oldLine ?? ''}
              </span>
              <span className="check-ln" aria-hidden="true">
                {r.newLine ?? ''}
              </span>
              <span className="check-diff-sign">{r.kind === 'added' ? <abbr title={t('diffAdded')}>+</abbr> : r.kind === 'removed' ? <abbr title={t('diffRemoved')}>−</abbr> : ' '}</span>
              <code className="check-text">{r.text === '' ? ' ' : r.text}</code>
            </div>
          ),
        )}
      </div>
    </section>
  );
}
