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
import { sandboxCaDownloadStep, sandboxRecordsUrl, systemdEnvFileCommands, type StepInput } from '../common/steps';
import { RSYSLOG_DROP_IN, RSYSLOG_FILE_NAME, rsyslogCaLocation } from './render';
import type { RsyslogOptions } from './schema';

/** Read by the service through a systemd drop-in (env mode). */
export const RSYSLOG_ENV_FILE = '/etc/rsyslog-sls.env';
const SYSTEMD_DROP_IN_DIR = '/etc/systemd/system/rsyslog.service.d';

export function rsyslogSteps(ctx: RenderContext, options: RsyslogOptions): RenderStep[] {
  const env = ctx.secretMode === 'env';
  const name = ctx.passwordEnvVar;
  const check = env ? `sudo sh -c 'set -a && . ${RSYSLOG_ENV_FILE} && exec rsyslogd -N1'` : 'sudo rsyslogd -N1';
  const steps: StepInput[] = [
    options.osFamily === 'debian'
      ? {
          title: 'Install rsyslog and its Kafka output (Debian/Ubuntu)',
          detail: 'omkafka is in the rsyslog-kafka package; rsyslog -v must say 8.33 or newer (JSON templates, backtick constants).',
          commands: ['sudo apt-get update', 'sudo apt-get install -y rsyslog rsyslog-kafka ca-certificates', 'rsyslogd -v | head -n 1'],
        }
      : {
          title: 'Install rsyslog and its Kafka output (RHEL/CentOS/Rocky/Alma)',
          detail: 'omkafka is in the rsyslog-kafka package (AppStream); rsyslog -v must say 8.33 or newer.',
          commands: ['sudo dnf install -y rsyslog rsyslog-kafka ca-certificates', 'rsyslogd -v | head -n 1'],
        },
  ];
  if (ctx.sandbox) {
    steps.push(sandboxCaDownloadStep(ctx.sandbox.caUrl, rsyslogCaLocation(ctx, options)));
  }
  if (env) {
    steps.push({
      title: 'Store the password for the rsyslog service',
      detail: `The file's confParam takes “sasl.password=$${name}” from the environment. Run these in bash: read asks for AccessKeyId#AccessKeySecret without echoing it; a systemd drop-in makes rsyslog.service read ${RSYSLOG_ENV_FILE} (mode 600).`,
      commands: systemdEnvFileCommands(name, RSYSLOG_ENV_FILE, SYSTEMD_DROP_IN_DIR),
    });
    steps.push({
      kind: 'warning',
      title: `An unset ${name} becomes an empty password`,
      detail: `rsyslog replaces an unknown variable with nothing, so without the environment file the SASL login fails (and rsyslogd -N1 run without it proves nothing). Always check with the variable loaded, as the next steps do.`,
    });
  }
  steps.push(
    {
      title: `Save ${RSYSLOG_FILE_NAME}`,
      detail: `Run this where you saved ${RSYSLOG_FILE_NAME}. The packaged rsyslog.conf includes /etc/rsyslog.d/*.conf; mode 600 because ${env ? 'the file names the SLS project' : 'it holds the SLS password'}.`,
      commands: [`sudo install -o root -g root -m 600 ${RSYSLOG_FILE_NAME} ${RSYSLOG_DROP_IN}`],
    },
    {
      title: 'Check the configuration with rsyslogd -N1',
      detail: 'rsyslogd -N1 reads the whole configuration, loads omkafka and exits without contacting SLS. Good: “End of config validation run. Bye.” and exit status 0. “could not load module omkafka”: install rsyslog-kafka.',
      commands: [`${check}; echo "exit status: $?"`],
    },
    {
      title: 'Restart rsyslog',
      commands: ['sudo systemctl restart rsyslog', 'sudo systemctl status rsyslog --no-pager'],
    },
    {
      title: 'Send a test message and watch for errors',
      detail: `omkafka and librdkafka report into rsyslog's own log. Bad: “omkafka: kafka error”, “SSL handshake failed”, “certificate verify failed”, “SASL authentication error”, “Failed to resolve”.`,
      commands: [`logger -t sls-test 'hello SLS from rsyslog'`, "sudo journalctl -u rsyslog --since '-5 min' --no-pager"],
    },
    ctx.sandbox
      ? {
          title: 'Check that records arrive in the sandbox',
          detail: `Each record is one JSON object (time, host, severity, facility, program, message)${ctx.expandJson ? ', expanded into fields' : ' in content'}.`,
          commands: [`curl -fsS ${shellWord(sandboxRecordsUrl(ctx.sandbox.caUrl, ctx.username, ctx.logstore))}`],
        }
      : {
          title: 'Check that records arrive in SLS',
          detail: `In the SLS console, open project ${ctx.username}, Logstore ${ctx.logstore}, and search for sls-test. Each log is one JSON object (time, host, severity, facility, program, message)${ctx.expandJson ? ', expanded into fields' : ' in content; add a JSON index on content to query its fields'}.`,
        },
  );
  return steps.map((step) => ({ agent: 'rsyslog', ...step }));
}
