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
import { agentSteps, compressionWarning, recordsPlace, type StepInput } from '../common/steps';
import { sandboxCaPath, SINK_ID, VECTOR_CONFIG_DIR } from './config';
import type { VectorOptions } from './schema';
import { shellWord } from '../../config-languages/shell/quote';

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

function installStep(): StepInput {
  return {
    title: 'Install Vector',
    detail: 'The setup script adds Vector’s APT or YUM repository; skip this if Vector is installed. The rendered keys work on Vector 0.34 and newer.',
    commands: ['bash -c "$(curl -L https://setup.vector.dev)"', 'sudo apt-get install -y vector   # RHEL family: sudo yum install -y vector', 'vector --version'],
  };
}

function sandboxCaStep(ctx: RenderContext): StepInput | undefined {
  const path = sandboxCaPath(ctx);
  if (!ctx.sandbox || !path) return undefined;
  return {
    title: 'Download the sandbox CA',
    detail: 'The sandbox signs its TLS certificate with its own CA; tls.ca_file points Vector at it, so the connection stays verified.',
    commands: [`sudo curl -fsSo ${shellWord(path)} ${shellWord(ctx.sandbox.caUrl)}`, `sudo chmod 644 ${shellWord(path)}`],
  };
}

function placeStep(ctx: RenderContext, options: VectorOptions): StepInput {
  const name = vectorFileName(options);
  const target = `${VECTOR_CONFIG_DIR}/${name}`;
  const holds = ctx.secretMode === 'inline' ? 'it holds the password' : 'it names the password variable only';
  const commands = [`sudo install -m 640 -o root -g vector ${name} ${target}`];
  if (options.mode === 'complete') {
    commands.unshift(`sudo cp -p ${target} ${target}.orig 2>/dev/null || true`);
  }
  return {
    title: options.mode === 'complete' ? `Replace ${name}` : 'Install the sink file',
    detail: `Run from the folder where you saved ${name}. Mode 640 and group vector: the service runs as user vector, and ${holds}.${
      options.mode === 'complete'
        ? ' On Debian and Ubuntu the vector user reads /var/log only as a member of group adm.'
        : ' The sink reads the events of the inputs you named; they must exist in your own config.'
    }`,
    commands:
      options.mode === 'complete' ? [...commands, 'sudo usermod -aG adm vector   # Debian/Ubuntu: read access to /var/log'] : commands,
  };
}

function environmentStep(ctx: RenderContext, options: VectorOptions): StepInput {
  const paths = vectorConfigPaths(options).join(',');
  const names = ['VECTOR_CONFIG', ...(ctx.secretMode === 'env' ? [ctx.passwordEnvVar, ALLOW_INTERPOLATION_VAR] : [])];
  const commands = [
    `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
    `sudo sed -i -E '/^(${names.join('|')})=/d' ${SERVICE_ENV_FILE}`,
    `echo 'VECTOR_CONFIG=${paths}' | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`,
  ];
  let detail = `The packaged unit reads ${SERVICE_ENV_FILE} for both vector validate (ExecStartPre) and vector; VECTOR_CONFIG names the files to load, comma-separated.`;
  if (options.mode === 'output-only') {
    detail += ` If your own config is not ${VECTOR_CONFIG_DIR}/vector.yaml, put its path first instead.`;
  }
  if (ctx.secretMode === 'env') {
    const name = ctx.passwordEnvVar;
    commands.push(
      `echo '${ALLOW_INTERPOLATION_VAR}=true' | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`,
      `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
      `printf '${name}="%s"\\n' "$${name}" | sudo tee -a ${SERVICE_ENV_FILE} > /dev/null && unset ${name}`,
    );
    detail += ` Vector puts ${name} into sasl.password at start. From Vector 0.57 it expands variables only when ${ALLOW_INTERPOLATION_VAR}=true is set; without it the literal text would be sent as the password and SASL fails. Older releases ignore the variable. read asks for AccessKeyId#AccessKeySecret without echoing it, so the secret lands neither on screen nor in the shell history.`;
  }
  return { title: 'Point the service at the file', detail, commands };
}

function warnings(ctx: RenderContext, options: VectorOptions): StepInput[] {
  const out: StepInput[] = [];
  if (ctx.expandJson && options.codec === 'text') {
    out.push({
      kind: 'warning',
      title: 'JSON expansion needs JSON messages',
      detail: 'The topic ends in .json, so SLS parses each message as JSON, but codec text sends the raw line. Choose codec json, or send lines that are JSON themselves.',
    });
  }
  const compression = compressionWarning(options.compression, ctx.lang);
  if (compression) out.push(compression);
  return out;
}

function validateStep(ctx: RenderContext, options: VectorOptions): StepInput {
  const paths = vectorConfigPaths(options).join(' ');
  const validate = `vector validate --no-environment ${paths}`;
  const command =
    ctx.secretMode === 'env'
      ? // The variables live in the root-only file the service reads; load them for this one run.
        `sudo sh -c 'set -a && . ${SERVICE_ENV_FILE} && exec ${validate}'`
      : `sudo -u vector ${validate}`;
  return {
    title: 'Check the config',
    detail: '--no-environment parses the files and checks the topology without connecting. Success: “Validated”. “unknown field” names a key your Vector release lacks; “Input … doesn’t match any components” names an input id that is not in your config.',
    commands: [command],
  };
}

function restartStep(ctx: RenderContext): StepInput {
  const where = recordsPlace(ctx);
  return {
    title: 'Restart Vector and watch the log',
    detail: `Before each start the unit runs vector validate with health checks, which connects to the endpoint: a failing check stops the start. Healthy: the journal shows “Healthcheck passed” for sink ${SINK_ID} and no “Authentication failed” or “SSL handshake failed”. Then look in ${where}.`,
    commands: ['sudo systemctl enable vector', 'sudo systemctl restart vector', 'sudo systemctl status vector --no-pager', "sudo journalctl -u vector --since '-5 min' --no-pager"],
  };
}

export function vectorSteps(ctx: RenderContext, options: VectorOptions): RenderStep[] {
  return agentSteps('vector', [
    installStep(),
    sandboxCaStep(ctx),
    placeStep(ctx, options),
    environmentStep(ctx, options),
    ...warnings(ctx, options),
    validateStep(ctx, options),
    restartStep(ctx),
  ]);
}
