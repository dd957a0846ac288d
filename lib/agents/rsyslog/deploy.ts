/**
 * rsyslog on a Linux host (install.sh) and in Docker Compose. Host: the drop-in
 * (root, 600), the sandbox CA, in env mode the password into
 * /etc/rsyslog-sls.env plus the systemd drop-in that loads it (as steps.ts
 * says), `rsyslogd -N1 -f` with the variable loaded, restart.
 */
import { systemdEnvDropIn } from '../../deploy/host';
import type { AgentDeploy, InstallFile } from '../types';
import { RSYSLOG_DROP_IN, RSYSLOG_FILE_NAME, rsyslogCaLocation } from './render';
import type { RsyslogOptions } from './schema';
import { RSYSLOG_ENV_FILE } from './steps';

const INSTALL: Readonly<Record<RsyslogOptions['osFamily'], string[]>> = {
  debian: ['apt-get update', 'apt-get install -y rsyslog rsyslog-kafka ca-certificates'],
  rhel: ['dnf install -y rsyslog rsyslog-kafka ca-certificates'],
};

export const rsyslogDeploy: AgentDeploy<RsyslogOptions> = {
  host(ctx, options) {
    const files: InstallFile[] = [{ source: RSYSLOG_FILE_NAME, dest: RSYSLOG_DROP_IN, owner: 'root', group: 'root', mode: '600' }];
    if (ctx.sandbox && options.caPath === '') files.push({ source: `../${ctx.sandbox.caFileName}`, dest: rsyslogCaLocation(ctx, options), owner: 'root', group: 'root', mode: '644' });
    const env = ctx.secretMode === 'env';
    if (env) {
      files.push(systemdEnvDropIn('rsyslog', RSYSLOG_ENV_FILE));
    }
    return {
      binary: 'rsyslogd',
      installCommands: INSTALL[options.osFamily],
      files,
      envFile: env ? { path: RSYSLOG_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv: ['rsyslogd', '-N1', '-f', { path: RSYSLOG_DROP_IN }], withEnv: true },
      service: 'rsyslog',
      watch: ["logger -t sls-test 'hello SLS from rsyslog'", "journalctl -u rsyslog --since '-5 min' --no-pager"],
    };
  },
};
