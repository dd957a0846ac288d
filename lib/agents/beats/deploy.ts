/**
 * The Beats, complete mode only (the output section alone must be merged into
 * your own <beat>.yml by hand), one script per chosen Beat:
 * - Linux (deb/rpm, every Beat but Winlogbeat): `install-<beat>.sh` places
 *   <beat>.yml in /etc/<beat> (root:root, 600, the host name put into
 *   client.id) and the sandbox CA next to it (the config reads it from
 *   path.config), in env mode stores the password in the Beat keystore under
 *   path.data /var/lib/<beat> (`keystore add --stdin --force`, docs/agents/beats.md#secrets),
 *   runs `<beat> test config`, restarts the unit (heartbeat-elastic for Heartbeat).
 * - Windows (every Beat with a service): `install-<beat>.ps1`, the same into
 *   C:\Program Files\<Beat> with the service's --path.data (docs/agents/beats.md#windows-service).
 * - Docker Compose: one service per Beat with a Docker image, on
 *   docker.elastic.co/beats/<beat> at the newest patch of the chosen major
 *   (the tags of the Kubernetes DaemonSet, docs/agents/beats.md#kubernetes-issue-16).
 */
import stepTexts from './step-texts.json';
import { composeEnvFile } from '../../deploy/compose';
import type { AgentDeploy, ComposeSpec, InstallPlan, InstallFile, WindowsInstallPlan } from '../types';
import { BEAT_FACTS } from './catalog';
import { FILEBEAT_K8S_IMAGES } from './k8s';
import type { BeatsOptions } from './schema';

const INSTALL_HINT = [
  '# add the Elastic package repository (elastic.co/guide/en/beats/filebeat/current/setup-repositories.html), then:',
  'apt-get install -y BEAT   # RHEL family: yum install -y BEAT',
];

/** The image tag of the chosen major: the same release as the DaemonSet's Filebeat (Beats ship together). */
export function beatsImageTag(version: BeatsOptions['version']): string {
  return FILEBEAT_K8S_IMAGES[version].split(':')[1]!;
}

export const beatsDeploy: AgentDeploy<BeatsOptions> = {
  host(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const env = ctx.secretMode === 'env';
    const plans: InstallPlan[] = [];
    for (const name of options.beats) {
      const beat = BEAT_FACTS[name];
      if (!beat.linuxService) continue;
      const dir = `/etc/${name}`;
      const data = `/var/lib/${name}`;
      const config = `${dir}/${name}.yml`;
      const files: InstallFile[] = [{ source: `${name}.yml`, dest: config, owner: 'root', group: 'root', mode: '600', hostName: true }];
      if (ctx.sandbox) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: `${dir}/${ctx.sandbox.caFileName}`, owner: 'root', group: 'root', mode: '644' });
      // The deb/rpm wrapper passes these paths too; naming them again lets DESTDIR point elsewhere.
      const paths = ['--path.config', { path: dir }, '--path.data', { path: data }];
      plans.push({
        scriptName: name,
        binary: name,
        installCommands: INSTALL_HINT.map((l) => l.replaceAll('BEAT', name)),
        files,
        keystore: env
          ? {
              key: ctx.passwordEnvVar,
              file: `${data}/${name}.keystore`,
              create: [name, 'keystore', 'create', ...paths],
              list: [name, 'keystore', 'list', ...paths],
              add: [name, 'keystore', 'add', ctx.passwordEnvVar, '--stdin', '--force', ...paths],
              owner: 'root',
              group: 'root',
              mode: '600',
            }
          : undefined,
        check: { argv: [name, 'test', 'config', '-c', { path: config }, ...paths] },
        service: beat.linuxService,
        watch: [`systemctl status ${beat.linuxService} --no-pager`, `journalctl -u ${beat.linuxService} --since '-5 min' --no-pager | grep -iE 'kafka|sasl|error'`],
      });
    }
    return plans;
  },
  windows(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const plans: WindowsInstallPlan[] = [];
    for (const name of options.beats) {
      const beat = BEAT_FACTS[name];
      if (!beat.windowsService) continue;
      const files: WindowsInstallPlan['files'] = [{ source: `${name}.yml`, dest: `${name}.yml`, hostName: true }];
      if (ctx.sandbox) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: ctx.sandbox.caFileName });
      plans.push({
        scriptName: `install-${name}.ps1`,
        title: beat.title,
        dir: `C:\\Program Files\\${beat.title}`,
        exe: `${name}.exe`,
        service: beat.windowsService,
        files,
        keystore: ctx.secretMode === 'env' ? { key: ctx.passwordEnvVar } : undefined,
        config: `${name}.yml`,
        installHint: `Extract the ${beat.title} zip to that folder and run .\\install-service-${name}.ps1 there first (PowerShell as Administrator).`,
      });
    }
    return plans;
  },
  compose(ctx, options) {
    if (options.mode !== 'complete') return undefined;
    const tag = beatsImageTag(options.version);
    const specs: ComposeSpec[] = [];
    for (const name of options.beats) {
      const beat = BEAT_FACTS[name];
      if (!beat.dockerFlags) continue;
      const home = `/usr/share/${name}`;
      const flags = beat.dockerFlags.join(' ');
      const mounts = [{ source: `./${name}.yml`, target: `${home}/${name}.yml` }];
      if (name === 'filebeat') mounts.push({ source: '/var/log', target: '/var/log' });
      if (ctx.sandbox) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: `${home}/${ctx.sandbox.caFileName}` });
      const capAdd = [...flags.matchAll(/--cap-add (\S+)/g)].map((m) => m[1]!);
      const hostNetwork = flags.includes('--network host') || ctx.sandbox !== undefined;
      specs.push({
        service: name,
        image: `docker.elastic.co/beats/${name}:${tag}`,
        imageNote: `${beat.title} ${tag}, the newest patch of Beats ${options.version} checked for the wizard.`,
        ...(flags.includes('--user root') ? { user: 'root' } : {}),
        // -e logs to stderr (docker compose logs); the files are root-owned and read-only, which strict.perms accepts.
        command: [name, '-e', '-c', `${home}/${name}.yml`, '--strict.perms=false'],
        mounts,
        extra: {
          ...(hostNetwork ? { network_mode: 'host' } : {}),
          ...(capAdd.length ? { cap_add: capAdd } : {}),
          ...(flags.includes('--pid host') ? { pid: 'host' } : {}),
        },
        volumes: [{ name: `${name}-data`, target: `${home}/data` }],
        envFile: composeEnvFile(ctx),
        notes: [
          // The compose file's comments are English like every generated file; the note is the steps' one.
          ...(`dockerNote.${beat.name}` in stepTexts ? [`${beat.title}: ${stepTexts[`dockerNote.${beat.name}` as keyof typeof stepTexts].en}`] : []),
          'HOSTNAME_HERE in client.id: replace it with the Docker host name before starting (sed -i "s/HOSTNAME_HERE/$(hostname -s)/" *.yml).',
        ],
      });
    }
    return specs;
  },
};
