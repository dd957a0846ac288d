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
import { agentSteps, compressionWarning, recordsPlace, type StepInput } from '../common/steps';
import { EXPORTER_ID, OTELCOL_CONFIG_DIR, sandboxCaPath, signalsOf } from './config';
import type { OtelcolOptions } from './schema';
import { shellWord } from '../../config-languages/shell/quote';

export const MAIN_CONFIG = `${OTELCOL_CONFIG_DIR}/config.yaml`;
export const SECRET_ENV_FILE = `${OTELCOL_CONFIG_DIR}/sls-kafka.env`;
export const DROP_IN_DIR = '/etc/systemd/system/otelcol-contrib.service.d';
export const DROP_IN_FILE = `${DROP_IN_DIR}/sls-kafka.conf`;

export function otelcolFileName(options: OtelcolOptions): string {
  return options.mode === 'complete' ? 'config.yaml' : 'sls-kafka-exporter.yaml';
}

function installStep(options: OtelcolOptions): StepInput {
  return {
    title: 'Install the collector (contrib)',
    detail: `The kafka exporter is only in the contrib distribution. Pick a release from github.com/open-telemetry/opentelemetry-collector-releases; this file is for ${
      options.version === 'post124' ? 'v0.124.0 or newer' : 'releases before v0.124.0'
    }, so otelcol-contrib --version must agree (an unknown key stops the start).`,
    commands: [
      'V=0.150.0   # the release you install',
      'curl -fLO "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v${V}/otelcol-contrib_${V}_linux_amd64.deb"',
      'sudo dpkg -i "otelcol-contrib_${V}_linux_amd64.deb"   # RHEL family: the .rpm with sudo rpm -ivh',
      'otelcol-contrib --version',
    ],
  };
}

function sandboxCaStep(ctx: RenderContext): StepInput | undefined {
  const path = sandboxCaPath(ctx);
  if (!ctx.sandbox || !path) return undefined;
  return {
    title: 'Download the sandbox CA',
    detail: 'The sandbox signs its TLS certificate with its own CA; tls.ca_file points the collector at it, so the connection stays verified.',
    commands: [`sudo curl -fsSo ${shellWord(path)} ${shellWord(ctx.sandbox.caUrl)}`, `sudo chmod 644 ${shellWord(path)}`],
  };
}

function placeStep(ctx: RenderContext, options: OtelcolOptions): StepInput {
  const holds = ctx.secretMode === 'inline' ? 'it holds the password, so keep it from other users' : 'it names the password variable only';
  if (options.mode === 'complete') {
    return {
      title: 'Replace config.yaml',
      detail: `Run from the folder where you saved config.yaml: keep a copy of the packaged file, then install this one. Mode 640, group of the service user: ${holds}. The filelog receiver needs read access to the files it collects.`,
      commands: [
        `sudo cp -p ${MAIN_CONFIG} ${MAIN_CONFIG}.orig`,
        `sudo install -m 640 -o root -g "$(stat -c %G ${MAIN_CONFIG})" config.yaml ${MAIN_CONFIG}`,
      ],
    };
  }
  const pipelines = signalsOf(options).map((s) => `service.pipelines.${s}.exporters`).join(', ');
  return {
    kind: 'warning',
    title: 'Merge the exporter into your config',
    detail: `Copy the exporters.kafka block into the exporters: section of ${MAIN_CONFIG} and add “${EXPORTER_ID}” to ${pipelines}; an exporter no pipeline names is never started. The file ${holds}.`,
    commands: [`sudoedit ${MAIN_CONFIG}`],
  };
}

function secretStep(ctx: RenderContext): StepInput | undefined {
  if (ctx.secretMode !== 'env') return undefined;
  const name = ctx.passwordEnvVar;
  return {
    title: 'Store the password for the service',
    detail: `The collector replaces \${env:${name}} at start. A systemd drop-in loads ${SECRET_ENV_FILE} (mode 600, root) into the service, whatever environment file the package itself uses. read asks for AccessKeyId#AccessKeySecret without echoing it, so the secret lands neither on screen nor in the shell history. If the variable is missing, the collector stops with “password is required”.`,
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

function warnings(ctx: RenderContext, options: OtelcolOptions): StepInput[] {
  const out: StepInput[] = [];
  if (options.logsEncoding === 'raw') {
    out.push({
      kind: 'warning',
      title: 'raw sends the log body only',
      detail: 'A text body arrives in JSON quotes ("GET /index.html 200"); resource and record attributes are dropped. Choose otlp_json to keep them (one SLS log per batch).',
    });
  } else if (ctx.expandJson) {
    out.push({
      kind: 'warning',
      title: 'JSON expansion splits only the top level',
      detail: 'With otlp_json the .json topic expands only resourceLogs into a field; the records stay nested. Turn JSON expansion off for otlp_json.',
    });
  }
  const compression = compressionWarning(options.compression, ctx.lang);
  if (compression) out.push(compression);
  return out;
}

function validateStep(ctx: RenderContext): StepInput {
  const validate = `otelcol-contrib validate --config=${MAIN_CONFIG}`;
  return {
    title: 'Check the config',
    detail: 'validate parses the file and checks every component’s settings without connecting. “has invalid keys” names a key your release does not know: check the version choice.',
    commands: [
      ctx.secretMode === 'env'
        ? // The variable lives in the root-only file the service reads; load it for this one run.
          `sudo sh -c 'set -a && . ${SECRET_ENV_FILE} && exec ${validate}'`
        : `sudo ${validate}`,
    ],
  };
}

function restartStep(ctx: RenderContext): StepInput {
  const where = recordsPlace(ctx);
  return {
    title: 'Restart the collector and watch the log',
    detail: `Healthy: “Everything is ready” and no “Exporting failed”, “SASL” or “run out of available brokers” lines. Then look in ${where}.`,
    commands: [
      'sudo systemctl restart otelcol-contrib',
      'sudo systemctl status otelcol-contrib --no-pager',
      "sudo journalctl -u otelcol-contrib --since '-5 min' --no-pager",
    ],
  };
}

export function otelcolSteps(ctx: RenderContext, options: OtelcolOptions): RenderStep[] {
  return agentSteps('otelcol', [
    installStep(options),
    sandboxCaStep(ctx),
    placeStep(ctx, options),
    secretStep(ctx),
    ...warnings(ctx, options),
    validateStep(ctx),
    restartStep(ctx),
  ]);
}
