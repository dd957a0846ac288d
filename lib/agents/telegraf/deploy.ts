/**
 * Telegraf on a Linux host (install.sh), as steps.ts: the drop-in into
 * /etc/telegraf/telegraf.d or the complete telegraf.conf (root:telegraf, 640,
 * the host name put into client_id), the sandbox CA, in env mode the password
 * into /etc/default/telegraf (600; the packaged unit reads it; the script
 * writes that file whole). Check: `telegraf --test` with the config the
 * service loads (under DESTDIR, the other root's). Restart.
 * Compose (complete layout; a drop-in needs the image's sample telegraf.conf,
 * which writes to InfluxDB): the Docker library's `telegraf` image at the
 * minor tag of the chosen version line (docs/agents/telegraf.md#docker-compose),
 * the file at /etc/telegraf/telegraf.conf, the CA file it names.
 */
import { composeEnvFile } from '../../deploy/compose';
import type { AgentDeploy, InstallArg, InstallFile } from '../types';
import { caFileFor, TELEGRAF_CONFIG_DIR } from './kafka-output';
import type { TelegrafOptions } from './schema';
import { COMPLETE_FILE_NAME, DROP_IN_FILE_NAME, SERVICE_ENV_FILE } from './steps';

const MAIN_CONFIG = `${TELEGRAF_CONFIG_DIR}/telegraf.conf`;
/** Minor tags of the official image per version line (docs/agents/telegraf.md#docker-compose). */
export const TELEGRAF_IMAGE_TAGS: Readonly<Record<TelegrafOptions['telegrafVersion'], string>> = { '1.25+': '1.34', '1.17-1.24': '1.24' };

/** InfluxData's key since the 2023 rotation (primary 24C9…F927, signing subkey 9D53…B07E). */
export const INFLUXDATA_KEY_URL = 'https://repos.influxdata.com/influxdata-archive.key';
export const INFLUXDATA_KEY_FINGERPRINT = '24C975CBA61A024EE1B631787C3D57159FC2F927';

/**
 * The repository setup of influxdata/telegraf `docs/INSTALL_GUIDE.md` (DEB and
 * RPM), run as root; the key is trusted only when its fingerprint matches
 * (docs/agents/telegraf.md#package-commands).
 */
export const TELEGRAF_INSTALL_COMMANDS: readonly string[] = [
  '# Debian/Ubuntu: the InfluxData repository, its key checked by fingerprint',
  `wget -q ${INFLUXDATA_KEY_URL}`,
  `gpg --show-keys --with-fingerprint --with-colons ./influxdata-archive.key 2>&1 | grep -q '^fpr:\\+${INFLUXDATA_KEY_FINGERPRINT}:$' && cat influxdata-archive.key | gpg --dearmor | tee /etc/apt/trusted.gpg.d/influxdata-archive.gpg > /dev/null`,
  "echo 'deb [signed-by=/etc/apt/trusted.gpg.d/influxdata-archive.gpg] https://repos.influxdata.com/debian stable main' | tee /etc/apt/sources.list.d/influxdata.list",
  'apt-get update && apt-get install -y telegraf',
  `# RHEL family: /etc/yum.repos.d/influxdata.repo with baseurl = https://repos.influxdata.com/stable/$basearch/main, gpgcheck = 1, gpgkey = ${INFLUXDATA_KEY_URL}; then: yum install -y telegraf`,
];
const CONFIG_DIRECTORY = `${TELEGRAF_CONFIG_DIR}/telegraf.d`;

export const telegrafDeploy: AgentDeploy<TelegrafOptions> = {
  host(ctx, options) {
    const complete = options.layout === 'complete';
    const source = complete ? COMPLETE_FILE_NAME : DROP_IN_FILE_NAME;
    const dest = complete ? MAIN_CONFIG : `${CONFIG_DIRECTORY}/${DROP_IN_FILE_NAME}`;
    const files: InstallFile[] = [{ source, dest, owner: 'root', group: 'telegraf', mode: '640', hostName: true }];
    const ca = caFileFor(ctx, options);
    if (ctx.sandbox && ca) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: ca.path, owner: 'root', group: 'root', mode: '644' });
    const argv: InstallArg[] = complete
      ? ['telegraf', '--config', { path: MAIN_CONFIG }, '--test']
      : ['telegraf', '--config', { path: MAIN_CONFIG }, '--config-directory', { path: CONFIG_DIRECTORY }, '--test'];
    return {
      binary: 'telegraf',
      installCommands: [...TELEGRAF_INSTALL_COMMANDS],
      files,
      envFile: ctx.secretMode === 'env' ? { path: SERVICE_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv, withEnv: true },
      service: 'telegraf',
      watch: ['systemctl status telegraf --no-pager', "journalctl -u telegraf --since '-5 min' --no-pager"],
    };
  },
  compose(ctx, options) {
    if (options.layout !== 'complete') return undefined;
    const tag = TELEGRAF_IMAGE_TAGS[options.telegrafVersion];
    const mounts = [{ source: `./${COMPLETE_FILE_NAME}`, target: MAIN_CONFIG }];
    const ca = caFileFor(ctx, options);
    if (ctx.sandbox && ca) mounts.push({ source: `../${ctx.sandbox.caFileName}`, target: ca.path });
    else if (ca) mounts.push({ source: ca.path, target: ca.path });
    return {
      service: 'telegraf',
      image: `telegraf:${tag}`,
      imageNote: `telegraf:${tag}, a release of the version line chosen in the wizard (${options.telegrafVersion}).`,
      mounts,
      envFile: composeEnvFile(ctx),
      notes: ['HOSTNAME_HERE in client_id: replace it with the Docker host name before starting (sed -i "s/HOSTNAME_HERE/$(hostname -s)/" telegraf.conf).'],
    };
  },
};
