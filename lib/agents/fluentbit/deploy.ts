/**
 * Fluent Bit on a Linux host (install.sh, platform systemd) and in Docker
 * Compose (platform docker), for the complete config only: the output-only
 * file must go into your own main config, which a script cannot edit safely.
 * Host: the config in /etc/fluent-bit (root, 600), the sandbox CA, the tail
 * state directory, and a systemd drop-in (EnvironmentFile in env mode, the
 * YAML ExecStart); in env mode the password goes into its own file,
 * /etc/fluent-bit/sls-kafka.env (600), not /etc/default/fluent-bit, so other
 * settings there are never overwritten. Check: `fluent-bit -c FILE --dry-run`.
 * Compose: the image of layout.ts pinned to the release the team's notes were
 * observed on (docs/agents/fluentbit.md S11, S13).
 */
import type { AgentDeploy, InstallFile } from '../types';
import { caLocation, configDir, DROP_IN_DIR, ENV_FILE_NAME, fileName, IMAGE, PACKAGED_BINARY } from './layout';
import type { FluentbitOptions } from './schema';

export const FLUENTBIT_IMAGE_TAG = '4.2.8';
const HOST_ENV_FILE = '/etc/fluent-bit/sls-kafka.env';

export const fluentbitDeploy: AgentDeploy<FluentbitOptions> = {
  host(ctx, options) {
    if (options.platform !== 'systemd' || options.mode !== 'complete') return undefined;
    const file = fileName(options);
    const target = `${configDir(options)}/${file}`;
    const files: InstallFile[] = [{ source: file, dest: target, owner: 'root', group: 'root', mode: '600' }];
    const ca = caLocation(ctx, options);
    if (ctx.sandbox && ca) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: ca, owner: 'root', group: 'root', mode: '644' });
    const env = ctx.secretMode === 'env';
    const dropIn = ['[Service]'];
    if (env) dropIn.push(`EnvironmentFile=${HOST_ENV_FILE}`);
    // The packaged unit starts fluent-bit.conf; start the file this bundle installs (also for YAML).
    dropIn.push('ExecStart=', `ExecStart=${PACKAGED_BINARY} -c ${target}`);
    files.push({ content: `${dropIn.join('\n')}\n`, dest: `${DROP_IN_DIR}/sls-kafka.conf`, owner: 'root', group: 'root', mode: '644' });
    return {
      binary: 'fluent-bit',
      binaryFallbacks: [PACKAGED_BINARY],
      installCommands: ['curl -fsSL https://raw.githubusercontent.com/fluent/fluent-bit/master/install.sh | sh'],
      directories: [{ path: '/var/lib/fluent-bit', mode: '755' }],
      files,
      envFile: env ? { path: HOST_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv: ['fluent-bit', '-c', { path: target }, '--dry-run'], withEnv: true },
      service: 'fluent-bit',
      watch: ['systemctl is-active fluent-bit', "journalctl -u fluent-bit --since '-5 min' --no-pager | grep -iE 'kafka|error|warn'"],
    };
  },
  compose(ctx, options) {
    if (options.platform !== 'docker' || options.mode !== 'complete') return undefined;
    const file = fileName(options);
    const target = `${configDir(options)}/${file}`;
    const mounts = [{ source: `./${file}`, target }, { source: '/var/log', target: '/var/log' }];
    const ca = caLocation(ctx, options);
    if (ctx.sandbox && ca) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: ca });
    else if (ca) mounts.push({ source: ca, target: ca });
    return {
      service: 'fluent-bit',
      image: `${IMAGE}:${FLUENTBIT_IMAGE_TAG}`,
      imageNote: `Fluent Bit ${FLUENTBIT_IMAGE_TAG}, the release the wizard's Fluent Bit notes were checked on; any 2.0+ reads this file.`,
      command: ['-c', target],
      mounts,
      volumes: [{ name: 'fluent-bit-state', target: '/fluent-bit/state' }],
      envFile: ctx.secretMode === 'env' ? { path: ENV_FILE_NAME, variable: ctx.passwordEnvVar } : undefined,
    };
  },
};
