/**
 * The README.md of the download bundle: what each file is, then every agent's
 * steps in order, commands in fenced blocks ready to paste. Pure, so the zip the
 * browser builds and the tests read the same text.
 */
import { AGENT_IDS, agentMeta, type AgentId } from '../agents/meta';
import type { Settings } from '../settings/schema';
import type { RenderResult, RenderStep } from '../agents/types';
import { kafkaEndpoint } from '../sls/endpoints';
import { pick, type Lang } from '../i18n/core';
import { sayer } from '../agents/common/say';
import texts from './readme-texts.json';
import deployTexts from '../deploy/step-texts.json';

/** The README's own sentences in `lang` (the steps come rendered in it already). */
export const readmeSay = (lang: Lang = 'en') => sayer(texts, lang);

export interface ReadmeFile {
  /** Path inside the bundle, e.g. `beats/filebeat.yml`. */
  path: string;
  description: string;
}

export interface ReadmeInput {
  result: RenderResult;
  settings: Settings;
  /** Every file of the bundle except the README itself. */
  files: readonly ReadmeFile[];
  /** True when some file holds the AccessKey secret (inline mode, or collectd in any mode). */
  holdsSecret: boolean;
  /** A link that reopens these settings in the wizard (no credentials in it). */
  shareUrl?: string;
  /** The "Deploy on" choice the files and steps are for. */
  deploy?: 'host' | 'kubernetes' | 'docker';
  /** The language of the README's prose; English when absent. */
  lang?: Lang;
}

const DEPLOY_LINE = { host: 'deployHost', kubernetes: 'deployKubernetes', docker: 'deployDocker' } as const;

/** A fence longer than any run of backticks in the text, so a command can never end its block early. */
function fence(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Inline code that survives backticks in the value. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/**
 * Prose from the renderers, kept readable as plain text: only what would turn
 * into HTML (`<match>`), emphasis (`*.conf … *.log`) or a heading is escaped.
 */
function prose(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[<*]/g, (c) => `\\${c}`)
    .replace(/^#/gm, '\\#');
}

function stepMarkdown(step: RenderStep, number: number, warningLabel: string): string {
  const lines: string[] = [];
  const warning = step.kind === 'warning';
  lines.push(`### ${number}. ${warning ? warningLabel : ''}${prose(step.title)}`, '');
  if (step.detail) lines.push(warning ? `> ${prose(step.detail).replace(/\n/g, '\n> ')}` : prose(step.detail), '');
  for (const command of step.commands ?? []) {
    const f = fence(command);
    lines.push(`${f}sh`, command, f, '');
  }
  return lines.join('\n');
}

export function bundleReadme({ result, settings, files, holdsSecret, shareUrl, deploy, lang = 'en' }: ReadmeInput): string {
  const say = readmeSay(lang);
  const endpoint = kafkaEndpoint(settings);
  const out: string[] = [];
  out.push(`# ${say('title', { project: inlineCode(settings.project), logstore: inlineCode(settings.logstore) })}`, '');
  out.push(
    say('summary', {
      region: inlineCode(settings.region),
      endpoint: inlineCode(endpoint.bootstrap),
      topic: inlineCode(settings.expandJson ? `${settings.logstore}.json` : settings.logstore),
      project: inlineCode(settings.project),
    }),
    '',
  );
  if (deploy) out.push(sayer(deployTexts, lang)(DEPLOY_LINE[deploy]), '');
  if (settings.target === 'sandbox') out.push(say('sandbox'), '');
  if (holdsSecret) out.push(say('holdsSecret'), '');
  out.push(`## ${say('files')}`, '');
  for (const file of files) out.push(`- ${inlineCode(file.path)}: ${prose(file.description)}`);
  out.push('');
  if (shareUrl) out.push(say('share'), '', `<${shareUrl}>`, '');

  for (const agent of AGENT_IDS) {
    const steps = result.steps.filter((s) => s.agent === agent);
    if (steps.length === 0) continue;
    out.push(`## ${prose(pick(agentMeta(agent as AgentId).label, lang))}`, '');
    steps.forEach((step, index) => out.push(stepMarkdown(step, index + 1, say('warning'))));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
