/**
 * The steps around the collector file: install otelcol-contrib, fetch the
 * sandbox CA, place the file (or merge the exporter), store the password in
 * an env file loaded by a systemd drop-in, validate, restart and read the
 * journal. Facts: docs/agents/otelcol.md and otelcol-examples.md (package
 * layout /etc/otelcol-contrib/config.yaml, service otelcol-contrib,
 * `otelcol-contrib validate --config=FILE`).
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { agentSteps, compressionWarning, recordsPlace, sandboxCaStep, type StepInput } from '../common/steps';
import { EXPORTER_ID, OTELCOL_CONFIG_DIR, sandboxCaPath, signalsOf } from './config';
import type { OtelcolOptions } from './schema';
import { sayer, type Say } from '../common/say';
import texts from './step-texts.json';

type S = Say<typeof texts>;

export const MAIN_CONFIG = `${OTELCOL_CONFIG_DIR}/config.yaml`;
export const SECRET_ENV_FILE = `${OTELCOL_CONFIG_DIR}/sls-kafka.env`;
export const DROP_IN_DIR = '/etc/systemd/system/otelcol-contrib.service.d';
export const DROP_IN_FILE = `${DROP_IN_DIR}/sls-kafka.conf`;

export function otelcolFileName(options: OtelcolOptions): string {
  return options.mode === 'complete' ? 'config.yaml' : 'sls-kafka-exporter.yaml';
}

function installStep(options: OtelcolOptions, say: S): StepInput {
  return {
    title: say('install.title'),
    detail: say('install.detail', { which: say(options.version === 'post124' ? 'install.post124' : 'install.pre124') }),
    commands: [
      `V=0.150.0   # ${say('install.release')}`,
      'curl -fLO "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v${V}/otelcol-contrib_${V}_linux_amd64.deb"',
      `sudo dpkg -i "otelcol-contrib_\${V}_linux_amd64.deb"   # ${say('install.rpm')}`,
      'otelcol-contrib --version',
    ],
  };
}

function placeStep(ctx: RenderContext, options: OtelcolOptions, say: S): StepInput {
  const holds = say(ctx.secretMode === 'inline' ? 'holds.inline' : 'holds.env');
  if (options.mode === 'complete') {
    return {
      title: say('replace.title'),
      detail: say('replace.detail', { holds }),
      commands: [
        `sudo cp -p ${MAIN_CONFIG} ${MAIN_CONFIG}.orig`,
        `sudo install -m 640 -o root -g "$(stat -c %G ${MAIN_CONFIG})" config.yaml ${MAIN_CONFIG}`,
      ],
    };
  }
  const pipelines = signalsOf(options).map((s) => `service.pipelines.${s}.exporters`).join(', ');
  return {
    kind: 'warning',
    title: say('merge.title'),
    detail: say('merge.detail', { main: MAIN_CONFIG, exporter: EXPORTER_ID, pipelines, holds }),
    commands: [`sudoedit ${MAIN_CONFIG}`],
  };
}

function secretStep(ctx: RenderContext, say: S): StepInput | undefined {
  if (ctx.secretMode !== 'env') return undefined;
  const name = ctx.passwordEnvVar;
  return {
    title: say('secret.title'),
    detail: say('secret.detail', { variable: name, file: SECRET_ENV_FILE }),
    commands: [
      `sudo install -m 600 -o root -g root /dev/null ${SECRET_ENV_FILE}`,
      `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
      `printf '${name}="%s"\\n' "$${name}" | sudo tee ${SECRET_ENV_FILE} > /dev/null && unset ${name}`,
      `sudo mkdir -p ${DROP_IN_DIR}`,
      `printf '[Service]\\nEnvironmentFile=${SECRET_ENV_FILE}\\n' | sudo tee ${DROP_IN_FILE} > /dev/null`,
      'sudo systemctl daemon-reload',
    ],
  };
}

function warnings(ctx: RenderContext, options: OtelcolOptions, say: S): StepInput[] {
  const out: StepInput[] = [];
  if (options.logsEncoding === 'raw') {
    out.push({
      kind: 'warning',
      title: say('raw.title'),
      detail: say('raw.detail'),
    });
  } else if (ctx.expandJson) {
    out.push({
      kind: 'warning',
      title: say('json.title'),
      detail: say('json.detail'),
    });
  }
  const compression = compressionWarning(options.compression, ctx.lang);
  if (compression) out.push(compression);
  return out;
}

function validateStep(ctx: RenderContext, say: S): StepInput {
  const validate = `otelcol-contrib validate --config=${MAIN_CONFIG}`;
  return {
    title: say('validate.title'),
    detail: say('validate.detail'),
    commands: [
      ctx.secretMode === 'env'
        ? // The variable lives in the root-only file the service reads; load it for this one run.
          `sudo sh -c 'set -a && . ${SECRET_ENV_FILE} && exec ${validate}'`
        : `sudo ${validate}`,
    ],
  };
}

function restartStep(ctx: RenderContext, say: S): StepInput {
  return {
    title: say('restart.title'),
    detail: say('restart.detail', { where: recordsPlace(ctx) }),
    commands: [
      'sudo systemctl restart otelcol-contrib',
      'sudo systemctl status otelcol-contrib --no-pager',
      "sudo journalctl -u otelcol-contrib --since '-5 min' --no-pager",
    ],
  };
}

export function otelcolSteps(ctx: RenderContext, options: OtelcolOptions): RenderStep[] {
  const say = sayer(texts, ctx.lang);
  return agentSteps('otelcol', [
    installStep(options, say),
    sandboxCaStep(ctx, sandboxCaPath(ctx), { title: say('ca.title'), detail: say('ca.detail') }),
    placeStep(ctx, options, say),
    secretStep(ctx, say),
    ...warnings(ctx, options, say),
    validateStep(ctx, say),
    restartStep(ctx, say),
  ]);
}
