/**
 * Fluentd on a Linux host (install.sh) and in Docker Compose, as the steps in
 * render.ts say. Host: sls-kafka.conf into <confDir>/conf.d (root and the
 * service group, 640: `_fluentd` on deb, `fluentd` on rpm, td-agent for td-agent 4),
 * the sandbox CA, the `@include conf.d/*.conf` line added to the main config
 * when missing and Fluentd is older than 1.19, in env mode the password into <confDir>/sls-kafka.env (600)
 * and the systemd drop-in that loads it; `fluentd --dry-run -c <main config>`
 * (docs/agents/fluentd.md: paths and the dry run); restart.
 * Compose: the fluent/fluentd image carries no Kafka plugin, so the service
 * uses the daemonset project's kafka2 image (fluent-plugin-kafka installed),
 * the same tag as the Kubernetes DaemonSet (docs/agents/fluentd.md, K1).
 */
import { shellQuote } from '../../config-languages/shell/quote';
import { composeEnvFile } from '../../deploy/compose';
import { systemdEnvDropIn } from '../../deploy/host';
import type { AgentDeploy, InstallAction, InstallFile } from '../types';
import { FLUENTD_K8S_IMAGE } from './k8s';
import { FLUENTD_FILE_NAME, FLUENTD_LAYOUTS, type PackageLayout } from './render';
import type { FluentdOptions } from './schema';

/** The image's main config in Compose: the forward input (fluent-cat, Docker's fluentd log driver) into the wizard's block. */
const COMPOSE_MAIN = 'compose-fluent.conf';
const COMPOSE_MAIN_CONTENT = [
  '# Fluentd main config for Docker Compose: events from the forward input (port 24224:',
  '# fluent-cat, or Docker\'s fluentd log driver) go out through sls-kafka.conf.',
  '<source>',
  '  @type forward',
  '  port 24224',
  '  bind 0.0.0.0',
  '</source>',
  `@include ${FLUENTD_FILE_NAME}`,
  '',
].join('\n');

const INSTALL: Readonly<Record<FluentdOptions['package'], string[]>> = {
  'fluent-package': [
    '# fluent-package 5 LTS (docs.fluentd.org/installation); Ubuntu 24.04 shown, pick your distribution there:',
    'curl -fsSL https://fluentd.cdn.cncf.io/sh/install-ubuntu-noble-fluent-package5-lts.sh | sh',
  ],
  'td-agent': ['# td-agent 4 is end of life; install fluent-package 5 LTS instead (docs.fluentd.org/installation)'],
};

/** The command of each package on PATH, and where the package puts it. */
const BINARY: Readonly<Record<FluentdOptions['package'], { name: string; fallback: string }>> = {
  'fluent-package': { name: 'fluentd', fallback: '/opt/fluent/bin/fluentd' },
  'td-agent': { name: 'td-agent', fallback: '/opt/td-agent/bin/td-agent' },
};

const INCLUDE_LINE = '@include conf.d/*.conf';

/**
 * The @include line in the main config, added only when missing and only for
 * Fluentd before 1.19: from 1.19 (fluent-package 6) conf.d loads by itself and
 * 1.19.0–1.19.1 fail to start when a file is loaded twice (the steps' own test,
 * layout.autoIncludeTest; docs/agents/fluentd.md#package-commands).
 */
function includeAction(layout: PackageLayout): InstallAction {
  const main = `"$DESTDIR"${shellQuote(layout.mainConf)}`;
  const auto = layout.autoIncludeTest?.replace(/^sudo fluentd /, '"$AGENT" ');
  if (layout.autoIncludeTest && auto === layout.autoIncludeTest) throw new Error('fluentd: autoIncludeTest no longer starts with “sudo fluentd”.');
  const present = `{ [ -f ${main} ] && grep -qxF ${shellQuote(INCLUDE_LINE)} ${main}; }`;
  return {
    what: `add “${INCLUDE_LINE}” to ${layout.mainConf} (Fluentd before 1.19 only)`,
    unless: auto ? `{ ${auto}; } || ${present}` : present,
    run: `mkdir -p "$(dirname ${main})" && printf '%s\\n' ${shellQuote(INCLUDE_LINE)} >> ${main}`,
  };
}

export const fluentdDeploy: AgentDeploy<FluentdOptions> = {
  host(ctx, options) {
    const layout = FLUENTD_LAYOUTS[options.package];
    const td = options.package === 'td-agent';
    const files: InstallFile[] = [
      {
        source: FLUENTD_FILE_NAME,
        dest: `${layout.confDir}/conf.d/${FLUENTD_FILE_NAME}`,
        owner: 'root',
        group: td ? 'td-agent' : '_fluentd',
        ...(td ? {} : { altGroups: ['fluentd'] }),
        mode: '640',
      },
    ];
    if (ctx.sandbox) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: `${layout.confDir}/${ctx.sandbox.caFileName}`, owner: 'root', group: 'root', mode: '644' });
    const env = ctx.secretMode === 'env';
    const envFile = `${layout.confDir}/sls-kafka.env`;
    if (env) {
      files.push(systemdEnvDropIn(layout.service, envFile));
    }
    const binary = BINARY[options.package];
    return {
      binary: binary.name,
      binaryFallbacks: [binary.fallback],
      installCommands: INSTALL[options.package],
      files,
      actions: [includeAction(layout)],
      envFile: env ? { path: envFile, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv: [binary.name, '--dry-run', '-c', { path: layout.mainConf }], withEnv: true },
      service: layout.service,
      watch: [`systemctl status ${layout.service} --no-pager`, `tail -f ${layout.logFile}`],
    };
  },
  compose(ctx, options) {
    const layout = FLUENTD_LAYOUTS[options.package];
    const mounts = [
      { source: `./${COMPOSE_MAIN}`, target: '/fluentd/etc/fluent.conf' },
      { source: `./${FLUENTD_FILE_NAME}`, target: `/fluentd/etc/${FLUENTD_FILE_NAME}` },
    ];
    if (ctx.sandbox) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: `${layout.confDir}/${ctx.sandbox.caFileName}` });
    else if (options.caMode === 'file') mounts.push({ source: options.caPath, target: options.caPath });
    return {
      service: 'fluentd',
      image: FLUENTD_K8S_IMAGE,
      imageNote: `${FLUENTD_K8S_IMAGE}, the fluentd-kubernetes-daemonset kafka2 image (fluent-plugin-kafka installed); the plain fluent/fluentd image has no Kafka plugin (install it with fluent-gem in your own image to use that one).`,
      mounts,
      // The buffer and <secondary> folders of the rendered block, kept across restarts.
      volumes: [{ name: 'fluentd-buffer', target: layout.bufferPath.replace(/\/buffer\/sls-kafka$/, '') }],
      extra: { ports: ['24224:24224'] },
      envFile: composeEnvFile(ctx),
      files: [{ name: COMPOSE_MAIN, content: COMPOSE_MAIN_CONTENT }],
    };
  },
};
