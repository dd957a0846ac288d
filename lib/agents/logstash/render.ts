/**
 * The Logstash renderer: the pipeline `sls-kafka.conf` with a kafka output
 * (and optionally an input), the JAAS file when `jaas_path` is used, the
 * persistent-queue lines for logstash.yml, and the steps around them — plugin
 * check and update (SLS's Kafka 2.1.0 minimum, features newer than the bundled
 * plugin), trust (JVM cacerts, the JKS SLS publishes, PEM, or a JKS built with
 * keytool), the service environment (HOSTNAME, the keystore password),
 * keystore for env mode, queue, install, config test, restart, check.
 * Facts: docs/agents/logstash.md (versions, TLS, secrets, paths, day two); docs/sls.md#tls.
 */
import type { LogstashOptions } from './schema';
import { sayer } from '../common/say';
import texts from './step-texts.json';
import type { RenderContext } from '../context';
import type { AgentRender, RenderedFile, RenderStep } from '../types';
import {
  jaasFile,
  pipelineConfig,
  queueSettings,
  QUEUE_MAX_BYTES,
  QUEUE_PATH,
  type PasswordSource,
  type PipelineInput,
  type TrustSettings,
} from './pipeline';
import { shellWord } from '../../config-languages/shell/quote';
import { sandboxCaCommands } from '../common/steps';
import {
  GLOBALSIGN_ROOTS,
  globalSignJksSteps,
  importCertCommand,
  keytoolCommand,
  listStoreCommand,
  protectStoreCommands,
  type JksStore,
  type LogstashSay,
} from './truststore';
import {
  featureSupport,
  LOGSTASH_VERSION_FACTS,
  NEWEST_11X,
  PLUGIN_FEATURES,
  type LogstashVersionFacts,
  type PluginFeature,
} from './versions';

export const LOGSTASH_PIPELINE_FILE = 'sls-kafka.conf';
export const LOGSTASH_JAAS_FILE = 'kafka_client_jaas.conf';
export const LOGSTASH_QUEUE_FILE = 'logstash-queue.yml';

const SETTINGS_DIR = '/etc/logstash';
const PIPELINE_PATH = `${SETTINGS_DIR}/conf.d/${LOGSTASH_PIPELINE_FILE}`;
const JAAS_PATH = `${SETTINGS_DIR}/${LOGSTASH_JAAS_FILE}`;
const SANDBOX_JKS_PATH = `${SETTINGS_DIR}/sls-sandbox-truststore.jks`;
const KEYSTORE_PATH = `${SETTINGS_DIR}/logstash.keystore`;
const LOGSTASH_YML = `${SETTINGS_DIR}/logstash.yml`;
/** The truststore SLS publishes for Logstash (aliyun-sls/sls-doc kafka_logstash.md): URL, md5 and store password as given there. */
export const SLS_JKS = {
  url: 'https://sls-kproxy.oss-cn-hangzhou.aliyuncs.com/client-root.truststore.jks',
  md5: 'bbe0c4523637f489fa7664b881f32978',
  password: '123456',
  path: `${SETTINGS_DIR}/sls-root.truststore.jks`,
} as const;
/**
 * The service environment file: the logstash.service unit reads both
 * /etc/default/logstash and /etc/sysconfig/logstash; RHEL has /etc/sysconfig.
 * Repeated at the head of each step that uses it, so each step stands alone.
 */
const ENV_FILE_PICK = 'ENVFILE=/etc/default/logstash; [ -d /etc/sysconfig ] && ENVFILE=/etc/sysconfig/logstash';
/** Reads the keystore password back from the environment file into this shell (export is a builtin: no argv). */
const EXPORT_KEYSTORE_PASS = 'export LOGSTASH_KEYSTORE_PASS="$(sudo sed -n \'s/^LOGSTASH_KEYSTORE_PASS=//p\' "$ENVFILE")"';

const BIN = '/usr/share/logstash/bin';
const LOG_FILE = '/var/log/logstash/logstash-plain.log';
/** logstash-integration-kafka releases whose output fails on any `sasl_jaas_config` (PRs #245/#247). */
const JAAS_CONFIG_BUG = '11.8.5–11.8.7 and 12.0.5–12.1.0';

