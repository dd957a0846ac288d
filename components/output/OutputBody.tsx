'use client';
/**
 * The wizard's output, loaded by ./OutputPanel after the page (so it only ever
 * runs in the browser): the rendered configs (a tab per agent, a tab per
 * file), each agent's steps, Copy buttons, the zip download and the share link.
 *
 * Everything is rendered in the browser from the form's values with the same
 * pure renderers the server uses, from the start: a project, Logstore or
 * AccessKey not (validly) typed yet shows as a marked placeholder
 * (./placeholders), and Copy and Download say so. The AccessKey secret is
 * masked in everything shown and only put in by Copy and Download. While an
 * agent option is invalid the last valid output stays, dimmed, with the
 * problems to fix; copy and download pause so nobody takes a config that no
 * longer matches the form. Steps show for the chosen platform and the open file,
 * and follow the "Deploy on" choice (host, Kubernetes, Docker; lib/deploy/choice),
 * which the share link and the zip carry too.
 */
import { useMemo, useRef, useState } from 'react';
import { renderSettings, type RenderResult } from '@/lib/agents';
import type { StepPlatform } from '@/lib/agents/types';
import type { SandboxTarget } from '@/lib/agents/context';
import { AGENT_IDS, agentTitle, type AgentId } from '@/lib/agents/meta';
import { settingsSchema, type Settings } from '@/lib/settings/schema';
import { readShareExtras, shareHash } from '@/lib/share/url-state';
import { deployPlan, deployPlatform } from '@/lib/deploy/choice';
import { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGETS, type DeployTarget } from '@/lib/deploy/targets';
import { deployMessages } from './deploy-messages';
import { useLang, useT } from '@/lib/i18n/react';
import { outputMessages } from '@/lib/i18n/messages/output';
import { copyText } from './clipboard';
import { CodeView } from './CodeView';
import { StepsList } from './StepsList';
import { TabList, tabIds, tabPanelProps } from './Tabs';
import type { OutputPanelProps } from './OutputPanel';
import { PLACEHOLDERS, placeholdersIn, resultWithPlaceholders, withSentinels, type PlaceholderField } from './placeholders';
import { effectivePlatform, platformsOf, visibleSteps } from './step-filter';
import { useCodeMarks } from './code-marks';

const MAX_ISSUES_SHOWN = 3;
const NO_FILES: readonly never[] = [];

interface Rendered {
  settings: Settings;
  result: RenderResult;
  /** Fields shown as placeholders. */
  missing: PlaceholderField[];
}

type Notice = { kind: 'status' | 'error'; text: string } | null;

