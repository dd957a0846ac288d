/**
 * Writes an agent's `compose.yaml` from its ComposeSpec (lib/agents/<id>/deploy.ts):
 * one service on the agent's pinned image, the config and CA mounted
 * read-only from the bundle folder, and in env mode the password from an
 * `env_file` the user creates next to it (never in the bundle, never in this
 * file). Written with js-yaml, so every value is quoted as YAML needs.
 */
import { dump } from 'js-yaml';
import type { ComposeSpec } from '../agents/types';

export const COMPOSE_FILE_NAME = 'compose.yaml';

export function renderComposeFile(agentTitle: string, spec: ComposeSpec): string {
  const service: Record<string, unknown> = { image: spec.image };
  if (spec.user !== undefined) service.user = spec.user;
  if (spec.command) service.command = spec.command;
  service.volumes = [...spec.mounts.map((m) => `${m.source}:${m.target}:ro`), ...(spec.volumes ?? []).map((v) => `${v.name}:${v.target}`)];
  if (spec.envFile) service.env_file = [spec.envFile.path];
  service.restart = 'unless-stopped';
  const header = [
    `# ${agentTitle} for Alibaba Cloud SLS in Docker Compose (sls-kafka-wizard).`,
    `# Image: ${spec.imageNote}`,
    ...(spec.envFile
      ? [
          `# Create ${spec.envFile.path} next to this file first (mode 600, not in version control):`,
          `#   ${spec.envFile.variable}=AccessKeyId#AccessKeySecret`,
        ]
      : []),
    '# Start: docker compose up -d    Watch: docker compose logs -f',
  ];
  const doc: Record<string, unknown> = { services: { [spec.service]: service } };
  if (spec.volumes?.length) doc.volumes = Object.fromEntries(spec.volumes.map((v) => [v.name, {}]));
  return `${header.join('\n')}\n${dump(doc, { lineWidth: -1, noRefs: true })}`;
}