type JaasPlan = { kind: 'inline' | 'file'; fileWantedButEnv: boolean };

export type TrustPlan =
  | { source: 'jvm'; settings: TrustSettings }
  | { source: 'pem-bundle'; settings: Extract<TrustSettings, { kind: 'pem' }> }
  | { source: 'globalsign-jks'; settings: Extract<TrustSettings, { kind: 'jks' }> }
  | { source: 'sls-jks'; settings: Extract<TrustSettings, { kind: 'jks' }> }
  | { source: 'sandbox-pem'; settings: Extract<TrustSettings, { kind: 'pem' }>; caPath: string; caUrl: string }
  | { source: 'sandbox-jks'; settings: Extract<TrustSettings, { kind: 'jks' }>; caPath: string; caUrl: string };

/**
 * Inline `sasl_jaas_config` where the bundled plugin has it, else a JAAS file.
 * Env mode always goes inline: a JAAS file cannot read the Logstash keystore.
 */
function planJaas(ctx: RenderContext, options: LogstashOptions, facts: LogstashVersionFacts): JaasPlan {
  const wanted = options.jaasMode === 'auto' ? (facts.inlineJaas ? 'inline' : 'file') : options.jaasMode;
  if (wanted === 'file' && ctx.secretMode === 'env') return { kind: 'inline', fileWantedButEnv: true };
  return { kind: wanted, fileWantedButEnv: false };
}

function planTrust(ctx: RenderContext, options: LogstashOptions, facts: LogstashVersionFacts): TrustPlan {
  if (ctx.sandbox) {
    const caPath = `${SETTINGS_DIR}/${ctx.sandbox.caFileName}`;
    return featureSupport(facts, 'pemTruststore') === 'bundled'
      ? { source: 'sandbox-pem', settings: { kind: 'pem', path: caPath }, caPath, caUrl: ctx.sandbox.caUrl }
      : {
          source: 'sandbox-jks',
          settings: { kind: 'jks', path: SANDBOX_JKS_PATH, password: options.jksPassword },
          caPath,
          caUrl: ctx.sandbox.caUrl,
        };
  }
  switch (options.truststore) {
    case 'auto':
      return facts.bundledJdk ? { source: 'jvm', settings: { kind: 'jvm' } } : slsJksPlan();
    case 'sls-jks':
      return slsJksPlan();
    case 'jvm':
      return { source: 'jvm', settings: { kind: 'jvm' } };
    case 'pem':
      return { source: 'pem-bundle', settings: { kind: 'pem', path: options.pemBundlePath } };
    case 'jks':
      return { source: 'globalsign-jks', settings: { kind: 'jks', path: options.jksPath, password: options.jksPassword } };
  }
}

function slsJksPlan(): TrustPlan {
  return {
    source: 'sls-jks',
    settings: {
      kind: 'jks',
      path: SLS_JKS.path,
      password: SLS_JKS.password,
      comment: 'The truststore SLS publishes for Logstash; 123456 is its published store password (public certificates only).',
    },
  };
}

function passwordSource(ctx: RenderContext): PasswordSource {
  return ctx.secretMode === 'env'
    ? { kind: 'logstash-variable', name: ctx.passwordEnvVar }
    : { kind: 'literal', password: ctx.password };
}

function pipelineInput(options: LogstashOptions): PipelineInput {
  switch (options.input) {
    case 'none':
      return { kind: 'none' };
    case 'file':
      return { kind: 'file', path: options.filePath };
    case 'beats':
      return { kind: 'beats', port: options.beatsPort };
  }
}

type S = LogstashSay;

function step(title: string, fields: Omit<RenderStep, 'agent' | 'title'>): RenderStep {
  return { agent: 'logstash', title, ...fields };
}

function warning(title: string, detail: string, commands?: string[]): RenderStep {
  return step(title, { detail, kind: 'warning', ...(commands ? { commands } : {}) });
}

const LIST_PLUGINS = `${BIN}/logstash-plugin list --verbose | grep kafka`;

function updateCommand(gem: string): string {
  return `sudo ${BIN}/logstash-plugin update ${gem}`;
}

function installPinnedCommand(version: string): string {
  return `sudo ${BIN}/logstash-plugin install --version ${version} logstash-integration-kafka`;
}

