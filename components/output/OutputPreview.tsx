/**
 * The output as the server renders it for the empty form (issue 13: output
 * first): the default agents' files and steps with the marked placeholders,
 * as plain HTML in the panel's own layout. It is what a phone paints first;
 * the interactive panel (./OutputBody, with the renderers, tabs, Copy and
 * highlighting) replaces it once the user interacts or the page has been idle
 * (components/wizard/first-interaction), so none of that code is in the first load.
 *
 * A server component: the same renderers and placeholders as the browser, in
 * English (the language the page is served in; the browser switches after).
 */
import { renderSettings } from '@/lib/agents';
import type { SandboxTarget } from '@/lib/agents/context';
import { AGENT_IDS, agentTitle } from '@/lib/agents/meta';
import type { StepPlatform } from '@/lib/agents/types';
import { format, pick, type Message } from '@/lib/i18n/core';
import { languageNames, outputMessages } from '@/lib/i18n/messages/output';
import { FORM_DEFAULTS } from '@/lib/settings/form-defaults';
import { settingsSchema } from '@/lib/settings/schema';
import { PLACEHOLDERS, resultWithPlaceholders, withSentinels } from './placeholders';
import { effectivePlatform, visibleSteps } from './step-filter';

const PLATFORM: StepPlatform = 'linux';

function en(message: Message, values?: Record<string, string>): string {
  return format(pick(message, 'en'), values);
}

/** Same ids as ./Tabs (kept in step so the swap to the live panel keeps its anchors). */
function ids(prefix: string, key: string) {
  const safe = key.replace(/[^A-Za-z0-9_-]/g, '_');
  return { tab: `${prefix}-tab-${safe}`, panel: `${prefix}-panel-${safe}` };
}

export function OutputPreview({ sandbox }: { sandbox: SandboxTarget }) {
  const t = outputMessages;
  const { input, missing } = withSentinels(FORM_DEFAULTS, (field, value) => settingsSchema.shape[field].safeParse(value).success);
  const settings = settingsSchema.parse(input);
  const result = resultWithPlaceholders(renderSettings(settings, { sandbox }), missing);
  const agents = AGENT_IDS.filter((id) => result.files.some((f) => f.agent === id) || result.steps.some((s) => s.agent === id));
  const selectedAgent = agents[0];

  return (
    <section className="output-panel" aria-labelledby="output-title" data-testid="output-panel" data-preview="">
      <h2 id="output-title">{en(t.title)}</h2>
      <p className="help">{en(t.intro)}</p>
      {missing.length > 0 ? (
        <p className="output-placeholder-note" data-testid="output-placeholders">
          {en(t.placeholdersNote, { placeholders: missing.map((f) => PLACEHOLDERS[f].shown).join(', ') })}
        </p>
      ) : null}
      <div className="output-actions">
        {/* Not wired yet: the live panel takes over at the first touch. */}
        <button type="button" disabled>
          {missing.length > 0 ? en(t.downloadWithPlaceholders) : en(t.download)}
        </button>
        <button type="button" disabled>
          {en(t.share)}
        </button>
        <p className="help">{en(t.downloadHelp)}</p>
        <p className="help">{en(t.shareHelp)}</p>
      </div>
      <p className="output-notice" role="status" aria-live="polite" />
      <div className="output-body">
        <div role="tablist" aria-label={en(t.agentsLabel)} className="output-tabs output-agent-tabs">
          {agents.map((agent) => (
            <button key={agent} type="button" role="tab" id={ids('output-agent', agent).tab} aria-selected={agent === selectedAgent} aria-controls={ids('output-agent', agent).panel} tabIndex={agent === selectedAgent ? 0 : -1}>
              {agentTitle(agent)}
            </button>
          ))}
        </div>
        {agents.map((agent) => {
          const files = result.files.filter((f) => f.agent === agent);
          const selectedFile = files[0]?.path;
          const prefix = `output-file-${agent}`;
          const agentSteps = result.steps.filter((s) => s.agent === agent);
          const steps = visibleSteps(agentSteps, { platform: effectivePlatform(agentSteps, PLATFORM), files, selectedFile });
          const panel = ids('output-agent', agent).panel;
          return (
            <div key={agent} id={panel} role="tabpanel" aria-labelledby={ids('output-agent', agent).tab} hidden={agent !== selectedAgent} className="output-agent-panel">
              {files.length > 0 ? (
                <div role="tablist" aria-label={en(t.filesLabel, { agent: agentTitle(agent) })} className="output-tabs output-file-tabs">
                  {files.map((f) => (
                    <button key={f.path} type="button" role="tab" id={ids(prefix, f.path).tab} aria-selected={f.path === selectedFile} aria-controls={ids(prefix, f.path).panel} tabIndex={f.path === selectedFile ? 0 : -1}>
                      {f.path}
                    </button>
                  ))}
                </div>
              ) : null}
              {files.map((file) => (
                <div key={file.path} id={ids(prefix, file.path).panel} role="tabpanel" aria-labelledby={ids(prefix, file.path).tab} hidden={file.path !== selectedFile} className="output-file-panel">
                  <div className="output-file">
                    <div className="output-file-bar">
                      <span className="output-file-caption">
                        {en(t.fileCaption, { path: file.path, language: en(languageNames[file.language]) })}
                      </span>
                    </div>
                    <pre className="output-code wrap" tabIndex={0} aria-label={file.path} data-testid="file-content" data-path={`${file.agent}/${file.path}`}>
                      <code>{file.content}</code>
                    </pre>
                  </div>
                </div>
              ))}
              {steps.length > 0 ? (
                <section className="output-steps" aria-labelledby={`${panel}-steps`}>
                  <h3 id={`${panel}-steps`}>{en(t.stepsTitle, { agent: selectedFile && files.length > 1 ? `${agentTitle(agent)} · ${selectedFile}` : agentTitle(agent) })}</h3>
                  <ol>
                    {steps.map((step, i) => (
                      <li key={i} className={step.kind === 'warning' ? 'output-step warning' : 'output-step'} data-testid="step">
                        <p className="output-step-title">
                          {step.kind === 'warning' ? <strong className="output-step-badge">{en(t.warning)}: </strong> : null}
                          {step.title}
                        </p>
                        {step.detail ? <p className="output-step-detail">{step.detail}</p> : null}
                        {(step.commands ?? []).map((command, j) => (
                          <div className="output-command" key={j}>
                            <pre>
                              <code>{command}</code>
                            </pre>
                          </div>
                        ))}
                      </li>
                    ))}
                  </ol>
                </section>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
