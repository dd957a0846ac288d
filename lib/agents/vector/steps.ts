/**
 * The steps around the Vector file: install Vector, fetch the sandbox CA,
 * place the file, point the service at it (and, in env mode, store the
 * password and allow interpolation), check it, restart and read the journal.
 * Service facts: vectordotdev/vector distribution/systemd/vector.service
 * (User=vector, ExecStartPre=vector validate, EnvironmentFile=-/etc/default/vector),
 * src/cli.rs (VECTOR_CONFIG, comma-separated), the 0.57 upgrade guide
 * (VECTOR_DANGEROUSLY_ALLOW_ENV_VAR_INTERPOLATION); see docs/agents/vector.md.
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { agentSteps, compressionWarning, recordsPlace, sandboxCaStep, type StepInput } from '../common/steps';
import { sandboxCaPath, SINK_ID, VECTOR_CONFIG_DIR } from './config';
import type { VectorOptions } from './schema';
import { sayer, type Say } from '../common/say';
import texts from './step-texts.json';

type S = Say<typeof texts>;

export const SERVICE_ENV_FILE = '/etc/default/vector';
export const ALLOW_INTERPOLATION_VAR = 'VECTOR_DANGEROUSLY_ALLOW_ENV_VAR_INTERPOLATION';

export function vectorFileName(options: VectorOptions): string {
  return `${options.mode === 'complete' ? 'vector' : 'sls-kafka'}.${options.format}`;
}

/** The files the service loads: the complete file, or the user's vector.yaml and the sink file. */
export function vectorConfigPaths(options: VectorOptions): string[] {
  const own = `${VECTOR_CONFIG_DIR}/${vectorFileName(options)}`;
  return options.mode === 'complete' ? [own] : [`${VECTOR_CONFIG_DIR}/vector.yaml`, own];
}

function installStep(say: S): StepInput {
  return {
    title: say('install.title'),
    detail: say('install.detail'),
    commands: ['bash -c "$(curl -L https://setup.vector.dev)"', `sudo apt-get install -y vector   # ${say('install.rhel')}`, 'vector --version'],
  };
}

function placeStep(ctx: RenderContext, options: VectorOptions, say: S): StepInput {
  const name = vectorFileName(options);
  const target = `${VECTOR_CONFIG_DIR}/${name}`;
  const holds = say(ctx.secretMode === 'inline' ? 'holds.inline' : 'holds.env');
  const commands = [`sudo install -m 640 -o root -g vector ${name} ${target}`];
  if (options.mode === 'complete') {
    commands.unshift(`sudo cp -p ${target} ${target}.orig 2>/dev/null || true`);
  }
  return {
    title: options.mode === 'complete' ? say('place.replace', { file: name }) : say('place.sink'),
    detail: say('place.detail', { file: name, holds, more: say(options.mode === 'complete' ? 'place.complete' : 'place.output') }),
    commands: options.mode === 'complete' ? [...commands, `sudo usermod -aG adm vector   # ${say('place.adm')}`] : commands,
  };
}

function environmentStep(ctx: RenderContext, options: VectorOptions, say: S): StepInput {
  const paths = vectorConfigPaths(options).join(',');
  const names = ['VECTOR_CONFIG', ...(ctx.secretMode === 'env' ? [ctx.passwordEnvVar, ALLOW_INTERPOLATION_VAR] : [])];
  const commands = [
    `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
    `sudo sed -i -E '/^(${names.join('|')})=/d' ${SERVICE_ENV_FILE}`,
    `echo 'VECTOR_CONFIG=${paths}' | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`,
  ];
  let detail = say('env.detail', { file: SERVICE_ENV_FILE });
  if (options.mode === 'output-only') detail += say('env.own', { dir: VECTOR_CONFIG_DIR });
  if (ctx.secretMode === 'env') {
    const name = ctx.passwordEnvVar;
    commands.push(
      `echo '${ALLOW_INTERPOLATION_VAR}=true' | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`,
      `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
      `printf '${name}="%s"\\n' "$${name}" | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null && unset ${name}`,
    );
    detail += say('env.secret', { variable: name, allow: ALLOW_INTERPOLATION_VAR });
  }
  return { title: say('env.title'), detail, commands };
}

function warnings(ctx: RenderContext, options: VectorOptions, say: S): StepInput[] {
  const out: StepInput[] = [];
  if (ctx.expandJson && options.codec === 'text') {
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

function validateStep(ctx: RenderContext, options: VectorOptions, say: S): StepInput {
  const paths = vectorConfigPaths(options).join(' ');
  const validate = `vector validate --no-environment ${paths}`;
  const command =
    ctx.secretMode === 'env'
      ? // The variables live in the root-only file the service reads; load them for this one run.
        `sudo sh -c 'set -a && . ${SERVICE_ENV_FILE} && exec ${validate}'`
      : `sudo -u vector ${validate}`;
  return {
    title: say('validate.title'),
    detail: say('validate.detail'),
    commands: [command],
  };
}

function restartStep(ctx: RenderContext, say: S): StepInput {
  return {
    title: say('restart.title'),
    detail: say('restart.detail', { sink: SINK_ID, where: recordsPlace(ctx) }),
    commands: ['sudo systemctl enable vector', 'sudo systemctl restart vector', 'sudo systemctl status vector --no-pager', "sudo journalctl -u vector --since '-5 min' --no-pager"],
  };
}

export function vectorSteps(ctx: RenderContext, options: VectorOptions): RenderStep[] {
  const say = sayer(texts, ctx.lang);
  return agentSteps('vector', [
    installStep(say),
    sandboxCaStep(ctx, sandboxCaPath(ctx), { title: say('ca.title'), detail: say('ca.detail') }),
    placeStep(ctx, options, say),
    environmentStep(ctx, options, say),
    ...warnings(ctx, options, say),
    validateStep(ctx, options, say),
    restartStep(ctx, say),
  ]);
}