/** The features this render uses that the line's bundled plugin may lack. */
function featuresNeedingUpdate(options: LogstashOptions, facts: LogstashVersionFacts, trust: TrustPlan): PluginFeature[] {
  const used: PluginFeature[] = [];
  if (options.compression === 'zstd') used.push('zstd');
  if (trust.source === 'pem-bundle') used.push('pemTruststore');
  return used.filter((f) => featureSupport(facts, f) === 'after-update');
}

/** The plugin release a pin must reach for every feature in `needed` (non-empty): the highest of their minimums. */
function minimumPluginFor(needed: readonly PluginFeature[]): string {
  return needed.map((f) => PLUGIN_FEATURES[f].minPlugin).sort().at(-1)!;
}

function pluginSteps(options: LogstashOptions, facts: LogstashVersionFacts, trust: TrustPlan, say: S): RenderStep[] {
  const gems = facts.pluginGems.join(say('or'));
  const bundled = say(`bundled.${options.version}`);
  const steps = [
    step(say('plugin.title'), {
      detail: say('plugin.detail', { label: facts.label, bundled, gems }),
      // Lines below SLS's client minimum get the update as a step of its own, right after.
      commands: [LIST_PLUGINS, ...(facts.clientBelowSlsMinimum ? [] : facts.pluginGems.map(updateCommand))],
    }),
  ];
  if (facts.clientBelowSlsMinimum) {
    steps.push(
      step(say('update.title'), {
        detail: say('update.detail', { label: facts.label }),
        commands: [...facts.pluginGems.map(updateCommand), LIST_PLUGINS],
      }),
    );
  }
  const needed = featuresNeedingUpdate(options, facts, trust);
  if (needed.length > 0 && facts.pluginPin) {
    const minimum = minimumPluginFor(needed);
    steps.push(
      step(say('pin.title', { pin: facts.pluginPin, what: needed.map((f) => PLUGIN_FEATURES[f].what).join(say('and')) }), {
        detail: say('pin.detail', {
          needs: needed.map((f) => say('pin.need', { what: PLUGIN_FEATURES[f].what, min: PLUGIN_FEATURES[f].minPlugin })).join(say('needSep')),
          label: facts.label,
          bundled,
          minimum,
          pin: facts.pluginPin,
        }),
        commands: [LIST_PLUGINS, installPinnedCommand(facts.pluginPin), LIST_PLUGINS],
      }),
    );
  }
  return steps;
}

function warningSteps(options: LogstashOptions, facts: LogstashVersionFacts, jaas: JaasPlan, trust: TrustPlan, say: S): RenderStep[] {
  const steps: RenderStep[] = [];
  const update = updateCommand(facts.pluginGems.at(-1)!);
  if (jaas.kind === 'inline' && facts.jaasConfigBugPossible) {
    steps.push(
      warning(
        say('jaasBug.title'),
        say('jaasBug.detail', { versions: JAAS_CONFIG_BUG }),
        [update],
      ),
    );
  }
  if (jaas.kind === 'inline' && !facts.inlineJaas) {
    steps.push(
      warning(
        say('oldJaas.title'),
        say('oldJaas.detail', { label: facts.label }),
        [update],
      ),
    );
  }
  if (facts.pluginGems.length === 1 && facts.pluginGems[0] === 'logstash-output-kafka') {
    steps.push(
      warning(
        say('ls6.title'),
        say('ls6.detail'),
        [update],
      ),
    );
  }
  if (jaas.fileWantedButEnv) {
    steps.push(
      warning(
        say('jaasEnv.title'),
        say('jaasEnv.detail'),
      ),
    );
  }
  if (jaas.kind === 'file') {
    steps.push(
      warning(
        say('jaasShared.title'),
        say('jaasShared.detail'),
      ),
    );
  }
  if (options.acks === 'all') {
    steps.push(
      warning(
        say('acksAll.title'),
        say('acksAll.detail'),
      ),
    );
  }
  if (facts.kafkaClients4Possible) {
    steps.push(
      warning(
        say('clients4.title'),
        say('clients4.detail', { newest: NEWEST_11X }),
        [installPinnedCommand(NEWEST_11X)],
      ),
    );
  }
  if (trust.source === 'globalsign-jks') {
    steps.push(
      warning(
        say('oldJks.title'),
        say('oldJks.detail'),
      ),
    );
  }
  if (trust.source === 'jvm' && !facts.bundledJdk) {
    steps.push(
      warning(
        say('sysJava.title'),
        say('sysJava.detail', { label: facts.label }),
      ),
    );
  }
  return steps;
}

