/**
 * The steps around the Fluent Bit file per platform: install, fetch the
 * sandbox CA, store the password where the service reads it and CHECK it is
 * there before starting (Fluent Bit 4.2.8 segfaults instead of reporting a
 * producer it could not create), place the file, `--dry-run`, start, read
 * the log. Facts and sources: docs/agents/fluentbit.md, fluentbit-examples.md.
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { recordsPlace, sandboxCaCommands, type StepInput } from '../common/steps';
import { shellWord } from '../../config-languages/shell/quote';
import {
  caLocation,
  configDir,
  DROP_IN_DIR,
  ENV_FILE_NAME,
  fileName,
  IMAGE,
  mainConfigPath,
  PACKAGED_BINARY,
  SERVICE_ENV_FILE,
} from './layout';
import type { FluentbitOptions } from './schema';
import { sayer, type Say } from '../common/say';
import texts from './step-texts.json';

type S = Say<typeof texts>;

const NAMESPACE = 'logging';

/** `read -rs` keeps the secret off the screen and out of the history; printf is a shell builtin, so it is in no argv. */
function promptCommands(ctx: RenderContext, writeTo: string): string[] {
  const name = ctx.passwordEnvVar;
  return [
    `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
    `printf '${name}=%s\\n' "$${name}" | ${writeTo} && unset ${name}`,
  ];
}

/** A shell test that is true when the env file holds a non-empty `NAME=…#…`. */
function envFileSet(ctx: RenderContext, file: string, sudo: boolean): string {
  return `${sudo ? 'sudo ' : ''}grep -q '^${ctx.passwordEnvVar}=.\\+#.\\+' ${file}`;
}

function segfaultDetail(ctx: RenderContext, say: S): string {
  return say('segfault', { variable: ctx.passwordEnvVar });
}

function compressionWarning(options: FluentbitOptions, say: S): StepInput | undefined {
  if (options.compression === 'gzip' || options.compression === 'none') return undefined;
  return { kind: 'warning', title: say('compression.title', { codec: options.compression }), detail: say('compression.detail') };
}

function caCheckStep(ctx: RenderContext, options: FluentbitOptions, say: S): StepInput | undefined {
  if (ctx.sandbox || options.caFile === '') return undefined;
  return {
    title: say('caFile.title'),
    detail: say('caFile.detail'),
    commands: [`openssl x509 -noout -subject -in ${shellWord(options.caFile)}`],
  };
}

function verifyDetail(ctx: RenderContext, options: FluentbitOptions, logs: string, say: S): string {
  return say('verify', {
    logs,
    feed: say(options.mode === 'complete' ? 'feed.complete' : 'feed.output'),
    shape: say(ctx.expandJson ? 'shape.expanded' : 'shape.content'),
    where: recordsPlace(ctx),
  });
}

function systemdSteps(ctx: RenderContext, options: FluentbitOptions, say: S): StepInput[] {
  const file = fileName(options);
  const dir = configDir(options);
  const target = `${dir}/${file}`;
  const main = mainConfigPath(options);
  const steps: StepInput[] = [
    {
      title: say('install.title'),
      detail: say('install.detail'),
      commands: ['curl -fsSL https://raw.githubusercontent.com/fluent/fluent-bit/master/install.sh | sh', `${PACKAGED_BINARY} --version`],
    },
  ];
  if (ctx.sandbox) {
    const ca = caLocation(ctx, options)!;
    steps.push({
      title: say('ca.title'),
      detail: say('ca.detail'),
      commands: sandboxCaCommands(ctx.sandbox.caUrl, ca),
    });
  }
  const place: string[] = [];
  if (options.mode === 'complete') {
    place.push(`sudo cp -p ${main} ${main}.orig 2>/dev/null || true`);
    place.push(`sudo install -m 600 -o root -g root ${file} ${target}`);
    place.push('sudo mkdir -p /var/lib/fluent-bit');
  } else {
    place.push(`sudo install -m 600 -o root -g root ${file} ${target}`);
    if (options.format === 'classic') {
      place.push(`sudo grep -qi '^@INCLUDE ${file}$' ${main} || echo '@INCLUDE ${file}' | sudo tee -a ${main} > /dev/null`);
    }
  }
  steps.push({
    title: say(options.mode === 'complete' ? 'place.complete.title' : 'place.output.title', { file }),
    detail:
      say(options.mode === 'complete' ? 'place.complete' : options.format === 'classic' ? 'place.classic' : 'place.yaml', { file, main }) +
      say('place.mode', { holds: say(ctx.secretMode === 'inline' ? 'holds.inline' : 'holds.env') }),
    commands: place,
  });
  const dropIn: string[] = [];
  if (ctx.secretMode === 'env') dropIn.push(`EnvironmentFile=${SERVICE_ENV_FILE}`);
  if (options.format === 'yaml') dropIn.push('ExecStart=', `ExecStart=${PACKAGED_BINARY} -c ${main}`);
  if (ctx.secretMode === 'env') {
    steps.push({
      title: say('secret.title'),
      detail: say('secret.detail', { file: SERVICE_ENV_FILE }),
      commands: [
        `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
        `sudo sed -i '/^${ctx.passwordEnvVar}=/d' ${SERVICE_ENV_FILE}`,
        ...promptCommands(ctx, `sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`),
      ],
    });
  }
  if (dropIn.length > 0) {
    steps.push({
      title: say('dropIn.title'),
      detail:
        options.format === 'yaml'
          ? say('dropIn.yaml', { main, env: ctx.secretMode === 'env' ? say('dropIn.yamlEnv', { file: SERVICE_ENV_FILE }) : '' })
          : say('dropIn.env', { file: SERVICE_ENV_FILE }),
      commands: [
        `sudo mkdir -p ${DROP_IN_DIR}`,
        `printf '${['[Service]', ...dropIn].join('\\n')}\\n' | sudo tee ${DROP_IN_DIR}/sls-kafka.conf > /dev/null`,
        'sudo systemctl daemon-reload',
      ],
    });
  }
  steps.push({
    title: say('dry.title'),
    detail: say('dry.detail'),
    commands: [`sudo ${PACKAGED_BINARY} -c ${main} --dry-run`],
  });
  const restart = 'sudo systemctl enable fluent-bit && sudo systemctl restart fluent-bit';
  if (ctx.secretMode === 'env') {
    const set = `${envFileSet(ctx, SERVICE_ENV_FILE, true)} && systemctl show fluent-bit -p EnvironmentFiles | grep -q ${SERVICE_ENV_FILE}`;
    steps.push({
      kind: 'warning',
      title: say('startSet.title', { variable: ctx.passwordEnvVar }),
      detail: segfaultDetail(ctx, say),
      commands: [`if ${set}; then ${restart}; else echo '${ctx.passwordEnvVar} is not set for fluent-bit: store it first (step above)' >&2; fi`],
    });
  } else {
    steps.push({ title: say('start.title'), commands: [restart] });
  }
  steps.push({
    title: say('verify.title'),
    detail: verifyDetail(ctx, options, say('logs.journal'), say),
    commands: ['systemctl is-active fluent-bit', "sudo journalctl -u fluent-bit --since '-5 min' --no-pager | grep -iE 'kafka|error|warn'"],
  });
  return steps;
}

function dockerSteps(ctx: RenderContext, options: FluentbitOptions, say: S): StepInput[] {
  const file = fileName(options);
  const dir = configDir(options);
  const main = mainConfigPath(options);
  const ca = caLocation(ctx, options);
  const steps: StepInput[] = [];
  if (ctx.sandbox) {
    steps.push({
      title: say('ca.title'),
      detail: say('docker.ca.detail', { file, ca: ca ?? '', host: ctx.sandbox.host }),
      commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
    });
  }
  if (ctx.secretMode === 'env') {
    steps.push({
      title: say('docker.env.title'),
      detail: say('docker.env.detail', { file: ENV_FILE_NAME }),
      commands: [`install -m 600 /dev/null ${ENV_FILE_NAME}`, ...promptCommands(ctx, `cat > ${ENV_FILE_NAME}`)],
    });
  }
  const mounts = [`-v "$PWD/${file}:${dir}/${file}:ro"`];
  if (ctx.sandbox) mounts.push(`-v "$PWD/${ctx.sandbox.caFileName}:${ca}:ro"`);
  if (options.mode === 'complete') mounts.push('-v /var/log:/var/log:ro', '-v fluent-bit-state:/fluent-bit/state');
  const envFile = ctx.secretMode === 'env' ? ` --env-file ${ENV_FILE_NAME}` : '';
  const image = `${IMAGE}:latest`;
  steps.push({
    title: say('dry.title'),
    detail: say('docker.dry.detail', { own: options.mode === 'complete' ? '' : say('docker.own', { main, file }) }),
    commands: [`docker run --rm ${mounts.join(' ')} ${image} -c ${options.mode === 'complete' ? `${dir}/${file}` : main} --dry-run`],
  });
  const run = `docker run -d --name fluent-bit --restart unless-stopped${envFile} ${mounts.join(' ')} ${image} -c ${options.mode === 'complete' ? `${dir}/${file}` : main}`;
  if (ctx.secretMode === 'env') {
    steps.push({
      kind: 'warning',
      title: say('startSet.title', { variable: ctx.passwordEnvVar }),
      detail: segfaultDetail(ctx, say),
      commands: [`if ${envFileSet(ctx, ENV_FILE_NAME, false)}; then ${run}; else echo '${ctx.passwordEnvVar} is missing in ${ENV_FILE_NAME}' >&2; fi`],
    });
  } else {
    steps.push({ title: say('docker.start.title'), commands: [run] });
  }
  steps.push({
    title: say('verify.title'),
    detail: verifyDetail(ctx, options, say('logs.container'), say),
    commands: ["docker logs --since 5m fluent-bit 2>&1 | grep -iE 'kafka|error|warn'"],
  });
  return steps;
}

function kubernetesSteps(ctx: RenderContext, options: FluentbitOptions, say: S): StepInput[] {
  const steps: StepInput[] = [];
  if (ctx.secretMode === 'inline') {
    steps.push({
      kind: 'warning',
      title: say('k8s.configMap.title'),
      detail: say('k8s.configMap.detail'),
    });
  } else {
    steps.push({
      title: say('k8s.secret.title'),
      detail: say('k8s.secret.detail', { file: ENV_FILE_NAME, variable: ctx.passwordEnvVar }),
      commands: [
        `kubectl create namespace ${NAMESPACE} --dry-run=client -o yaml | kubectl apply -f -`,
        `install -m 600 /dev/null ${ENV_FILE_NAME}`,
        ...promptCommands(ctx, `cat > ${ENV_FILE_NAME}`),
        `kubectl -n ${NAMESPACE} create secret generic sls-kafka --from-env-file=${ENV_FILE_NAME} && rm -f ${ENV_FILE_NAME}`,
      ],
    });
    steps.push({
      kind: 'warning',
      title: say('startSet.title', { variable: ctx.passwordEnvVar }),
      detail: say('k8s.check', { segfault: segfaultDetail(ctx, say) }),
      commands: [`kubectl -n ${NAMESPACE} get secret sls-kafka -o jsonpath='{.data.${ctx.passwordEnvVar}}' | grep -q . && echo ${ctx.passwordEnvVar} is set`],
    });
  }
  if (ctx.sandbox) {
    steps.push({
      title: say('k8s.ca.title'),
      detail: say('k8s.ca.detail', { ca: caLocation(ctx, options) ?? '' }),
      commands: [
        `curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`,
        `kubectl -n ${NAMESPACE} create configmap sls-sandbox-ca --from-file=${shellWord(ctx.sandbox.caFileName)}`,
      ],
    });
  }
  steps.push({
    title: say('k8s.helm.title'),
    detail: say('k8s.helm.detail', {
      section: say(options.format === 'yaml' ? 'k8s.helm.yaml' : 'k8s.helm.classic'),
      file: fileName(options),
      env: ctx.secretMode === 'env' ? say('k8s.helm.env') : '',
    }),
    commands: [
      'helm repo add fluent https://fluent.github.io/helm-charts && helm repo update',
      "helm show values fluent/fluent-bit | grep -nE '^(config|envFrom|extraVolumes|extraVolumeMounts):'",
      `helm upgrade --install fluent-bit fluent/fluent-bit -n ${NAMESPACE} -f fluent-bit-values.yaml`,
    ],
  });
  steps.push({
    title: say('verify.title'),
    detail: verifyDetail(ctx, options, say('logs.pod'), say),
    commands: [`kubectl -n ${NAMESPACE} logs ds/fluent-bit --since=5m | grep -iE 'kafka|error|warn'`],
  });
  return steps;
}

export function fluentbitSteps(ctx: RenderContext, options: FluentbitOptions): RenderStep[] {
  const say = sayer(texts, ctx.lang);
  const platformSteps =
    options.platform === 'docker'
      ? dockerSteps(ctx, options, say)
      : options.platform === 'kubernetes'
        ? kubernetesSteps(ctx, options, say)
        : systemdSteps(ctx, options, say);
  const steps: (StepInput | undefined)[] = [caCheckStep(ctx, options, say), compressionWarning(options, say), ...platformSteps];
  return steps.filter((s): s is StepInput => s !== undefined).map((s) => ({ agent: 'fluentbit', ...s }));
}
