/**
 * The steps around the rsyslog drop-in: install rsyslog-kafka, fetch the
 * sandbox CA, store the password for the service (env mode), place the file,
 * check it with `rsyslogd -N1`, restart, send a test line and look for it.
 * Paths: Debian's /etc/rsyslog.conf (`$IncludeConfig /etc/rsyslog.d/*.conf`)
 * and RHEL's (`include(file="/etc/rsyslog.d/*.conf")`); docs/agents/rsyslog.md.
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { sandboxCaDownloadStep, systemdEnvFileCommands, type StepInput } from '../common/steps';
import { syslogTailSteps } from '../common/syslog-steps';
import { RSYSLOG_DROP_IN, RSYSLOG_FILE_NAME, rsyslogCaLocation } from './render';
import type { RsyslogOptions } from './schema';
import { sayer } from '../common/say';
import texts from './step-texts.json';

/** Read by the service through a systemd drop-in (env mode). */
export const RSYSLOG_ENV_FILE = '/etc/rsyslog-sls.env';
const SYSTEMD_DROP_IN_DIR = '/etc/systemd/system/rsyslog.service.d';

export function rsyslogSteps(ctx: RenderContext, options: RsyslogOptions): RenderStep[] {
  const env = ctx.secretMode === 'env';
  const name = ctx.passwordEnvVar;
  const say = sayer(texts, ctx.lang);
  const check = env ? `sudo sh -c 'set -a && . ${RSYSLOG_ENV_FILE} && exec rsyslogd -N1'` : 'sudo rsyslogd -N1';
  const steps: StepInput[] = [
    options.osFamily === 'debian'
      ? {
          title: say('install.debian.title'),
          detail: say('install.debian.detail'),
          commands: ['sudo apt-get update', 'sudo apt-get install -y rsyslog rsyslog-kafka ca-certificates', 'rsyslogd -v | head -n 1'],
        }
      : {
          title: say('install.rhel.title'),
          detail: say('install.rhel.detail'),
          commands: ['sudo dnf install -y rsyslog rsyslog-kafka ca-certificates', 'rsyslogd -v | head -n 1'],
        },
  ];
  if (ctx.sandbox) {
    steps.push(sandboxCaDownloadStep(ctx.sandbox.caUrl, rsyslogCaLocation(ctx, options), ctx.lang));
  }
  if (env) {
    steps.push({
      title: say('secret.title'),
      detail: say('secret.detail', { variable: name, file: RSYSLOG_ENV_FILE }),
      commands: systemdEnvFileCommands(name, RSYSLOG_ENV_FILE, SYSTEMD_DROP_IN_DIR),
    });
    steps.push({
      kind: 'warning',
      title: say('unset.title', { variable: name }),
      detail: say('unset.detail'),
    });
  }
  steps.push(...syslogTailSteps(ctx, say, { service: 'rsyslog', fileName: RSYSLOG_FILE_NAME, dropIn: RSYSLOG_DROP_IN, checks: [`${check}; echo "exit status: $?"`] }));
  return steps.map((step) => ({ agent: 'rsyslog', ...step }));
}
