/**
 * Writes an agent's `compose.yaml` from its ComposeSpec (lib/agents/<id>/deploy.ts):
 * one service on the agent's pinned image, the config and CA mounted
 * read-only from the bundle folder, and in env mode the password from an
 * `env_file` the user creates next to it (never in the bundle, never in this
 * file). Written with js-yaml, so every value is quoted as YAML needs.
 */
import { dump } from 'js-yaml';
import type { RenderContext } from '../agents/context';
import type { ComposeSpec } from '../agents/types';

export const COMPOSE_FILE_NAME = 'compose.yaml';

/** Env mode: the file next to compose.yaml the user creates with the password (the compose step's `printf` writes it). */
export const COMPOSE_ENV_FILE = 'sls-kafka.env';

/** A ComposeSpec's `envFile`: the password's env file in env mode, none inline. */
export function composeEnvFile(ctx: Pick<RenderContext, 'secretMode' | 'passwordEnvVar'>): ComposeSpec['envFile'] {
  return ctx.secretMode === 'env' ? { path: COMPOSE_ENV_FILE, variable: ctx.passwordEnvVar } : undefined;
}

function composeService(spec: ComposeSpec): Record<string, unknown> {
  const service: Record<string, unknown> = { image: spec.image };
  if (spec.user !== undefined) service.user = spec.user;
  if (spec.command) service.command = spec.command;
  if (spec.extra) Object.assign(service, spec.extra);
  service.volumes = [...spec.mounts.map((m) => `${m.source}:${m.target}:ro`), ...(spec.volumes ?? []).map((v) => `${v.name}:${v.target}`)];
  if (spec.envFile) service.env_file = [spec.envFile.path];
  service.restart = 'unless-stopped';
  return service;
}

/** One file, one service per spec (the Beats: one per Beat). */
export function renderComposeFile(agentTitle: string, specs: ComposeSpec | readonly ComposeSpec[]): string {
  const list: readonly ComposeSpec[] = Array.isArray(specs) ? specs : [specs as ComposeSpec];
  const envFiles = [...new Map(list.flatMap((s) => (s.envFile ? [[s.envFile.path, s.envFile] as const] : []))).values()];
  const header = [
    `# ${agentTitle} for Alibaba Cloud SLS in Docker Compose (sls-kafka-wizard).`,
    ...list.map((spec) => `# Image: ${spec.imageNote}`),
    ...[...new Set(list.flatMap((spec) => spec.notes ?? []))].map((n) => `# ${n}`),
    ...envFiles.flatMap((env) => [
      `# Create ${env.path} next to this file first (mode 600, not in version control):`,
      `#   ${env.variable}=AccessKeyId#AccessKeySecret`,
    ]),
    '# Start: docker compose up -d    Watch: docker compose logs -f',
  ];
  const doc: Record<string, unknown> = { services: Object.fromEntries(list.map((spec) => [spec.service, composeService(spec)])) };
  const volumes = list.flatMap((spec) => spec.volumes ?? []);
  if (volumes.length) doc.volumes = Object.fromEntries(volumes.map((v) => [v.name, {}]));
  return `${header.join('\n')}\n${dump(doc, { lineWidth: -1, noRefs: true })}`;
}
