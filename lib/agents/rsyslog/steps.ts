/**
 * The steps around the rsyslog drop-in: install rsyslog-kafka, fetch the
 * sandbox CA, store the password for the service (env mode), place the file,
 * check it with `rsyslogd -N1`, restart, send a test line and look for it.
 * Paths: Debian's /etc/rsyslog.conf (`$IncludeConfig /etc/rsyslog.d/*.conf`)
 * and RHEL's (`include(file="/etc/rsyslog.d/*.conf")`); docs/agents/rsyslog.md.
 */
import { shellWord } from '../../config-languages/shell/quote';
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { sandboxRecordsUrl, type StepInput } from '../common/steps';
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
    const ca = rsyslogCaLocation(ctx, options);
    steps.push({
      title: say('ca.title'),
      detail: say('ca.detail', { path: ca }),
      commands: [`sudo curl -fsSo ${shellWord(ca)} ${shellWord(ctx.sandbox.caUrl)}`, `sudo chmod 644 ${shellWord(ca)}`],
    });
  }
  if (env) {
    steps.push({
      title: say('secret.title'),
      detail: say('secret.detail', { variable: name, file: RSYSLOG_ENV_FILE }),
      commands: [
        `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
        `printf '${name}=%s\\n' "$${name}" | sudo install -m 600 /dev/stdin ${RSYSLOG_ENV_FILE} && unset ${name}`,
        `sudo mkdir -p ${SYSTEMD_DROP_IN_DIR}`,
        `printf '[Service]\\nEnvironmentFile=${RSYSLOG_ENV_FILE}\\n' | sudo tee ${SYSTEMD_DROP_IN_DIR}/sls-kafka.conf > /dev/null`,
        'sudo systemctl daemon-reload',
      ],
    });
    steps.push({
      kind: 'warning',
      title: say('unset.title', { variable: name }),
      detail: say('unset.detail'),
    });
  }
  steps.push(
    {
      title: say('save.title', { file: RSYSLOG_FILE_NAME }),
      detail: say('save.detail', { file: RSYSLOG_FILE_NAME, why: say(env ? 'why.env' : 'why.inline') }),
      commands: [`sudo install -o root -g root -m 600 ${RSYSLOG_FILE_NAME} ${RSYSLOG_DROP_IN}`],
    },
    {
      title: say('check.title'),
      detail: say('check.detail'),
      commands: [`${check}; echo "exit status: $?"`],
    },
    {
      title: say('restart.title'),
      commands: ['sudo systemctl restart rsyslog', 'sudo systemctl status rsyslog --no-pager'],
    },
    {
      title: say('test.title'),
      detail: say('test.detail'),
      commands: [`logger -t sls-test 'hello SLS from rsyslog'`, "sudo journalctl -u rsyslog --since '-5 min' --no-pager"],
    },
    ctx.sandbox
      ? {
          title: say('sandbox.title'),
          detail: say('sandbox.detail', { shape: say(ctx.expandJson ? 'shape.expanded' : 'shape.content') }),
          commands: [`curl -fsS ${shellWord(sandboxRecordsUrl(ctx.sandbox.caUrl, ctx.username, ctx.logstore))}`],
        }
      : {
          title: say('sls.title'),
          detail: say('sls.detail', {
            project: ctx.username,
            logstore: ctx.logstore,
            shape: say(ctx.expandJson ? 'shape.expanded' : 'shape.index'),
          }),
        },
  );
  return steps.map((step) => ({ agent: 'rsyslog', ...step }));
}
