/**
 * The README.md of the download bundle: what each file is, then every agent's
 * steps in order, commands in fenced blocks ready to paste. Pure, so the zip the
 * browser builds and the tests read the same text.
 */
import { AGENT_IDS, agentMeta, type AgentId } from '../agents/meta';
import type { Settings } from '../settings/schema';
import type { RenderResult, RenderStep } from '../agents/types';
import { kafkaEndpoint } from '../sls/endpoints';

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
}

const DEPLOY_LINE: Readonly<Record<NonNullable<ReadmeInput['deploy']>, string>> = {
  host: 'Deploy on: **host** (Linux and Windows): the install scripts and the steps below; choose Kubernetes or Docker in the wizard for manifests or compose files.',
  kubernetes: 'Deploy on: **Kubernetes**: the manifests in `kubernetes/` and the steps below; choose host or Docker in the wizard for install scripts or compose files.',
  docker: 'Deploy on: **Docker**: a `compose.yaml` per agent and the steps below; choose host or Kubernetes in the wizard for install scripts or manifests.',
};

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

function stepMarkdown(step: RenderStep, number: number): string {
  const lines: string[] = [];
  const warning = step.kind === 'warning';
  lines.push(`### ${number}. ${warning ? 'Warning: ' : ''}${prose(step.title)}`, '');
  if (step.detail) lines.push(warning ? `> ${prose(step.detail).replace(/\n/g, '\n> ')}` : prose(step.detail), '');
  for (const command of step.commands ?? []) {
    const f = fence(command);
    lines.push(`${f}sh`, command, f, '');
  }
  return lines.join('\n');
}

export function bundleReadme({ result, settings, files, holdsSecret, shareUrl, deploy }: ReadmeInput): string {
  const endpoint = kafkaEndpoint(settings);
  const out: string[] = [];
  out.push(`# SLS Kafka configuration for ${inlineCode(settings.project)} / ${inlineCode(settings.logstore)}`, '');
  out.push(
    `Region ${inlineCode(settings.region)}, SLS Kafka endpoint ${inlineCode(endpoint.bootstrap)}, topic ${inlineCode(
      settings.expandJson ? `${settings.logstore}.json` : settings.logstore,
    )}, SASL username ${inlineCode(settings.project)}.`,
    '',
  );
  if (deploy) out.push(DEPLOY_LINE[deploy], '');
  if (settings.target === 'sandbox') {
    out.push(
      'These configs point at the wizard’s **sandbox** endpoint, not at SLS: use them for a local trial, then render them again with target “sls”.',
      '',
    );
  }
  if (holdsSecret) {
    out.push(
      '> **Warning:** some files in this bundle contain your AccessKey secret. Keep the bundle private, copy the files with owner-only permissions as the steps show, and delete the download afterwards.',
      '',
    );
  }
  out.push('## Files', '');
  for (const file of files) out.push(`- ${inlineCode(file.path)}: ${prose(file.description)}`);
  out.push('');
  if (shareUrl) out.push('Open these settings in the wizard again (the link holds no AccessKey):', '', `<${shareUrl}>`, '');

  for (const agent of AGENT_IDS) {
    const steps = result.steps.filter((s) => s.agent === agent);
    if (steps.length === 0) continue;
    out.push(`## ${prose(agentMeta(agent as AgentId).label.en)}`, '');
    steps.forEach((step, index) => out.push(stepMarkdown(step, index + 1)));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