/** The check that the JVM's cacerts holds the root that anchors the SLS chain. */
function jvmTrustStep(endpoint: { host: string; port: number }, facts: LogstashVersionFacts, keytool: string, say: S): RenderStep {
  const target = `${endpoint.host}:${endpoint.port}`;
  return step(say('jvm.title'), {
    detail: say('jvm.detail', {
      java: say(facts.bundledJdk ? 'jvm.bundled' : 'jvm.system'),
      roots: GLOBALSIGN_ROOTS.map((root) => `${root.name} ${root.sha256}`).join('; '),
      java8: facts.bundledJdk ? '' : say('jvm.java8'),
    }),
    commands: [
      `openssl s_client -connect ${shellWord(target)} -servername ${shellWord(endpoint.host)} -showcerts </dev/null 2>/dev/null ` +
        `| awk '/^ *[0-9]+ s:/{s=$0} /^ *i:/{i=$0} END{print "top of chain: " s; print "issued by:    " i}'`,
      `${keytool} -list -v -cacerts -storepass changeit | grep -i ${GLOBALSIGN_ROOTS.map((root) => `-e ${root.sha256}`).join(' ')}`,
    ],
  });
}

/** SLS's own truststore for Logstash, checked against the md5 SLS publishes. */
function slsJksSteps(settings: Extract<TrustSettings, { kind: 'jks' }>, keytool: string, facts: LogstashVersionFacts, say: S): RenderStep[] {
  const store: JksStore = { path: settings.path, password: settings.password, keytool };
  return [
    step(say('slsJks.title'), {
      detail: say('slsJks.detail', {
        password: SLS_JKS.password,
        md5: SLS_JKS.md5,
        system: facts.bundledJdk ? '' : say('slsJks.system', { label: facts.label }),
      }),
      commands: [
        `sudo curl -fsSLo ${shellWord(store.path)} ${shellWord(SLS_JKS.url)}`,
        `echo ${shellWord(`${SLS_JKS.md5}  ${store.path}`)} | sudo md5sum -c -`,
        ...protectStoreCommands(store.path),
        listStoreCommand(store),
      ],
    }),
  ];
}

function trustSteps(plan: TrustPlan, facts: LogstashVersionFacts, endpoint: { host: string; port: number }, say: S): RenderStep[] {
  const keytool = keytoolCommand(facts.bundledJdk);
  switch (plan.source) {
    case 'jvm':
      return [jvmTrustStep(endpoint, facts, keytool, say)];
    case 'sls-jks':
      return slsJksSteps(plan.settings, keytool, facts, say);
    case 'pem-bundle':
      return [
        step(say('pem.title'), {
          detail: say('pem.detail'),
          commands: [`sudo -u logstash grep -c 'BEGIN CERTIFICATE' ${shellWord(plan.settings.path)}`],
        }),
      ];
    case 'globalsign-jks':
      return globalSignJksSteps({ path: plan.settings.path, password: plan.settings.password, keytool }, say);
    case 'sandbox-pem':
    case 'sandbox-jks': {
      const download = step(say('sandboxCa.title'), {
        detail: say('sandboxCa.detail', { as: say(plan.source === 'sandbox-pem' ? 'sandboxCa.pem' : 'sandboxCa.jks') }),
        commands: sandboxCaCommands(plan.caUrl, plan.caPath),
      });
      if (plan.source === 'sandbox-pem') return [download];
      const store: JksStore = { path: plan.settings.path, password: plan.settings.password, keytool };
      return [
        download,
        step(say('sandboxJks.title'), {
          detail: say('sandboxJks.detail'),
          commands: [
            importCertCommand(store, 'sls-sandbox-ca', plan.caPath),
            listStoreCommand(store),
            ...protectStoreCommands(store.path),
          ],
        }),
      ];
    }
  }
}

