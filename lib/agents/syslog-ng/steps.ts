/**
 * The steps around the syslog-ng drop-in: install syslog-ng with its Kafka
 * module, fetch the sandbox CA, store the password for the service (env
 * mode), place the file, check it with `syslog-ng --syntax-only`, restart,
 * send a test line and look for it. Paths: Debian's and EPEL's
 * /etc/syslog-ng/syslog-ng.conf (`@include "/etc/syslog-ng/conf.d/*.conf"`);
 * docs/agents/syslog-ng.md.
 */
import { shellWord } from '../../config-languages/shell/quote';
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { sandboxCaDownloadStep, sandboxRecordsUrl, systemdEnvFileCommands, type StepInput } from '../common/steps';
import { SYSLOG_NG_DROP_IN, SYSLOG_NG_FILE_NAME, syslogNgCaLocation, syslogNgSource } from './render';
import type { SyslogNgOptions } from './schema';

export const SYSLOG_NG_ENV_FILE = '/etc/syslog-ng-sls.env';
const SYSTEMD_DROP_IN_DIR = '/etc/systemd/system/syslog-ng.service.d';

export function syslogNgSteps(ctx: RenderContext, options: SyslogNgOptions): RenderStep[] {
  const env = ctx.secretMode === 'env';
  const name = ctx.passwordEnvVar;
  const withEnv = (command: string) => (env ? `sudo sh -c 'set -a && . ${SYSLOG_NG_ENV_FILE} && exec ${command}'` : `sudo ${command}`);
  const steps: StepInput[] = [
    options.osFamily === 'debian'
      ? {
          title: 'Install syslog-ng and its Kafka module (Debian/Ubuntu)',
          detail: 'kafka-c() is in syslog-ng-mod-rdkafka. syslog-ng-core replaces rsyslog as the system logger. syslog-ng --version must say 3.38 or newer.',
          commands: ['sudo apt-get update', 'sudo apt-get install -y syslog-ng-core syslog-ng-mod-rdkafka ca-certificates', 'syslog-ng --version | head -n 1'],
        }
      : {
          title: 'Install syslog-ng and its Kafka module (RHEL/CentOS/Rocky/Alma)',
          detail: 'syslog-ng and its Kafka module come from EPEL; syslog-ng replaces rsyslog as the system logger. syslog-ng --version must say 3.38 or newer.',
          commands: ['sudo dnf install -y epel-release', 'sudo dnf install -y syslog-ng syslog-ng-kafka ca-certificates', 'syslog-ng --version | head -n 1'],
        },
    {
      title: 'Check the log source',
      detail: `The log path reads source(${syslogNgSource(options)}), the local-log source of the packaged syslog-ng.conf. If grep finds nothing, set “Source to send” to the name of your source { } block.`,
      commands: [`grep -n 'source ${syslogNgSource(options)}' /etc/syslog-ng/syslog-ng.conf`],
    },
  ];
  if (ctx.sandbox) {
    steps.push(sandboxCaDownloadStep(ctx.sandbox.caUrl, syslogNgCaLocation(ctx, options)));
  }
  if (env) {
    steps.push(
      {
        title: 'Store the password for the syslog-ng service',
        detail: `The file reads ${name} from the environment. Run these in bash: read asks for AccessKeyId#AccessKeySecret without echoing it; a systemd drop-in makes syslog-ng.service read ${SYSLOG_NG_ENV_FILE} (mode 600).`,
        commands: systemdEnvFileCommands(name, SYSLOG_NG_ENV_FILE, SYSTEMD_DROP_IN_DIR),
      },
      {
        kind: 'warning',
        title: `An unset ${name} silently becomes an empty password`,
        detail: `syslog-ng replaces an unknown backtick name with nothing and --syntax-only still passes. The second command of the check below counts empty passwords after substitution without printing the secret: it must print 0.`,
      },
    );
  }
  const checks = [`${withEnv('syslog-ng --syntax-only')}; echo "exit status: $?"`];
  if (env) checks.push(`${withEnv('syslog-ng --preprocess-into=/dev/stdout')} | grep -c '"sasl.password" => ""'`);
  steps.push(
    {
      title: `Save ${SYSLOG_NG_FILE_NAME}`,
      detail: `Run this where you saved ${SYSLOG_NG_FILE_NAME}. The packaged syslog-ng.conf includes /etc/syslog-ng/conf.d/*.conf; mode 600 because ${env ? 'the file names the SLS project' : 'it holds the SLS password'}.`,
      commands: [`sudo install -o root -g root -m 600 ${SYSLOG_NG_FILE_NAME} ${SYSLOG_NG_DROP_IN}`],
    },
    {
      title: 'Check the configuration with syslog-ng --syntax-only',
      detail: 'syslog-ng parses the whole configuration, loads the Kafka module and exits without contacting SLS; no output and exit status 0 mean it is accepted. “Error parsing destination, destination plugin kafka-c not found”: install the Kafka module.',
      commands: checks,
    },
    {
      title: 'Restart syslog-ng',
      commands: ['sudo systemctl restart syslog-ng', 'sudo systemctl status syslog-ng --no-pager'],
    },
    {
      title: 'Send a test message and watch for errors',
      detail: 'kafka-c() and librdkafka report into syslog-ng’s own log. Bad: “Error delivering”, “SSL handshake failed”, “certificate verify failed”, “SASL authentication error”, “Failed to resolve”.',
      commands: [`logger -t sls-test 'hello SLS from syslog-ng'`, "sudo journalctl -u syslog-ng --since '-5 min' --no-pager"],
    },
    ctx.sandbox
      ? {
          title: 'Check that records arrive in the sandbox',
          detail: `Each record is one JSON object (ISODATE, HOST, PROGRAM, MESSAGE, …)${ctx.expandJson ? ', expanded into fields' : ' in content'}.`,
          commands: [`curl -fsS ${shellWord(sandboxRecordsUrl(ctx.sandbox.caUrl, ctx.username, ctx.logstore))}`],
        }
      : {
          title: 'Check that records arrive in SLS',
          detail: `In the SLS console, open project ${ctx.username}, Logstore ${ctx.logstore}, and search for sls-test. Each log is one JSON object (ISODATE, HOST, PROGRAM, MESSAGE, …)${ctx.expandJson ? ', expanded into fields' : ' in content; add a JSON index on content to query its fields'}.`,
        },
  );
  return steps.map((step) => ({ agent: 'syslog-ng', ...step }));
}
