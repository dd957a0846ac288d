/**
 * Vector on a Linux host (install.sh), complete mode only (output-only needs
 * your own vector.yaml, which the check would need too). As steps.ts: the file
 * in /etc/vector (root:vector, 640), the sandbox CA, and /etc/default/vector
 * (600) with VECTOR_CONFIG, in env mode plus the interpolation switch and the
 * password. The script writes that file whole: other settings you keep there
 * must be added back. Check: `vector validate --no-environment FILE`.
 * Compose (complete mode): the DaemonSet's image (docs/agents/vector.md), the
 * file at /etc/vector, the host's /var/log read-only, the data dir on a volume;
 * in env mode the interpolation switch is set in the file, the password comes
 * from the env_file.
 */
import { composeEnvFile } from '../../deploy/compose';
import type { AgentDeploy, InstallFile } from '../types';
import { DATA_DIR, sandboxCaPath, VECTOR_CONFIG_DIR } from './config';
import { VECTOR_K8S_IMAGE } from './k8s';
import type { VectorOptions } from './schema';
import { ALLOW_INTERPOLATION_VAR, SERVICE_ENV_FILE, vectorConfigPaths, vectorFileName } from './steps';

export const vectorDeploy: AgentDeploy<VectorOptions> = {
  host(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const name = vectorFileName(options);
    const target = `${VECTOR_CONFIG_DIR}/${name}`;
    const files: InstallFile[] = [{ source: name, dest: target, owner: 'root', group: 'vector', mode: '640' }];
    const ca = sandboxCaPath(ctx);
    if (ctx.sandbox && ca) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: ca, owner: 'root', group: 'root', mode: '644' });
    const configLine = `VECTOR_CONFIG=${vectorConfigPaths(options).join(',')}`;
    const env = ctx.secretMode === 'env';
    if (!env) files.push({ content: `${configLine}\n`, dest: SERVICE_ENV_FILE, owner: 'root', group: 'root', mode: '600' });
    return {
      binary: 'vector',
      installCommands: ['bash -c "$(curl -L https://setup.vector.dev)"', 'apt-get install -y vector   # RHEL family: yum install -y vector'],
      files,
      envFile: env
        ? { path: SERVICE_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root', extraLines: [configLine, `${ALLOW_INTERPOLATION_VAR}=true`] }
        : undefined,
      check: { argv: ['vector', 'validate', '--no-environment', { path: target }], withEnv: true },
      service: 'vector',
      watch: ['systemctl status vector --no-pager', "journalctl -u vector --since '-5 min' --no-pager"],
    };
  },
  compose(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const name = vectorFileName(options);
    const target = `${VECTOR_CONFIG_DIR}/${name}`;
    const mounts = [{ source: `./${name}`, target }, { source: '/var/log', target: '/var/log' }];
    const ca = sandboxCaPath(ctx);
    if (ctx.sandbox && ca) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: ca });
    const env = ctx.secretMode === 'env';
    return {
      service: 'vector',
      image: VECTOR_K8S_IMAGE,
      imageNote: `${VECTOR_K8S_IMAGE}, the release the wizard's Vector notes were checked on (Vector has no version option).`,
      command: ['--config', target],
      mounts,
      volumes: [{ name: 'vector-data', target: DATA_DIR }],
      ...(env ? { extra: { environment: { [ALLOW_INTERPOLATION_VAR]: 'true' } } } : {}),
      envFile: composeEnvFile(ctx),
    };
  },
};
