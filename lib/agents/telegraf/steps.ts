/**
 * The steps around the Telegraf file: check the release range, fetch the
 * sandbox CA, install the file, store the password for the systemd service,
 * send one batch with --once, restart and read the journal.
 * Paths and service behaviour: influxdata/telegraf scripts/telegraf.service
 * (EnvironmentFile=-/etc/default/telegraf, User=telegraf, --config-directory
 * /etc/telegraf/telegraf.d) and scripts/rpm/post-install.sh (the rpm creates
 * /etc/default/telegraf too); docs/COMMANDS_AND_FLAGS.md (--once, --test).
 */
import type { TelegrafOptions } from './schema';
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { caFileFor, TELEGRAF_CONFIG_DIR } from './kafka-output';
import { shellWord } from '../../config-languages/shell/quote';
import { hostPlaceholderCommand } from '../client-id';

export const DROP_IN_FILE_NAME = 'sls-kafka.conf';
export const COMPLETE_FILE_NAME = 'telegraf.conf';

const MAIN_CONFIG = `${TELEGRAF_CONFIG_DIR}/telegraf.conf`;
const CONFIG_DIRECTORY = `${TELEGRAF_CONFIG_DIR}/telegraf.d`;
/** Read by the packaged systemd unit on deb and rpm systems alike. */
export const SERVICE_ENV_FILE = '/etc/default/telegraf';

const RUN_ARGS = `--config ${MAIN_CONFIG} --config-directory ${CONFIG_DIRECTORY}`;

type StepInput = Omit<RenderStep, 'agent'>;

function versionStep(ctx: RenderContext, options: TelegrafOptions): StepInput {
  const caFile = caFileFor(ctx, options);
  const commands = ['telegraf --version'];
  if (caFile && caFile.reason !== 'sandbox') commands.push(`ls -l ${shellWord(caFile.path)}`);
  const detail =
    options.telegrafVersion === '1.25+'
      ? 'This file is for Telegraf 1.25 or newer, where enable_tls = true switches TLS on. Telegraf 1.17–1.24 ignores enable_tls and would talk plaintext to the TLS port (EOF, “client has run out of available brokers”): choose “1.17-1.24” for those.'
      : 'This file is for Telegraf 1.17–1.24, which ignores enable_tls: TLS is on because tls_ca names a CA file. On 1.25 or newer choose “1.25+”.';
  return {
    title: 'Check the Telegraf version',
    detail: caFile && caFile.reason !== 'sandbox' ? `${detail} The ls must show the CA bundle file that tls_ca names.` : detail,
    commands,
  };
}

function sandboxCaStep(ctx: RenderContext): StepInput | undefined {
  if (!ctx.sandbox) return undefined;
  const path = `${TELEGRAF_CONFIG_DIR}/${ctx.sandbox.caFileName}`;
  return {
    title: 'Download the sandbox CA',
    detail: 'The sandbox signs its TLS certificate with its own CA; tls_ca points Telegraf at it, so the connection stays verified.',
    commands: [`sudo curl -fsSo ${shellWord(path)} ${shellWord(ctx.sandbox.caUrl)}`, `sudo chmod 644 ${shellWord(path)}`],
  };
}

function installStep(ctx: RenderContext, options: TelegrafOptions): StepInput {
  const holds = ctx.secretMode === 'inline' ? 'it holds the password' : 'it names the password variable only';
  if (options.layout === 'complete') {
    return {
      title: 'Replace telegraf.conf',
      detail: `Run from the folder where you saved ${COMPLETE_FILE_NAME}: keep a copy of the packaged file, then install this one. Mode 640 and group telegraf: the service runs as user telegraf, and ${holds}. sed puts this machine's short host name into client_id (telegraf-<host>).`,
      commands: [
        `sudo cp -p ${MAIN_CONFIG} ${MAIN_CONFIG}.orig`,
        `sudo install -m 640 -o root -g telegraf ${COMPLETE_FILE_NAME} ${MAIN_CONFIG}`,
        hostPlaceholderCommand(MAIN_CONFIG),
      ],
    };
  }
  return {
    title: 'Install the output file',
    detail: `Run from the folder where you saved ${DROP_IN_FILE_NAME}. The packaged service loads every .conf file in ${CONFIG_DIRECTORY} next to ${MAIN_CONFIG}. Mode 640 and group telegraf: the service runs as user telegraf, and ${holds}. sed puts this machine's short host name into client_id (telegraf-<host>).`,
    commands: [
      `sudo install -m 640 -o root -g telegraf ${DROP_IN_FILE_NAME} ${CONFIG_DIRECTORY}/${DROP_IN_FILE_NAME}`,
      hostPlaceholderCommand(`${CONFIG_DIRECTORY}/${DROP_IN_FILE_NAME}`),
    ],
  };
}

