/**
 * The OpenTelemetry Collector (contrib) on a Linux host (install.sh) and in
 * Docker Compose, complete mode only (the exporter alone must be merged into
 * your config by hand). Host, as steps.ts: config.yaml (root:otelcol-contrib,
 * 640; the .deb/.rpm create that group), the sandbox CA, in env mode the
 * password into /etc/otelcol-contrib/sls-kafka.env (600) and the systemd
 * drop-in that loads it; `otelcol-contrib validate --config=FILE`. Compose:
 * the contrib image at the release the version choice names (v0.150.0 for
 * “v0.124.0 or later”, as the install step's example; v0.123.0 before it),
 * which reads /etc/otelcol-contrib/config.yaml by default.
 */
import { composeEnvFile } from '../../deploy/compose';
import { systemdEnvDropIn } from '../../deploy/host';
import type { AgentDeploy, InstallFile } from '../types';
import { OTELCOL_CONFIG_DIR, sandboxCaPath } from './config';
import type { OtelcolOptions } from './schema';
import { MAIN_CONFIG, otelcolFileName, SECRET_ENV_FILE } from './steps';

export const OTELCOL_IMAGE = 'otel/opentelemetry-collector-contrib';
export const OTELCOL_IMAGE_TAGS: Readonly<Record<OtelcolOptions['version'], string>> = { post124: '0.150.0', pre124: '0.123.0' };

export const otelcolDeploy: AgentDeploy<OtelcolOptions> = {
  host(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const files: InstallFile[] = [{ source: otelcolFileName(options), dest: MAIN_CONFIG, owner: 'root', group: 'otelcol-contrib', mode: '640' }];
    const ca = sandboxCaPath(ctx);
    if (ctx.sandbox && ca) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: ca, owner: 'root', group: 'root', mode: '644' });
    const env = ctx.secretMode === 'env';
    if (env) files.push(systemdEnvDropIn('otelcol-contrib', SECRET_ENV_FILE));
    return {
      binary: 'otelcol-contrib',
      installCommands: [
        'V=0.150.0   # the release you install',
        'curl -fLO "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v${V}/otelcol-contrib_${V}_linux_amd64.deb"',
        'dpkg -i "otelcol-contrib_${V}_linux_amd64.deb"',
      ],
      files,
      envFile: env ? { path: SECRET_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv: ['otelcol-contrib', 'validate', '--config', { path: MAIN_CONFIG }], withEnv: true },
      service: 'otelcol-contrib',
      watch: ['systemctl status otelcol-contrib --no-pager', "journalctl -u otelcol-contrib --since '-5 min' --no-pager"],
    };
  },
  compose(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const tag = OTELCOL_IMAGE_TAGS[options.version];
    const mounts = [{ source: `./${otelcolFileName(options)}`, target: `${OTELCOL_CONFIG_DIR}/config.yaml` }, { source: '/var/log', target: '/var/log' }];
    const ca = sandboxCaPath(ctx);
    if (ctx.sandbox && ca) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: ca });
    return {
      service: 'otelcol-contrib',
      image: `${OTELCOL_IMAGE}:${tag}`,
      imageNote: `otelcol-contrib v${tag}, for the Collector version chosen in the wizard (${options.version === 'post124' ? 'v0.124.0 or later' : 'before v0.124.0'}).`,
      mounts,
      envFile: composeEnvFile(ctx),
    };
  },
};