/** This page's address with the share hash of `values` (no credentials in it). */
function shareLinkFor(values: OutputPanelProps['values'], platform: StepPlatform, deploy: DeployTarget): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${shareHash(values, { platform, deploy })}`;
}

/** The choice a share link opened with; an older link's Docker or Kubernetes platform means that choice. */
function initialDeploy(platform: StepPlatform): DeployTarget {
  const shared = readShareExtras(window.location.hash).deploy;
  if (shared) return shared;
  return platform === 'docker' || platform === 'kubernetes' ? platform : DEFAULT_DEPLOY_TARGET;
}

/** The settings with the placeholders' text in place of the sentinels (for the bundle's settings.json). */
function shownSettings(settings: Settings, missing: readonly PlaceholderField[]): Settings {
  const out = { ...settings };
  for (const field of missing) out[field] = PLACEHOLDERS[field].shown;
  return out;
}

function fieldValid(field: PlaceholderField, value: unknown): boolean {
  return settingsSchema.shape[field].safeParse(value).success;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function OutputBody({ values, sandbox, platform, onPlatform }: OutputPanelProps) {
  const t = useT(outputMessages);
  const { lang } = useLang();
  const idPrefix = 'output';
  const bodyRef = useRef<HTMLDivElement>(null);

  // The CA URL in the steps is absolute, on the wizard's own origin as the browser sees it
  // (the server passes a path: behind a proxy only the browser knows the scheme and host).
  const target = useMemo<SandboxTarget>(
    () => ({ ...sandbox, caUrl: new URL(sandbox.caUrl || '/api/sandbox/ca', window.location.origin).href }),
    [sandbox],
  );

  // Placeholders for what is not typed yet; only the secret-free fields and the agent options can make this fail.
  const prepared = useMemo(() => {
    const { input, missing } = withSentinels(values, fieldValid);
    return { parsed: settingsSchema.safeParse(input), missing };
  }, [values]);
  const settings = prepared.parsed.success ? prepared.parsed.data : null;

  const rendered = useMemo<Rendered | { error: string } | null>(() => {
    if (!settings) return null;
    try {
      const result = resultWithPlaceholders(renderSettings(settings, { sandbox: target, lang }), prepared.missing);
      return { settings, result, missing: prepared.missing };
    } catch (error) {
      return { error: errorText(error) };
    }
  }, [settings, target, lang, prepared.missing]);
  const current = rendered && 'result' in rendered ? rendered : null;
  const [deploy, setDeploy] = useState<DeployTarget>(() => initialDeploy(platform));

  // Keep the last valid output on screen while the form is being fixed.
  const [lastValid, setLastValid] = useState<Rendered | null>(null);
  if (current && current !== lastValid) setLastValid(current);
  const shown = current ?? lastValid;
  const stale = current === null;

  const issues = useMemo(() => {
    if (rendered && 'error' in rendered) return [rendered.error];
    const { parsed } = prepared;
    return parsed.success ? [] : Array.from(new Set(parsed.error.issues.map((issue) => issue.message)));
  }, [rendered, prepared]);
  // The secret to mask on screen: only a real one.
  const secret = shown && !shown.missing.includes('accessKeySecret') ? shown.settings.accessKeySecret : '';
  useCodeMarks(bodyRef, shown?.result.files ?? NO_FILES);
  // The steps of the "Deploy on" choice: its deploy step first, the other choices' steps left out.
  const plannedSteps = useMemo(() => {
    if (!shown) return [];
    try {
      return deployPlan(deploy, shown.settings, shown.result, { sandbox: target, lang }).steps;
    } catch {
      return shown.result.steps;
    }
  }, [shown, deploy, target, lang]);
  const stepsPlatform = deployPlatform(deploy, platform);

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

  function announceCopy(ok: boolean, what: string, copiedText?: string) {
    const left = copiedText ? placeholdersIn(copiedText) : [];
    const text = left.length > 0 ? `${what} ${t('copiedPlaceholders', { placeholders: left.join(', ') })}` : what;
    setNotice(ok ? { kind: 'status', text } : { kind: 'error', text: t('copyFailed') });
  }

  async function copyShareLink() {
    const url = shareLinkFor(values, platform, deploy);
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
    const { settings: s, result, missing } = current;
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
      const [{ README_PATH, bundleFileName }, { fullBundleEntries }, { zipBundle }] = await Promise.all([
        import('@/lib/bundle'),
        import('@/lib/bundle/kubernetes'),
        import('@/lib/bundle/zip'),
      ]);
      const entries = await fullBundleEntries({
        result,
        settings: shownSettings(s, missing),
        sandboxCaPem,
        shareUrl: shareLinkFor(values, platform, deploy),
        renderOptions: { sandbox: target, lang },
        deploy,
      });
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

      const secretFiles = missing.includes('accessKeySecret')
        ? []
        : entries.filter((e) => e.path !== README_PATH && e.content.includes(s.accessKeySecret)).map((e) => e.path);
      const parts = [t('downloaded', { name })];
      const left = placeholdersIn(result.files.map((f) => f.content).join('\n'));
      if (left.length > 0) parts.push(t('downloadPlaceholders', { placeholders: left.join(', ') }));
      if (secretFiles.length > 0) parts.push(t('downloadSecretWarning', { files: secretFiles.join(', ') }));
      if (caProblem) parts.push(t('caMissing', { reason: caProblem, url: target.caUrl }));
      setNotice({ kind: caProblem ? 'error' : 'status', text: parts.join(' ') });
    } catch (error) {
      setNotice({ kind: 'error', text: t('downloadFailed', { reason: errorText(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const placeholderNote =
    shown && shown.missing.length > 0
      ? t('placeholdersNote', { placeholders: shown.missing.map((f) => PLACEHOLDERS[f].shown).join(', ') })
      : '';

  return (
    <section className="output-panel" aria-labelledby="output-title" data-testid="output-panel">
      <h2 id="output-title">{t('title')}</h2>

      {!shown ? (
        rendered && 'error' in rendered ? (
          <p className="error" data-testid="output-error">
            {t('renderFailed', { reason: rendered.error })}
          </p>
        ) : (
          <div className="output-stale-note warning" data-testid="output-stale">
            <p>{t('blocked')}</p>
            <ul>
              {issues.slice(0, MAX_ISSUES_SHOWN).map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )
      ) : (
        <>
          <p className="help">{t('intro')}</p>
          {placeholderNote && !stale ? (
            <p className="output-placeholder-note" data-testid="output-placeholders">
              {placeholderNote}
            </p>
          ) : null}
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
            <button type="button" onClick={download} disabled={stale || busy} aria-describedby={`${idPrefix}-download-help`} data-testid="download">
              {busy ? t('downloading') : shown.missing.length > 0 ? t('downloadWithPlaceholders') : t('download')}
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

          <DeployPicker selected={deploy} onSelect={setDeploy} />

          {agents.length === 0 ? (
            <p className="output-empty">{t('noAgents')}</p>
          ) : (
            <div className={stale ? 'output-body stale' : 'output-body'} data-testid="output-body" ref={bodyRef}>
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
                const agentSteps = plannedSteps.filter((s) => s.agent === agent);
                // The choice's platform where the agent has steps for it, else the user's Linux/Windows pick.
                const stepPlatform = effectivePlatform(agentSteps, platformsOf(agentSteps).includes(stepsPlatform) ? stepsPlatform : platform);
                const steps = visibleSteps(agentSteps, { platform: stepPlatform, files, selectedFile });
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
                                secret={secret}
                                active={isAgentSelected && isFileSelected}
                                copyDisabled={stale}
                                onCopy={(ok, path) => announceCopy(ok, t('copiedFile', { path }), file.content)}
                              />
                            </div>
                          );
                        })}
                      </>
                    ) : null}
                    {stepPlatform ? (
                      <PlatformPicker
                        agent={agent}
                        offered={platformsOf(agentSteps)}
                        selected={stepPlatform}
                        onSelect={onPlatform}
                      />
                    ) : null}
                    <StepsList
                      agentName={selectedFile && files.length > 1 ? `${agentTitle(agent)} · ${selectedFile}` : agentTitle(agent)}
                      steps={steps}
                      secret={secret}
                      headingId={`${tabIds(`${idPrefix}-agent`, agent).panel}-steps`}
                      copyDisabled={stale}
                      onCopy={(ok, text) => announceCopy(ok, t('copiedCommand'), text)}
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

/** Which platform's steps to show: a radio group (one choice, arrow keys move it). */
function PlatformPicker({
  agent,
  offered,
  selected,
  onSelect,
}: {
  agent: AgentId;
  offered: readonly StepPlatform[];
  selected: StepPlatform;
  onSelect: (platform: StepPlatform) => void;
}) {
  const t = useT(outputMessages);
  return (
    <fieldset className="output-platforms" data-testid="platform-picker">
      <legend>{t('platformLegend')}</legend>
      {offered.map((p) => (
        <label key={p} className={p === selected ? 'selected' : undefined}>
          <input type="radio" name={`platform-${agent}`} value={p} checked={p === selected} onChange={() => onSelect(p)} />{' '}
          {t(`platform.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** "Deploy on": host, Kubernetes or Docker; the steps and the zip follow it. */
function DeployPicker({ selected, onSelect }: { selected: DeployTarget; onSelect: (target: DeployTarget) => void }) {
  const t = useT(deployMessages);
  const tOut = useT(outputMessages);
  return (
    <fieldset className="output-platforms output-deploy" data-testid="deploy-picker" aria-describedby="output-deploy-help">
      <legend>{t('deployLegend')}</legend>
      {DEPLOY_TARGETS.map((target) => (
        <label key={target} className={target === selected ? 'selected' : undefined}>
          <input type="radio" name="deploy-on" value={target} checked={target === selected} onChange={() => onSelect(target)} /> {target === 'host' ? t('deploy.host') : tOut(`platform.${target}`)}
        </label>
      ))}
      <p className="help" id="output-deploy-help">
        {t('deployHelp')}
      </p>
    </fieldset>
  );
}
