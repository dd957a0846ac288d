'use client';
/**
 * The wizard's output, loaded by ./OutputPanel after the page (so it only ever
 * runs in the browser): the rendered configs (a tab per agent, a tab per
 * file), each agent's steps, Copy buttons, the zip download and the share link.
 *
 * Everything is rendered in the browser from the parsed settings with the same
 * pure renderers the server uses. The AccessKey secret is masked in everything
 * shown and only put in by Copy and Download. While the form is invalid the
 * last valid output stays, dimmed, with the problems to fix; copy and download
 * pause so nobody takes a config that no longer matches the form.
 */
import { useMemo, useState } from 'react';
import { renderSettings, type RenderResult } from '@/lib/agents';
import type { SandboxTarget } from '@/lib/agents/context';
import { AGENT_IDS, agentTitle, type AgentId } from '@/lib/agents/meta';
import { settingsSchema, type Settings } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { useT } from '@/lib/i18n/react';
import { outputMessages } from '@/lib/i18n/messages/output';
import { copyText } from './clipboard';
import { CodeView } from './CodeView';
import { StepsList } from './StepsList';
import { TabList, tabIds, tabPanelProps } from './Tabs';
import type { OutputPanelProps } from './OutputPanel';

const MAX_ISSUES_SHOWN = 3;

interface Rendered {
  settings: Settings;
  result: RenderResult;
}

type Notice = { kind: 'status' | 'error'; text: string } | null;