/** HOSTNAME for client_id, in the environment file the service reads. */
function environmentSteps(say: S): RenderStep[] {
  return [
    step(say('hostname.title'), {
      detail: say('hostname.detail'),
      commands: [
        ENV_FILE_PICK,
        'sudo touch "$ENVFILE" && sudo chown root:root "$ENVFILE" && sudo chmod 600 "$ENVFILE"',
        'sudo grep -q \'^HOSTNAME=\' "$ENVFILE" || echo "HOSTNAME=$(hostname)" | sudo tee -a "$ENVFILE" >/dev/null',
      ],
    }),
  ];
}

function keystoreSteps(ctx: RenderContext, say: S): RenderStep[] {
  if (ctx.secretMode !== 'env') return [];
  const keystore = `sudo -E ${BIN}/logstash-keystore --path.settings ${SETTINGS_DIR}`;
  return [
    step(say('keystore.title'), {
      detail: say('keystore.detail', { variable: ctx.passwordEnvVar, keystore: KEYSTORE_PATH }),
      commands: [
        ENV_FILE_PICK,
        'sudo touch "$ENVFILE" && sudo chown root:root "$ENVFILE" && sudo chmod 600 "$ENVFILE"',
        'sudo grep -q \'^LOGSTASH_KEYSTORE_PASS=\' "$ENVFILE" || printf \'LOGSTASH_KEYSTORE_PASS=%s\\n\' "$(openssl rand -hex 24)" | sudo tee -a "$ENVFILE" >/dev/null',
        EXPORT_KEYSTORE_PASS,
        `${keystore} create`,
        `${keystore} add ${ctx.passwordEnvVar}`,
        `sudo chown logstash:root ${KEYSTORE_PATH} && sudo chmod 0600 ${KEYSTORE_PATH}`,
        `${keystore} list`,
        'unset LOGSTASH_KEYSTORE_PASS',
      ],
    }),
  ];
}

function queueSteps(options: LogstashOptions, say: S): RenderStep[] {
  if (options.queue !== 'persisted') return [];
  return [
    step(say('queue.title'), {
      detail: say('queue.detail', { file: LOGSTASH_QUEUE_FILE, path: QUEUE_PATH, max: QUEUE_MAX_BYTES, yml: LOGSTASH_YML }),
      commands: [
        `sudo grep -nE '^[[:space:]]*(queue\\.type|queue\\.max_bytes|path\\.queue)[[:space:]]*:' ${LOGSTASH_YML}`,
        `sudo tee -a ${LOGSTASH_YML} < ${LOGSTASH_QUEUE_FILE} >/dev/null`,
        'df -h /var/lib/logstash',
      ],
    }),
  ];
}

function installSteps(ctx: RenderContext, options: LogstashOptions, jaas: JaasPlan, say: S): RenderStep[] {
  const test = `--path.settings ${SETTINGS_DIR} -f ${PIPELINE_PATH} --config.test_and_exit`;
  const env = ctx.secretMode === 'env';
  return [
    step(say('install.title'), {
      detail: say('install.detail', { read: options.input === 'file' ? say('install.read') : '' }),
      commands: [
        `sudo install -m 640 -o root -g logstash ${LOGSTASH_PIPELINE_FILE} ${PIPELINE_PATH}`,
        ...(jaas.kind === 'file' ? [`sudo install -m 600 -o logstash -g logstash ${LOGSTASH_JAAS_FILE} ${JAAS_PATH}`] : []),
      ],
    }),
    step(say('test.title'), {
      detail: say('test.detail', { env: say(env ? 'test.env' : 'test.end') }),
      commands: env
        ? [ENV_FILE_PICK, EXPORT_KEYSTORE_PASS, `sudo -E -u logstash ${BIN}/logstash ${test}`, 'unset LOGSTASH_KEYSTORE_PASS']
        : [`sudo -u logstash ${BIN}/logstash ${test}`],
    }),
    step(say('restart.title'), {
      detail: say('restart.detail'),
      commands: ['sudo systemctl restart logstash'],
    }),
  ];
}

