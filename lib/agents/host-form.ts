/**
 * The region-only host form (`hostForm: region`, `<region>.log.aliyuncs.com`
 * without the project prefix), said where it is chosen: one note text, a
 * comment block each renderer puts next to its bootstrap line, a warning step
 * every agent gets (added by the registry), and a fallback that puts the
 * comment at the top of a file whose renderer did not (any agent, present or
 * future, whose config language comments with `#`).
 * Source: SLS's current Kafka page gives the endpoint only as
 * `Project名称.Endpoint:Port` (docs/agents/day-two-facts.md#3-sls-host-form-the-project-prefix).
 */
import type { RenderContext } from './context';
import type { AgentId, AgentRender, RenderedFile, RenderStep } from './types';
import { sayer } from './common/say';
import texts from './common/step-texts.json';

/** The page that states the form, cited in every note. */
export const HOST_FORM_SOURCE_URL = 'https://help.aliyun.com/document_detail/49021.html';

/** A phrase every comment and step carries, so the fallback can see that a renderer already placed it. */
export const HOST_FORM_MARKER = 'project prefix is required';

/** True when the settings chose the region-only host. */
export function regionHostForm(ctx: RenderContext): boolean {
  return ctx.settings.hostForm === 'region';
}

/** The host with the prefix, as SLS documents it: what the user should switch to. */
function documentedHost(ctx: RenderContext): string {
  return `${ctx.username}.${ctx.slsEndpoint.host}:${ctx.slsEndpoint.port}`;
}

/** One paragraph for steps, the doctor and comments; undefined for the documented form. */
export function hostFormNote(ctx: RenderContext): string | undefined {
  if (!regionHostForm(ctx)) return undefined;
  return sayer(texts, ctx.lang)('hostFormNote', {
    bootstrap: ctx.slsEndpoint.bootstrap,
    marker: HOST_FORM_MARKER,
    source: HOST_FORM_SOURCE_URL,
    documented: documentedHost(ctx),
  });
}

/**
 * The note as comment lines (`marker` + space + text), wrapped near 78
 * columns, or [] for the documented form. Plain ASCII, which every config
 * language keeps in a comment.
 */
export function hostFormCommentLines(ctx: RenderContext, marker = '#', indent = ''): string[] {
  if (!regionHostForm(ctx)) return [];
  const text = [
    `Host form "region": ${ctx.slsEndpoint.host} has no project prefix. SLS's current`,
    `documentation says the ${HOST_FORM_MARKER}: the Kafka endpoint is`,
    `${documentedHost(ctx)} (<project>.<endpoint>:<port>,`,
    `${HOST_FORM_SOURCE_URL}). The region-only host is the 2019 form;`,
    'switch to the prefixed host unless your endpoint needs the old one.',
  ];
  return text.map((line) => `${indent}${marker} ${line}`);
}

/** The warning step each agent gets when the region form is chosen. */
export function hostFormStep(agent: AgentId, ctx: RenderContext): RenderStep | undefined {
  const note = hostFormNote(ctx);
  if (note === undefined) return undefined;
  return { agent, kind: 'warning', title: sayer(texts, ctx.lang)('hostFormTitle'), detail: note };
}

/**
 * Config languages whose line comments start with `#` (where the fallback may
 * add the note). Languages added later (rsyslog, syslog-ng, properties, …)
 * join this list when their comment syntax is `#` too.
 */
export const HASH_COMMENT_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'toml', 'collectd', 'fluentd', 'logstash', 'fluentbit-classic', 'rainerscript', 'syslog-ng', 'properties']);

function withFileNote(ctx: RenderContext, file: RenderedFile): RenderedFile {
  if (!HASH_COMMENT_LANGUAGES.has(file.language) || file.content.includes(HOST_FORM_MARKER)) return file;
  return { ...file, content: `${hostFormCommentLines(ctx).join('\n')}\n${file.content}` };
}

/**
 * An agent's output with the host-form note added where the renderer left it
 * out: the warning step first (read before anything is installed), and the
 * comment at the top of each `#`-commented file that lacks it. Unchanged for
 * the documented form.
 */
export function withHostFormNote(agent: AgentId, ctx: RenderContext, rendered: AgentRender): AgentRender {
  const step = hostFormStep(agent, ctx);
  if (step === undefined) return rendered;
  const hasStep = rendered.steps.some((s) => s.detail?.includes(HOST_FORM_MARKER));
  return {
    files: rendered.files.map((file) => withFileNote(ctx, file)),
    steps: hasStep ? rendered.steps : [step, ...rendered.steps],
  };
}