/** This page's address with the share hash of `values` (no credentials in it). */
function shareLinkFor(values: OutputPanelProps['values']): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${shareHash(values)}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function OutputBody({ values, settings, sandbox }: OutputPanelProps) {
  const t = useT(outputMessages);
  const idPrefix = 'output';

  // The CA URL in the steps is the wizard's own origin, as the browser sees it.
  const target = useMemo<SandboxTarget>(
    () => ({ ...sandbox, caUrl: sandbox.caUrl || `${window.location.origin}/api/sandbox/ca` }),
    [sandbox],
  );

  const rendered = useMemo<Rendered | { error: string } | null>(() => {
    if (!settings) return null;
    try {
      return { settings, result: renderSettings(settings, { sandbox: target }) };
    } catch (error) {
      return { error: errorText(error) };
    }
  }, [settings, target]);
  const current = rendered && 'result' in rendered ? rendered : null;

  // Keep the last valid output on screen while the form is being fixed.
  const [lastValid, setLastValid] = useState<Rendered | null>(null);
  if (current && current !== lastValid) setLastValid(current);
  const shown = current ?? lastValid;
  const stale = current === null;

  const issues = useMemo(() => {
    if (rendered && 'error' in rendered) return [rendered.error];
    if (settings) return [];
    const parsed = settingsSchema.safeParse(values);
    return parsed.success ? [] : Array.from(new Set(parsed.error.issues.map((issue) => issue.message)));
  }, [rendered, settings, values]);

  const [agentChoice, setAgentChoice] = useState<AgentId | null>(null);
  const [fileChoice, setFileChoice] = useState<Partial<Record<AgentId, string>>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [shareUrl, setShareUrl] = useState('');

  const agents = useMemo(
    () =>
      shown
        ? AGENT_IDS.filter((id) => shown.result.files.some((f) => f.agent === id) || shown.result.steps.some((s) => s.agent === id))
        : [],
    [shown],
  );
  const selectedAgent = agentChoice !== null && agents.includes(agentChoice) ? agentChoice : agents[0];

  function announceCopy(ok: boolean, what: string) {
    setNotice(ok ? { kind: 'status', text: what } : { kind: 'error', text: t('copyFailed') });
  }

  async function copyShareLink() {
    const url = shareLinkFor(values);
    setShareUrl(url);
    try {
      await copyText(url);
      setNotice({ kind: 'status', text: t('shareCopied') });
    } catch {
      setNotice({ kind: 'error', text: t('copyFailed') });
    }
  }

  async function download() {
    if (!current || busy) return;
    setBusy(true);
    setNotice({ kind: 'status', text: t('downloading') });
    const { settings: s, result } = current;
    try {
      let sandboxCaPem: string | undefined;
      let caProblem: string | undefined;
      if (s.target === 'sandbox') {
        try {
          const response = await fetch('/api/sandbox/ca', { cache: 'no-store' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          sandboxCaPem = await response.text();
        } catch (error) {
          caProblem = errorText(error);
        }
      }
      const [{ bundleEntries, bundleFileName }, { zipBundle }] = await Promise.all([
        import('@/lib/bundle'),
        import('@/lib/bundle/zip'),
      ]);
      const entries = bundleEntries({ result, settings: s, sandboxCaPem, shareUrl: shareLinkFor(values), renderOptions: { sandbox: target } });
      const bytes = await zipBundle(entries);
      const name = bundleFileName(s);
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/zip' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);

      const secretFiles = result.files
        .filter((f) => f.content.includes(s.accessKeySecret))
        .map((f) => `${f.agent}/${f.path}`);
      const parts = [t('downloaded', { name })];
      if (secretFiles.length > 0) parts.push(t('downloadSecretWarning', { files: secretFiles.join(', ') }));
      if (caProblem) parts.push(t('caMissing', { reason: caProblem, url: target.caUrl }));
      setNotice({ kind: caProblem ? 'error' : 'status', text: parts.join(' ') });
    } catch (error) {
      setNotice({ kind: 'error', text: t('downloadFailed', { reason: errorText(error) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="output-panel" aria-labelledby="output-title">
      <h2 id="output-title">{t('title')}</h2>

      {!shown ? (
        rendered && 'error' in rendered ? (
          <p className="error" role="alert">
            {rendered.error}
          </p>
        ) : (
          <p className="output-empty" data-testid="output-empty">
            {t('empty')}
          </p>
        )
      ) : (
        <>
          <p className="help">{t('intro')}</p>
          {stale ? (
            <div className="output-stale-note warning" data-testid="output-stale">
              <p>{t('stale')}</p>
              <ul>
                {issues.slice(0, MAX_ISSUES_SHOWN).map((message) => (
                  <li key={message}>{message}</li>
                ))}
                {issues.length > MAX_ISSUES_SHOWN ? <li>{t('staleMore', { count: issues.length - MAX_ISSUES_SHOWN })}</li> : null}
              </ul>
            </div>
          ) : null}

          <div className="output-actions">
            <button type="button" onClick={download} disabled={stale || busy} aria-describedby={`${idPrefix}-download-help`}>
              {busy ? t('downloading') : t('download')}
            </button>
            <button type="button" onClick={copyShareLink} aria-describedby={`${idPrefix}-share-help`}>
              {t('share')}
            </button>
            <p className="help" id={`${idPrefix}-download-help`}>
              {t('downloadHelp')}
            </p>
            <p className="help" id={`${idPrefix}-share-help`}>
              {t('shareHelp')}
            </p>
            {shareUrl ? (
              <label className="output-share-link">
                {t('shareLinkLabel')}
                <input type="text" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
              </label>
            ) : null}
          </div>

          <p className={notice?.kind === 'error' ? 'output-notice error' : 'output-notice'} role="status" aria-live="polite" data-testid="output-notice">
            {notice?.text ?? ''}
          </p>

          {agents.length === 0 ? (
            <p className="output-empty">{t('noAgents')}</p>
          ) : (
            <div className={stale ? 'output-body stale' : 'output-body'} data-testid="output-body">
              <TabList
                label={t('agentsLabel')}
                idPrefix={`${idPrefix}-agent`}
                items={agents.map((id) => ({ key: id, label: agentTitle(id) }))}
                selected={selectedAgent ?? ''}
                onSelect={(key) => setAgentChoice(key as AgentId)}
                className="output-tabs output-agent-tabs"
              />
              {agents.map((agent) => {
                const files = shown.result.files.filter((f) => f.agent === agent);
                const chosen = fileChoice[agent];
                const selectedFile = files.some((f) => f.path === chosen) ? chosen : files[0]?.path;
                const isAgentSelected = agent === selectedAgent;
                const filePrefix = `${idPrefix}-file-${agent}`;
                return (
                  <div key={agent} {...tabPanelProps(`${idPrefix}-agent`, agent, isAgentSelected)} className="output-agent-panel">
                    {files.length > 0 ? (
                      <>
                        <TabList
                          label={t('filesLabel', { agent: agentTitle(agent) })}
                          idPrefix={filePrefix}
                          items={files.map((f) => ({ key: f.path, label: f.path }))}
                          selected={selectedFile ?? ''}
                          onSelect={(key) => setFileChoice((prev) => ({ ...prev, [agent]: key }))}
                          className="output-tabs output-file-tabs"
                        />
                        {files.map((file) => {
                          const isFileSelected = file.path === selectedFile;
                          return (
                            <div key={file.path} {...tabPanelProps(filePrefix, file.path, isFileSelected)} className="output-file-panel">
                              <CodeView
                                file={file}
                                secret={shown.settings.accessKeySecret}
                                active={isAgentSelected && isFileSelected}
                                copyDisabled={stale}
                                onCopy={(ok, path) => announceCopy(ok, t('copiedFile', { path }))}
                              />
                            </div>
                          );
                        })}
                      </>
                    ) : null}
                    <StepsList
                      agentName={agentTitle(agent)}
                      steps={shown.result.steps.filter((s) => s.agent === agent)}
                      secret={shown.settings.accessKeySecret}
                      headingId={`${tabIds(`${idPrefix}-agent`, agent).panel}-steps`}
                      copyDisabled={stale}
                      onCopy={(ok) => announceCopy(ok, t('copiedCommand'))}
                    />
                  </div>
                );
              })}
            </div>
          )}
        </>
      )}
    </section>
  );
}
