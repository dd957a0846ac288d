/**
 * The steps around the syslog-ng drop-in: install syslog-ng with its Kafka
 * module, fetch the sandbox CA, store the password for the service (env
 * mode), place the file, check it with `syslog-ng --syntax-only`, restart,
 * send a test line and look for it. Paths: Debian's and EPEL's
 * /etc/syslog-ng/syslog-ng.conf (`@include "/etc/syslog-ng/conf.d/*.conf"`);
 * docs/agents/syslog-ng.md.
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { sandboxCaDownloadStep, systemdEnvFileCommands, type StepInput } from '../common/steps';
import { syslogTailSteps } from '../common/syslog-steps';
import { SYSLOG_NG_DROP_IN, SYSLOG_NG_FILE_NAME, syslogNgCaLocation, syslogNgSource } from './render';
import type { SyslogNgOptions } from './schema';
import { sayer } from '../common/say';
import texts from './step-texts.json';

export const SYSLOG_NG_ENV_FILE = '/etc/syslog-ng-sls.env';
const SYSTEMD_DROP_IN_DIR = '/etc/systemd/system/syslog-ng.service.d';

export function syslogNgSteps(ctx: RenderContext, options: SyslogNgOptions): RenderStep[] {
  const env = ctx.secretMode === 'env';
  const name = ctx.passwordEnvVar;
  const say = sayer(texts, ctx.lang);
  const withEnv = (command: string) => (env ? `sudo sh -c 'set -a && . ${SYSLOG_NG_ENV_FILE} && exec ${command}'` : `sudo ${command}`);
  const steps: StepInput[] = [
    options.osFamily === 'debian'
      ? {
          title: say('install.debian.title'),
          detail: say('install.debian.detail'),
          commands: ['sudo apt-get update', 'sudo apt-get install -y syslog-ng-core syslog-ng-mod-rdkafka ca-certificates', 'syslog-ng --version | head -n 1'],
        }
      : {
          title: say('install.rhel.title'),
          detail: say('install.rhel.detail'),
          commands: ['sudo dnf install -y epel-release', 'sudo dnf install -y syslog-ng syslog-ng-kafka ca-certificates', 'syslog-ng --version | head -n 1'],
        },
    {
      title: say('source.title'),
      detail: say('source.detail', { source: syslogNgSource(options) }),
      commands: [`grep -n 'source ${syslogNgSource(options)}' /etc/syslog-ng/syslog-ng.conf`],
    },
  ];
  if (ctx.sandbox) {
    steps.push(sandboxCaDownloadStep(ctx.sandbox.caUrl, syslogNgCaLocation(ctx, options), ctx.lang));
  }
  if (env) {
    steps.push(
      {
        title: say('secret.title'),
        detail: say('secret.detail', { variable: name, file: SYSLOG_NG_ENV_FILE }),
        commands: systemdEnvFileCommands(name, SYSLOG_NG_ENV_FILE, SYSTEMD_DROP_IN_DIR),
      },
      {
        kind: 'warning',
        title: say('unset.title', { variable: name }),
        detail: say('unset.detail'),
      },
    );
  }
  const checks = [`${withEnv('syslog-ng --syntax-only')}; echo "exit status: $?"`];
  if (env) checks.push(`${withEnv('syslog-ng --preprocess-into=/dev/stdout')} | grep -c '"sasl.password" => ""'`);
  steps.push(...syslogTailSteps(ctx, say, { service: 'syslog-ng', fileName: SYSLOG_NG_FILE_NAME, dropIn: SYSLOG_NG_DROP_IN, checks: checks }));
  return steps.map((step) => ({ agent: 'syslog-ng', ...step }));
}
