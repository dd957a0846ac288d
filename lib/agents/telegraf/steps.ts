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
import { recordsPlace, sandboxCaStep } from '../common/steps';
import { sayer, type Say } from '../common/say';
import texts from './step-texts.json';

type S = Say<typeof texts>;

export const DROP_IN_FILE_NAME = 'sls-kafka.conf';
export const COMPLETE_FILE_NAME = 'telegraf.conf';

const MAIN_CONFIG = `${TELEGRAF_CONFIG_DIR}/telegraf.conf`;
const CONFIG_DIRECTORY = `${TELEGRAF_CONFIG_DIR}/telegraf.d`;
/** Read by the packaged systemd unit on deb and rpm systems alike. */
export const SERVICE_ENV_FILE = '/etc/default/telegraf';

const RUN_ARGS = `--config ${MAIN_CONFIG} --config-directory ${CONFIG_DIRECTORY}`;

type StepInput = Omit<RenderStep, 'agent'>;

function versionStep(ctx: RenderContext, options: TelegrafOptions, say: S): StepInput {
  const caFile = caFileFor(ctx, options);
  const commands = ['telegraf --version'];
  if (caFile && caFile.reason !== 'sandbox') commands.push(`ls -l ${shellWord(caFile.path)}`);
  const detail = say(options.telegrafVersion === '1.25+' ? 'version.new' : 'version.old');
  return {
    title: say('version.title'),
    detail: caFile && caFile.reason !== 'sandbox' ? say('version.ls', { detail }) : detail,
    commands,
  };
}

function installStep(ctx: RenderContext, options: TelegrafOptions, say: S): StepInput {
  const holds = say(ctx.secretMode === 'inline' ? 'holds.inline' : 'holds.env');
  if (options.layout === 'complete') {
    return {
      title: say('replace.title'),
      detail: say('replace.detail', { file: COMPLETE_FILE_NAME, holds }),
      commands: [
        `sudo cp -p ${MAIN_CONFIG} ${MAIN_CONFIG}.orig`,
        `sudo install -m 640 -o root -g telegraf ${COMPLETE_FILE_NAME} ${MAIN_CONFIG}`,
        hostPlaceholderCommand(MAIN_CONFIG),
      ],
    };
  }
  return {
    title: say('install.title'),
    detail: say('install.detail', { file: DROP_IN_FILE_NAME, dir: CONFIG_DIRECTORY, main: MAIN_CONFIG, holds }),
    commands: [
      `sudo install -m 640 -o root -g telegraf ${DROP_IN_FILE_NAME} ${CONFIG_DIRECTORY}/${DROP_IN_FILE_NAME}`,
      hostPlaceholderCommand(`${CONFIG_DIRECTORY}/${DROP_IN_FILE_NAME}`),
    ],
  };
}

function otherOutputsWarning(options: TelegrafOptions, say: S): StepInput | undefined {
  if (options.layout !== 'drop-in') return undefined;
  return {
    kind: 'warning',
    title: say('outputs.title'),
    detail: say('outputs.detail', { main: MAIN_CONFIG }),
    commands: [`sudo grep -n '^\\[\\[outputs\\.' ${MAIN_CONFIG} ${CONFIG_DIRECTORY}/*.conf`],
  };
}

function secretStep(ctx: RenderContext, options: TelegrafOptions, say: S): StepInput | undefined {
  if (ctx.secretMode !== 'env') return undefined;
  const name = ctx.passwordEnvVar;
  // Secret stores arrived in Telegraf 1.27: never offer them to the 1.17–1.24 file.
  const secretStore = options.telegrafVersion === '1.25+' ? say('secret.store') : '';
  return {
    title: say('secret.title'),
    detail: say('secret.detail', { file: SERVICE_ENV_FILE, store: secretStore }),
    commands: [
      `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
      `sudo sed -i '/^${name}=/d' ${SERVICE_ENV_FILE}`,
      `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
      `printf '${name}="%s"\\n' "$${name}" | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null && unset ${name}`,
    ],
  };
}

function compressionWarning(options: TelegrafOptions, say: S): StepInput | undefined {
  if (options.compression === 'gzip' || options.compression === 'none') return undefined;
  return {
    kind: 'warning',
    title: say('compression.title', { codec: options.compression }),
    detail: say('compression.detail'),
  };
}

function onceStep(ctx: RenderContext, say: S): StepInput {
  const once = `telegraf ${RUN_ARGS} --output-filter kafka --once --debug`;
  const command =
    ctx.secretMode === 'env'
      ? // The variable lives in the root-only env file the service reads; load it for this one run.
        `sudo sh -c 'set -a && . ${SERVICE_ENV_FILE} && exec ${once}'`
      : `sudo -u telegraf ${once}`;
  return {
    title: say('once.title'),
    detail: say('once.detail'),
    commands: [command],
  };
}

function restartStep(ctx: RenderContext, say: S): StepInput {
  const shape = say(ctx.expandJson ? 'shape.expand' : 'shape.text');
  return {
    title: say('restart.title'),
    detail: say('restart.detail', { where: recordsPlace(ctx), shape }),
    commands: ['sudo systemctl restart telegraf', 'sudo systemctl status telegraf --no-pager', "sudo journalctl -u telegraf --since '-5 min' --no-pager"],
  };
}

export function telegrafSteps(ctx: RenderContext, options: TelegrafOptions): RenderStep[] {
  const say = sayer(texts, ctx.lang);
  const steps: (StepInput | undefined)[] = [
    versionStep(ctx, options, say),
    sandboxCaStep(ctx, ctx.sandbox && `${TELEGRAF_CONFIG_DIR}/${ctx.sandbox.caFileName}`, { title: say('ca.title'), detail: say('ca.detail') }),
    installStep(ctx, options, say),
    otherOutputsWarning(options, say),
    secretStep(ctx, options, say),
    compressionWarning(options, say),
    onceStep(ctx, say),
    restartStep(ctx, say),
  ];
  return steps.filter((step): step is StepInput => step !== undefined).map((step) => ({ agent: 'telegraf', ...step }));
}
