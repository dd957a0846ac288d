/**
 * The steps around the Fluent Bit file per platform: install, fetch the
 * sandbox CA, store the password where the service reads it and CHECK it is
 * there before starting (Fluent Bit 4.2.8 segfaults instead of reporting a
 * producer it could not create), place the file, `--dry-run`, start, read
 * the log. Facts and sources: docs/agents/fluentbit.md, fluentbit-examples.md.
 */
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import { recordsPlace, type StepInput } from '../common/steps';
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

function segfaultDetail(ctx: RenderContext): string {
  return `Without ${ctx.passwordEnvVar} the password expands to nothing, librdkafka cannot create the producer, and Fluent Bit 4.2.8 crashes (segfault) instead of saying so. So the start below only runs when the variable is set.`;
}

function compressionWarning(options: FluentbitOptions): StepInput | undefined {
  if (options.compression === 'gzip' || options.compression === 'none') return undefined;
  return {
    kind: 'warning',
    title: `Compression ${options.compression} is not in the SLS examples`,
    detail: 'The SLS documentation only shows gzip. If records do not arrive or the log shows produce errors, switch compression to gzip.',
  };
}

function caCheckStep(ctx: RenderContext, options: FluentbitOptions): StepInput | undefined {
  if (ctx.sandbox || options.caFile === '') return undefined;
  return {
    title: 'Check the CA file',
    detail: 'rdkafka.ssl.ca.location must name a readable PEM file with the root that signs the SLS certificate; on Docker or Kubernetes, mount it at that path.',
    commands: [`openssl x509 -noout -subject -in ${shellWord(options.caFile)}`],
  };
}

function verifyDetail(ctx: RenderContext, options: FluentbitOptions, logs: string): string {
  const where = recordsPlace(ctx);
  const shape = ctx.expandJson ? 'each record arrives with its fields expanded' : 'each record arrives as JSON text in the field content';
  const feed = options.mode === 'complete' ? 'Append a line to one of the collected files; ' : 'Once your inputs produce records, ';
  return `${logs} Healthy: a line like “[output:kafka:kafka.0] brokers=… topics=…” and no “failed to create producer”, “Authentication failed” or “Disconnected”. ${feed}${shape} in ${where} (delivery reports show only with Log_Level debug).`;
}