function otherOutputsWarning(options: TelegrafOptions): StepInput | undefined {
  if (options.layout !== 'drop-in') return undefined;
  return {
    kind: 'warning',
    title: 'Other outputs keep running',
    detail: `The packaged ${MAIN_CONFIG} enables [[outputs.influxdb]] (localhost:8086), and Telegraf sends every metric to every output. If you run no InfluxDB there, comment that block out, or the log fills with its write errors.`,
    commands: [`sudo grep -n '^\\[\\[outputs\\.' ${MAIN_CONFIG} ${CONFIG_DIRECTORY}/*.conf`],
  };
}

function secretStep(ctx: RenderContext, options: TelegrafOptions): StepInput | undefined {
  if (ctx.secretMode !== 'env') return undefined;
  const name = ctx.passwordEnvVar;
  // Secret stores arrived in Telegraf 1.27: never offer them to the 1.17–1.24 file.
  const secretStore =
    options.telegrafVersion === '1.25+'
      ? ' On Telegraf 1.27 or newer a secret store can hold it instead: sasl_password = "@{<store id>:<key>}" with a [[secretstores.*]] plugin (not on 1.25 and 1.26).'
      : '';
  return {
    title: 'Store the password for the service',
    detail: `The systemd unit of the deb and rpm packages reads ${SERVICE_ENV_FILE} (also on RHEL-family systems; not /etc/sysconfig), and Telegraf puts the variable's value into sasl_password when it starts. Run these in bash: read asks for AccessKeyId#AccessKeySecret without echoing it, so the secret lands neither on screen nor in the shell history.${secretStore}`,
    commands: [
      `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
      `sudo sed -i '/^${name}=/d' ${SERVICE_ENV_FILE}`,
      `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
      `printf '${name}="%s"\\n' "$${name}" | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null && unset ${name}`,
    ],
  };
}

function compressionWarning(options: TelegrafOptions): StepInput | undefined {
  if (options.compression === 'gzip' || options.compression === 'none') return undefined;
  return {
    kind: 'warning',
    title: `Compression ${options.compression} is not in the SLS examples`,
    detail: 'The SLS documentation only shows gzip. If the test below reports errors or no records arrive, switch compression to gzip.',
  };
}

function onceStep(ctx: RenderContext): StepInput {
  const once = `telegraf ${RUN_ARGS} --output-filter kafka --once --debug`;
  const command =
    ctx.secretMode === 'env'
      ? // The variable lives in the root-only env file the service reads; load it for this one run.
        `sudo sh -c 'set -a && . ${SERVICE_ENV_FILE} && exec ${once}'`
      : `sudo -u telegraf ${once}`;
  return {
    title: 'Send one batch',
    detail:
      '--test only prints metrics and never contacts the endpoint; --once gathers once, writes through the Kafka output and exits. Success: “D! [outputs.kafka] Wrote batch of N metrics” and exit status 0. “client has run out of available brokers” or EOF: TLS is off (wrong version choice) or the port is blocked. “SASL Authentication failed” or “not authorized to access this topic”: check the AccessKey and its RAM permissions. “topic or partition that does not exist”: check the project, Logstore and region.',
    commands: [command],
  };
}

function restartStep(ctx: RenderContext): StepInput {
  const where = ctx.sandbox
    ? 'the wizard’s sandbox inbox'
    : `Logstore ${ctx.logstore} in the SLS console`;
  const shape = ctx.expandJson
    ? 'each metric arrives as fields name, tags, fields and timestamp'
    : 'each metric arrives as JSON text in the field content';
  return {
    title: 'Restart Telegraf and watch the log',
    detail: `Healthy: “Loaded outputs:” lists kafka and no “E!” lines name outputs.kafka; every flush (10 s by default) sends the gathered metrics. Then look in ${where}: ${shape}. Old packages log to /var/log/telegraf/telegraf.log instead of the journal.`,
    commands: ['sudo systemctl restart telegraf', 'sudo systemctl status telegraf --no-pager', "sudo journalctl -u telegraf --since '-5 min' --no-pager"],
  };
}

export function telegrafSteps(ctx: RenderContext, options: TelegrafOptions): RenderStep[] {
  const steps: (StepInput | undefined)[] = [
    versionStep(ctx, options),
    sandboxCaStep(ctx),
    installStep(ctx, options),
    otherOutputsWarning(options),
    secretStep(ctx, options),
    compressionWarning(options),
    onceStep(ctx),
    restartStep(ctx),
  ];
  return steps.filter((step): step is StepInput => step !== undefined).map((step) => ({ agent: 'telegraf', ...step }));
}
