/**
 * syslog-ng on a Linux host (install.sh), as steps.ts: the drop-in in
 * /etc/syslog-ng/conf.d (root, 600), the sandbox CA, in env mode the password
 * into /etc/syslog-ng-sls.env (600) and the systemd drop-in that loads it;
 * `syslog-ng --syntax-only -f` on the main config (the drop-in uses its
 * source, so it cannot be checked alone; under DESTDIR that is the main config
 * of the other root), with the password loaded; restart.
 */
import { systemdEnvDropIn } from '../../deploy/host';
import type { AgentDeploy, InstallFile } from '../types';
import { SYSLOG_NG_DROP_IN, SYSLOG_NG_FILE_NAME, syslogNgCaLocation } from './render';
import type { SyslogNgOptions } from './schema';
import { SYSLOG_NG_ENV_FILE } from './steps';

const INSTALL: Readonly<Record<SyslogNgOptions['osFamily'], string[]>> = {
  debian: ['apt-get update', 'apt-get install -y syslog-ng-core syslog-ng-mod-rdkafka ca-certificates'],
  rhel: ['dnf install -y epel-release', 'dnf install -y syslog-ng syslog-ng-kafka ca-certificates'],
};

export const syslogNgDeploy: AgentDeploy<SyslogNgOptions> = {
  host(ctx, options) {
    const files: InstallFile[] = [{ source: SYSLOG_NG_FILE_NAME, dest: SYSLOG_NG_DROP_IN, owner: 'root', group: 'root', mode: '600' }];
    if (ctx.sandbox && options.caPath === '') files.push({ source: `../${ctx.sandbox.caFileName}`, dest: syslogNgCaLocation(ctx, options), owner: 'root', group: 'root', mode: '644' });
    const env = ctx.secretMode === 'env';
    if (env) {
      files.push(systemdEnvDropIn('syslog-ng', SYSLOG_NG_ENV_FILE));
    }
    return {
      binary: 'syslog-ng',
      installCommands: INSTALL[options.osFamily],
      files,
      envFile: env ? { path: SYSLOG_NG_ENV_FILE, variable: ctx.passwordEnvVar, owner: 'root', group: 'root' } : undefined,
      check: { argv: ['syslog-ng', '--syntax-only', '-f', { path: '/etc/syslog-ng/syslog-ng.conf' }], withEnv: true },
      service: 'syslog-ng',
      watch: ["logger -t sls-test 'hello SLS from syslog-ng'", "journalctl -u syslog-ng --since '-5 min' --no-pager"],
    };
  },
};