function systemdSteps(ctx: RenderContext, options: FluentbitOptions): StepInput[] {
  const file = fileName(options);
  const dir = configDir(options);
  const target = `${dir}/${file}`;
  const main = mainConfigPath(options);
  const steps: StepInput[] = [
    {
      title: 'Install Fluent Bit',
      detail: 'The upstream installer adds the packages.fluentbit.io repository (apt or yum) and installs the fluent-bit package with its systemd unit. Skip this if Fluent Bit is already installed.',
      commands: ['curl -fsSL https://raw.githubusercontent.com/fluent/fluent-bit/master/install.sh | sh', `${PACKAGED_BINARY} --version`],
    },
  ];
  if (ctx.sandbox) {
    const ca = caLocation(ctx, options)!;
    steps.push({
      title: 'Download the sandbox CA',
      detail: 'The sandbox signs its certificate with its own CA; rdkafka.ssl.ca.location points Fluent Bit at it, so the connection stays verified.',
      commands: [`sudo curl -fsSo ${shellWord(ca)} ${shellWord(ctx.sandbox.caUrl)}`, `sudo chmod 644 ${shellWord(ca)}`],
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
    title: options.mode === 'complete' ? `Install ${file}` : `Install ${file} next to your config`,
    detail:
      (options.mode === 'complete'
        ? `Run from the folder where you saved ${file}; the packaged ${main} is kept as .orig. `
        : options.format === 'classic'
          ? `The last command adds “@INCLUDE ${file}” to ${main} once. Match * sends every record: narrow it to your inputs’ tags if needed. `
          : `Then copy the entry under pipeline.outputs of ${main} (the file itself is for reference). `) +
      `Mode 600: the service runs as root, and the file ${ctx.secretMode === 'inline' ? 'holds the AccessKey secret' : 'names the password variable only'}.`,
    commands: place,
  });
  const dropIn: string[] = [];
  if (ctx.secretMode === 'env') dropIn.push(`EnvironmentFile=${SERVICE_ENV_FILE}`);
  if (options.format === 'yaml') dropIn.push('ExecStart=', `ExecStart=${PACKAGED_BINARY} -c ${main}`);
  if (ctx.secretMode === 'env') {
    steps.push({
      title: 'Store the password for the service',
      detail: `The packaged unit reads ${SERVICE_ENV_FILE} (and /etc/sysconfig/fluent-bit on RHEL-family systems) since init/systemd.in @ b1b6cccc; the drop-in below names it for older packages too. Run these in bash: read asks for AccessKeyId#AccessKeySecret without echoing it.`,
      commands: [
        `sudo touch ${SERVICE_ENV_FILE} && sudo chmod 600 ${SERVICE_ENV_FILE}`,
        `sudo sed -i '/^${ctx.passwordEnvVar}=/d' ${SERVICE_ENV_FILE}`,
        ...promptCommands(ctx, `sudo tee -a ${SERVICE_ENV_FILE} > /dev/null`),
      ],
    });
  }
  if (dropIn.length > 0) {
    steps.push({
      title: 'Point the service at the file',
      detail:
        options.format === 'yaml'
          ? `The packaged unit starts fluent-bit -c /etc/fluent-bit/fluent-bit.conf; this drop-in starts it with ${main} instead${ctx.secretMode === 'env' ? ` and loads ${SERVICE_ENV_FILE}` : ''}.`
          : `This drop-in makes the service load ${SERVICE_ENV_FILE}, also on packages whose unit does not.`,
      commands: [
        `sudo mkdir -p ${DROP_IN_DIR}`,
        `printf '${['[Service]', ...dropIn].join('\\n')}\\n' | sudo tee ${DROP_IN_DIR}/sls-kafka.conf > /dev/null`,
        'sudo systemctl daemon-reload',
      ],
    });
  }
  steps.push({
    title: 'Check the configuration',
    detail: 'Parses the file without connecting; success prints “configuration test is successful”. It does not check rdkafka.* names: a librdkafka typo shows only at start as “cannot configure … property”.',
    commands: [`sudo ${PACKAGED_BINARY} -c ${main} --dry-run`],
  });
  const restart = 'sudo systemctl enable fluent-bit && sudo systemctl restart fluent-bit';
  if (ctx.secretMode === 'env') {
    const set = `${envFileSet(ctx, SERVICE_ENV_FILE, true)} && systemctl show fluent-bit -p EnvironmentFiles | grep -q ${SERVICE_ENV_FILE}`;
    steps.push({
      kind: 'warning',
      title: `Start only with ${ctx.passwordEnvVar} set`,
      detail: segfaultDetail(ctx),
      commands: [`if ${set}; then ${restart}; else echo '${ctx.passwordEnvVar} is not set for fluent-bit: store it first (step above)' >&2; fi`],
    });
  } else {
    steps.push({ title: 'Start Fluent Bit', commands: [restart] });
  }
  steps.push({
    title: 'Check the log and the Logstore',
    detail: verifyDetail(ctx, options, 'Fluent Bit logs to the journal.'),
    commands: ['systemctl is-active fluent-bit', "sudo journalctl -u fluent-bit --since '-5 min' --no-pager | grep -iE 'kafka|error|warn'"],
  });
  return steps;
}

function dockerSteps(ctx: RenderContext, options: FluentbitOptions): StepInput[] {
  const file = fileName(options);
  const dir = configDir(options);
  const main = mainConfigPath(options);
  const ca = caLocation(ctx, options);
  const steps: StepInput[] = [];
  if (ctx.sandbox) {
    steps.push({
      title: 'Download the sandbox CA',
      detail: `Saved next to ${file} and mounted at ${ca}. Inside a container “${ctx.sandbox.host}” is the container itself: if the sandbox runs on the Docker host, set the sandbox host to an address the container can reach (or add --network host).`,
      commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
    });
  }
  if (ctx.secretMode === 'env') {
    steps.push({
      title: 'Store the password in an env file',
      detail: `docker run --env-file reads ${ENV_FILE_NAME}; keep it mode 600 and out of version control. Run these in bash.`,
      commands: [`install -m 600 /dev/null ${ENV_FILE_NAME}`, ...promptCommands(ctx, `cat > ${ENV_FILE_NAME}`)],
    });
  }
  const mounts = [`-v "$PWD/${file}:${dir}/${file}:ro"`];
  if (ctx.sandbox) mounts.push(`-v "$PWD/${ctx.sandbox.caFileName}:${ca}:ro"`);
  if (options.mode === 'complete') mounts.push('-v /var/log:/var/log:ro', '-v fluent-bit-state:/fluent-bit/state');
  const envFile = ctx.secretMode === 'env' ? ` --env-file ${ENV_FILE_NAME}` : '';
  const image = `${IMAGE}:latest`;
  steps.push({
    title: 'Check the configuration',
    detail:
      (options.mode === 'complete' ? '' : `Output only: mount your own ${main} too, with “@INCLUDE ${file}” (classic) or the entry copied into it (YAML). `) +
      'Success prints “configuration test is successful”. Pin the image to the release you run instead of latest.',
    commands: [`docker run --rm ${mounts.join(' ')} ${image} -c ${options.mode === 'complete' ? `${dir}/${file}` : main} --dry-run`],
  });
  const run = `docker run -d --name fluent-bit --restart unless-stopped${envFile} ${mounts.join(' ')} ${image} -c ${options.mode === 'complete' ? `${dir}/${file}` : main}`;
  if (ctx.secretMode === 'env') {
    steps.push({
      kind: 'warning',
      title: `Start only with ${ctx.passwordEnvVar} set`,
      detail: segfaultDetail(ctx),
      commands: [`if ${envFileSet(ctx, ENV_FILE_NAME, false)}; then ${run}; else echo '${ctx.passwordEnvVar} is missing in ${ENV_FILE_NAME}' >&2; fi`],
    });
  } else {
    steps.push({ title: 'Start the container', commands: [run] });
  }
  steps.push({
    title: 'Check the log and the Logstore',
    detail: verifyDetail(ctx, options, 'The container logs to stdout.'),
    commands: ["docker logs --since 5m fluent-bit 2>&1 | grep -iE 'kafka|error|warn'"],
  });
  return steps;
}

function kubernetesSteps(ctx: RenderContext, options: FluentbitOptions): StepInput[] {
  const steps: StepInput[] = [];
  if (ctx.secretMode === 'inline') {
    steps.push({
      kind: 'warning',
      title: 'The secret would sit in a ConfigMap',
      detail: 'The Helm chart keeps the config in a ConfigMap, readable by anyone who may read ConfigMaps in the namespace. Choose secret mode “environment variable” so the password lives in a Kubernetes Secret instead.',
    });
  } else {
    steps.push({
      title: 'Store the password in a Secret',
      detail: `Writes ${ENV_FILE_NAME} (mode 600), creates Secret sls-kafka with key ${ctx.passwordEnvVar} from it, and removes the file. Run these in bash.`,
      commands: [
        `kubectl create namespace ${NAMESPACE} --dry-run=client -o yaml | kubectl apply -f -`,
        `install -m 600 /dev/null ${ENV_FILE_NAME}`,
        ...promptCommands(ctx, `cat > ${ENV_FILE_NAME}`),
        `kubectl -n ${NAMESPACE} create secret generic sls-kafka --from-env-file=${ENV_FILE_NAME} && rm -f ${ENV_FILE_NAME}`,
      ],
    });
    steps.push({
      kind: 'warning',
      title: `Start only with ${ctx.passwordEnvVar} set`,
      detail: `${segfaultDetail(ctx)} Check the Secret before installing; the pods get it through the chart value envFrom.`,
      commands: [`kubectl -n ${NAMESPACE} get secret sls-kafka -o jsonpath='{.data.${ctx.passwordEnvVar}}' | grep -q . && echo ${ctx.passwordEnvVar} is set`],
    });
  }
  if (ctx.sandbox) {
    steps.push({
      title: 'Make the sandbox CA available',
      detail: `Put the sandbox CA into a ConfigMap and mount it at ${caLocation(ctx, options)} (chart values extraVolumes / extraVolumeMounts). The sandbox host must be reachable from the pods.`,
      commands: [
        `curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`,
        `kubectl -n ${NAMESPACE} create configmap sls-sandbox-ca --from-file=${shellWord(ctx.sandbox.caFileName)}`,
      ],
    });
  }
  steps.push({
    title: 'Install with the official Helm chart',
    detail:
      `The chart fluent/fluent-bit runs a DaemonSet that reads /var/log/containers/*.log. Put the ${options.format === 'yaml' ? 'outputs entry' : '[OUTPUT] section'} of ${fileName(options)} into your values file (the chart’s config.outputs)` +
      (ctx.secretMode === 'env' ? ', and add envFrom: [{secretRef: {name: sls-kafka}}]' : '') +
      '. Value names differ between chart versions: check them with helm show values first.',
    commands: [
      'helm repo add fluent https://fluent.github.io/helm-charts && helm repo update',
      "helm show values fluent/fluent-bit | grep -nE '^(config|envFrom|extraVolumes|extraVolumeMounts):'",
      `helm upgrade --install fluent-bit fluent/fluent-bit -n ${NAMESPACE} -f fluent-bit-values.yaml`,
    ],
  });
  steps.push({
    title: 'Check the log and the Logstore',
    detail: verifyDetail(ctx, options, 'Each pod logs to stdout.'),
    commands: [`kubectl -n ${NAMESPACE} logs ds/fluent-bit --since=5m | grep -iE 'kafka|error|warn'`],
  });
  return steps;
}

export function fluentbitSteps(ctx: RenderContext, options: FluentbitOptions): RenderStep[] {
  const platformSteps =
    options.platform === 'docker' ? dockerSteps(ctx, options) : options.platform === 'kubernetes' ? kubernetesSteps(ctx, options) : systemdSteps(ctx, options);
  const steps: (StepInput | undefined)[] = [caCheckStep(ctx, options), compressionWarning(options), ...platformSteps];
  return steps.filter((s): s is StepInput => s !== undefined).map((s) => ({ agent: 'fluentbit', ...s }));
}