function sandboxRecordsUrl(ctx: RenderContext): string | undefined {
  if (!ctx.sandbox) return undefined;
  const base = ctx.sandbox.caUrl.replace(/\/api\/sandbox\/ca$/, '');
  if (base === ctx.sandbox.caUrl) return undefined;
  const query = new URLSearchParams({ project: ctx.username, logstore: ctx.logstore, limit: '5' });
  return `${base}/api/sandbox/records?${query.toString()}`;
}

function verifySteps(ctx: RenderContext, jsonHeader: boolean, say: S): RenderStep[] {
  const records = sandboxRecordsUrl(ctx);
  const shape = say(ctx.expandJson ? (jsonHeader ? 'verify.header' : 'verify.topic') : 'verify.plain');
  return [
    step(say('verify.title'), {
      detail: say('verify.detail', { then: records ? say('verify.sandbox') : say('verify.sls', { shape }) }),
      commands: [`sudo tail -n 200 -f ${LOG_FILE}`, ...(records ? [`curl -s ${shellWord(records)}`] : [])],
    }),
  ];
}

/** What install.sh needs of the render (lib/agents/logstash/deploy.ts): the JAAS file, the trust plan, a plugin pin, keytool. */
export function logstashDeployFacts(ctx: RenderContext, options: LogstashOptions) {
  const facts = LOGSTASH_VERSION_FACTS[options.version];
  const trust = planTrust(ctx, options, facts);
  const needed = featuresNeedingUpdate(options, facts, trust);
  const pluginPin =
    needed.length > 0 && facts.pluginPin ? { pin: facts.pluginPin, minimum: minimumPluginFor(needed) } : undefined;
  return {
    jaasFile: planJaas(ctx, options, facts).kind === 'file',
    trust,
    pluginPin,
    keytool: keytoolCommand(facts.bundledJdk),
    paths: { settings: SETTINGS_DIR, pipeline: PIPELINE_PATH, jaas: JAAS_PATH, keystore: KEYSTORE_PATH, logstashYml: LOGSTASH_YML, logFile: LOG_FILE },
  };
}

export function renderLogstashConfig(ctx: RenderContext, options: LogstashOptions): AgentRender {
  const facts = LOGSTASH_VERSION_FACTS[options.version];
  const jaas = planJaas(ctx, options, facts);
  const trust = planTrust(ctx, options, facts);
  // The header needs plugin 11.4.0; where some patch of the line bundles less, the .json topic works everywhere.
  const jsonHeader = ctx.expandJson && featureSupport(facts, 'messageHeaders') === 'bundled';

  const files: RenderedFile[] = [
    {
      agent: 'logstash',
      path: LOGSTASH_PIPELINE_FILE,
      language: 'logstash',
      content: pipelineConfig({
        bootstrap: ctx.endpoint.bootstrap,
        topic: jsonHeader ? ctx.logstore : ctx.topic,
        username: ctx.username,
        jaas: jaas.kind === 'inline' ? { kind: 'inline', password: passwordSource(ctx) } : { kind: 'file', path: JAAS_PATH },
        trust: trust.settings,
        compression: options.compression,
        acks: options.acks,
        clientId: options.clientId,
        jsonHeader,
        input: pipelineInput(options),
        holdsSecret: jaas.kind === 'inline' && ctx.secretMode === 'inline',
      }),
    },
  ];
  if (jaas.kind === 'file') {
    // planJaas never picks a file in env mode, so the literal password is wanted here.
    files.push({ agent: 'logstash', path: LOGSTASH_JAAS_FILE, language: 'jaas', content: jaasFile(ctx.username, ctx.password) });
  }

  if (options.queue === 'persisted') {
    files.push({ agent: 'logstash', path: LOGSTASH_QUEUE_FILE, language: 'yaml', content: queueSettings() });
  }

  const say = sayer(texts, ctx.lang);
  const steps = [
    ...pluginSteps(options, facts, trust, say),
    ...warningSteps(options, facts, jaas, trust, say),
    ...trustSteps(trust, facts, ctx.endpoint, say),
    ...environmentSteps(say),
    ...keystoreSteps(ctx, say),
    ...queueSteps(options, say),
    ...installSteps(ctx, options, jaas, say),
    ...verifySteps(ctx, jsonHeader, say),
  ];
  return { files, steps };
}
