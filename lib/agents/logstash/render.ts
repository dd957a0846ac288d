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
import {
  GLOBALSIGN_ROOTS,
  globalSignJksSteps,
  importCertCommand,
  keytoolCommand,
  listStoreCommand,
  protectStoreCommands,
  type JksStore,
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

function pluginSteps(options: LogstashOptions, facts: LogstashVersionFacts, trust: TrustPlan): RenderStep[] {
  const gems = facts.pluginGems.join(' or ');
  const steps = [
    step('Check the Kafka output plugin', {
      detail:
        `${facts.label} bundles ${facts.bundled}. The list shows which Kafka gem is installed and its version; ` +
        `update that gem (${gems}) to get the fixes named in the warnings, then restart Logstash.`,
      // Lines below SLS's client minimum get the update as a step of its own, right after.
      commands: [LIST_PLUGINS, ...(facts.clientBelowSlsMinimum ? [] : facts.pluginGems.map(updateCommand))],
    }),
  ];
  if (facts.clientBelowSlsMinimum) {
    steps.push(
      step('Update the Kafka output first: SLS needs a Kafka 2.1.0 client', {
        detail:
          'SLS supports the Kafka protocol from version 2.1.0 on. logstash-output-kafka before 7.3.0 uses kafka-clients 0.11–2.0, ' +
          `and ${facts.label} may bundle such a release. Update the gem the list shows (the other command then reports it is not installed); ` +
          'afterwards the list must show logstash-output-kafka 7.3.0 or later (kafka-clients 2.1.0) or logstash-integration-kafka 10.x (kafka-clients 2.3 or later).',
        commands: [...facts.pluginGems.map(updateCommand), LIST_PLUGINS],
      }),
    );
  }
  const needed = featuresNeedingUpdate(options, facts, trust);
  if (needed.length > 0 && facts.pluginPin) {
    const minimum = needed.map((f) => PLUGIN_FEATURES[f].minPlugin).sort().at(-1)!;
    steps.push(
      step(`Install logstash-integration-kafka ${facts.pluginPin} for ${needed.map((f) => PLUGIN_FEATURES[f].what).join(' and ')}`, {
        detail:
          `${needed.map((f) => `${PLUGIN_FEATURES[f].what} needs logstash-integration-kafka ${PLUGIN_FEATURES[f].minPlugin} or later`).join('; ')}, ` +
          `and not every ${facts.label} release bundles that (${facts.bundled}). If the list shows ${minimum} or later, skip the install; ` +
          `otherwise install ${facts.pluginPin} (the newest release confirmed for this line) and check the list again.`,
        commands: [LIST_PLUGINS, installPinnedCommand(facts.pluginPin), LIST_PLUGINS],
      }),
    );
  }
  return steps;
}

function warningSteps(options: LogstashOptions, facts: LogstashVersionFacts, jaas: JaasPlan, trust: TrustPlan): RenderStep[] {
  const steps: RenderStep[] = [];
  const update = updateCommand(facts.pluginGems.at(-1)!);
  if (jaas.kind === 'inline' && facts.jaasConfigBugPossible) {
    steps.push(
      warning(
        'Known bug: sasl_jaas_config fails in some plugin releases',
        `logstash-integration-kafka ${JAAS_CONFIG_BUG} fail on any sasl_jaas_config in the kafka output ` +
          '(fixed in 11.8.8 and 12.1.1, logstash-plugins/logstash-integration-kafka#245 and #247; Logstash 9.2 bundles 11.8.7). ' +
          'If the plugin list shows one of these versions, update the plugin.',
        [update],
      ),
    );
  }
  if (jaas.kind === 'inline' && !facts.inlineJaas) {
    steps.push(
      warning(
        'Older Kafka outputs may not know sasl_jaas_config',
        `The Kafka output bundled with ${facts.label} may lack sasl_jaas_config. If the config test says ` +
          '“Unknown setting \'sasl_jaas_config\'”, update the plugin, or use secret mode inline with JAAS mode file.',
        [update],
      ),
    );
  }
  if (facts.pluginGems.length === 1 && facts.pluginGems[0] === 'logstash-output-kafka') {
    steps.push(
      warning(
        'Logstash 6: the bundled Kafka output may not know ssl_endpoint_identification_algorithm',
        'Kafka clients before 2.0 do not check the server host name unless told to, so the pipeline sets ' +
          'ssl_endpoint_identification_algorithm => "https". If the config test reports it as an unknown setting, update ' +
          'logstash-output-kafka rather than deleting the line; better still, move to Logstash 7.17 or 8.x.',
        [update],
      ),
    );
  }
  if (jaas.fileWantedButEnv) {
    steps.push(
      warning(
        'JAAS file replaced by sasl_jaas_config (secret mode env)',
        'A JAAS file cannot read the Logstash keystore, so the pipeline references the password in sasl_jaas_config instead. ' +
          'For a JAAS file, switch the secret mode to inline: the secret is then written into the file.',
      ),
    );
  }
  if (jaas.kind === 'file') {
    steps.push(
      warning(
        'jaas_path is shared by the whole Logstash process',
        'The plugin sets jaas_path as the JVM system property java.security.auth.login.config, so every Kafka input and output ' +
          'of this Logstash uses this one login. With several Kafka plugins and different accounts, use sasl_jaas_config (JAAS mode inline).',
      ),
    );
  }
  if (options.acks === 'all') {
    steps.push(
      warning(
        'acks => "all" turns on the idempotent producer',
        'kafka-clients 3.0 and later (logstash-integration-kafka 11.x and 12.x, Logstash 8.3 and later) enable idempotence when acks is "all", ' +
          'and the kafka output has no option to turn it off. SLS does not support idempotent producers (its own samples set ' +
          'enable.idempotence=false): keep acks at "1".',
      ),
    );
  }
  if (facts.kafkaClients4Possible) {
    steps.push(
      warning(
        'kafka-clients 4.x talks to Kafka 2.1+ brokers only',
        'logstash-integration-kafka 12.x (bundled from Logstash 9.5) uses kafka-clients 4.x, which talks to brokers of version 2.1 and later only; ' +
          'SLS states Kafka 2.1.0 as the lowest protocol version it supports, right at that floor. ' +
          `If sending fails with UnsupportedVersionException, install the 11.8 line of the plugin instead (${NEWEST_11X} or any later 11.8.x).`,
        [installPinnedCommand(NEWEST_11X)],
      ),
    );
  }
  if (trust.source === 'globalsign-jks') {
    steps.push(
      warning(
        'Old JKS truststores broke with the 2025 SLS root change',
        'A JKS holding only “GlobalSign Root CA” (as built from the 2019 SLS example, e.g. /etc/client-root.truststore.jks) now fails with ' +
          '“PKIX path building failed”. The store built below holds all six current GlobalSign roots; rebuild it from scratch rather than adding to an old one.',
      ),
    );
  }
  if (trust.source === 'jvm' && !facts.bundledJdk) {
    steps.push(
      warning(
        'The system Java may not trust the current SLS roots',
        `${facts.label} runs on the system's Java, whose cacerts may lack the GlobalSign roots SLS uses since 2025. ` +
          'If the log shows “PKIX path building failed”, choose truststore “auto” or “sls-jks” (the JKS SLS publishes), or move to Logstash 7.10.1 or later, whose bundled JDK trusts them.',
      ),
    );
  }
  return steps;
}

/** The check that the JVM's cacerts holds the root that anchors the SLS chain. */
function jvmTrustStep(endpoint: { host: string; port: number }, facts: LogstashVersionFacts, keytool: string): RenderStep {
  const target = `${endpoint.host}:${endpoint.port}`;
  return step('TLS trust: the JVM default truststore', {
    detail:
      'With no ssl_truststore_* settings the Kafka client verifies SLS against the cacerts of the Java running Logstash ' +
      `(${facts.bundledJdk ? 'the JDK bundled with Logstash' : 'the system Java'}). Check that it holds the root that anchors the SLS chain: ` +
      'the first command (needs network access to SLS) prints the top certificate the server sends and its issuer; that issuer is the root ' +
      '(servers usually leave the root itself out). The second command prints the SHA-256 fingerprints of the current GlobalSign roots that cacerts holds; ' +
      'the fingerprint of the issuer must be among them: ' +
      GLOBALSIGN_ROOTS.map((root) => `${root.name} ${root.sha256}`).join('; ') +
      '. If the issuer is not in this list, or its fingerprint is not printed, this Java does not trust SLS: choose truststore “sls-jks” or “jks”.' +
      (facts.bundledJdk ? '' : ' Java 8: use -keystore "$JAVA_HOME/jre/lib/security/cacerts" instead of -cacerts.'),
    commands: [
      `openssl s_client -connect ${shellWord(target)} -servername ${shellWord(endpoint.host)} -showcerts </dev/null 2>/dev/null ` +
        `| awk '/^ *[0-9]+ s:/{s=$0} /^ *i:/{i=$0} END{print "top of chain: " s; print "issued by:    " i}'`,
      `${keytool} -list -v -cacerts -storepass changeit | grep -i ${GLOBALSIGN_ROOTS.map((root) => `-e ${root.sha256}`).join(' ')}`,
    ],
  });
}

/** SLS's own truststore for Logstash, checked against the md5 SLS publishes. */
function slsJksSteps(settings: Extract<TrustSettings, { kind: 'jks' }>, keytool: string, facts: LogstashVersionFacts): RenderStep[] {
  const store: JksStore = { path: settings.path, password: settings.password, keytool };
  return [
    step('TLS trust: the truststore SLS publishes', {
      detail:
        'SLS’s Logstash guide (aliyun-sls/sls-doc, kafka_logstash.md) says some Logstash setups reference an outdated server root and must update their JKS, ' +
        `and publishes this one with GlobalSign R1, R3 and the newer roots, store password ${SLS_JKS.password}, md5 ${SLS_JKS.md5}. ` +
        'md5sum must print OK; if it does not, stop: SLS may have replaced the file (compare with its guide) or the download broke. ' +
        (facts.bundledJdk
          ? ''
          : `${facts.label} runs on the system Java (Logstash bundles a JDK from 7.10 on), whose cacerts may lack the roots SLS uses since 2025, so this store is the default here. `) +
        'The list must show the trusted certificate entries.',
      commands: [
        `sudo curl -fsSLo ${shellWord(store.path)} ${shellWord(SLS_JKS.url)}`,
        `echo ${shellWord(`${SLS_JKS.md5}  ${store.path}`)} | sudo md5sum -c -`,
        ...protectStoreCommands(store.path),
        listStoreCommand(store),
      ],
    }),
  ];
}

function trustSteps(plan: TrustPlan, facts: LogstashVersionFacts, endpoint: { host: string; port: number }): RenderStep[] {
  const keytool = keytoolCommand(facts.bundledJdk);
  switch (plan.source) {
    case 'jvm':
      return [jvmTrustStep(endpoint, facts, keytool)];
    case 'sls-jks':
      return slsJksSteps(plan.settings, keytool, facts);
    case 'pem-bundle':
      return [
        step('TLS trust: a PEM bundle as truststore', {
          detail:
            'Kafka reads every certificate of the PEM file (kafka-clients 2.7 and later) and takes no password for it. ' +
            'Debian/Ubuntu: /etc/ssl/certs/ca-certificates.crt; RHEL family: /etc/pki/tls/certs/ca-bundle.crt. ' +
            'The logstash user must be able to read it; the check prints the number of certificates (more than 0). ' +
            'Simplest alternative: truststore “jvm”, no settings at all.',
          commands: [`sudo -u logstash grep -c 'BEGIN CERTIFICATE' ${shellWord(plan.settings.path)}`],
        }),
      ];
    case 'globalsign-jks':
      return globalSignJksSteps({ path: plan.settings.path, password: plan.settings.password, keytool });
    case 'sandbox-pem':
    case 'sandbox-jks': {
      const download = step('Download the sandbox CA certificate', {
        detail:
          'The sandbox signs its server certificate with its own CA, so Logstash must trust that CA ' +
          `(as ${plan.source === 'sandbox-pem' ? 'a PEM truststore' : 'a JKS truststore, since this Logstash line has no PEM truststores'}); ` +
          'the truststore options do not apply to the sandbox.',
        commands: [`sudo curl -fsSo ${shellWord(plan.caPath)} ${shellWord(plan.caUrl)}`, `sudo chmod 644 ${shellWord(plan.caPath)}`],
      });
      if (plan.source === 'sandbox-pem') return [download];
      const store: JksStore = { path: plan.settings.path, password: plan.settings.password, keytool };
      return [
        download,
        step('Put the sandbox CA into a JKS truststore', {
          detail: 'keytool reads the PEM file directly; the list must show one trustedCertEntry. Delete the store first to rebuild it.',
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
function environmentSteps(): RenderStep[] {
  return [
    step('Give the service its host name (client_id)', {
      detail:
        'client_id ends in ${HOSTNAME}, which Logstash fills in from its environment; systemd does not set HOSTNAME, so the steps write it into the ' +
        'environment file the logstash.service unit reads (EnvironmentFile= /etc/default/logstash and /etc/sysconfig/logstash: RHEL uses the second, ' +
        'Debian/Ubuntu the first). Without it the id ends in “unknown-host”. The file stays root-only (0600): in env mode it also holds the keystore password. ' +
        'Windows (zip): set HOSTNAME as a system environment variable of the Logstash service instead.',
      commands: [
        ENV_FILE_PICK,
        'sudo touch "$ENVFILE" && sudo chown root:root "$ENVFILE" && sudo chmod 600 "$ENVFILE"',
        'sudo grep -q \'^HOSTNAME=\' "$ENVFILE" || echo "HOSTNAME=$(hostname)" | sudo tee -a "$ENVFILE" >/dev/null',
      ],
    }),
  ];
}

function keystoreSteps(ctx: RenderContext): RenderStep[] {
  if (ctx.secretMode !== 'env') return [];
  const keystore = `sudo -E ${BIN}/logstash-keystore --path.settings ${SETTINGS_DIR}`;
  return [
    step('Store the password in a password-protected Logstash keystore', {
      detail:
        'The keystore needs its own password, LOGSTASH_KEYSTORE_PASS. Without one Logstash makes up a random password and stores it, only obfuscated, ' +
        'at the end of the keystore file itself (logstash-core JavaKeyStore), so anyone who can read the file can decrypt it — although ' +
        'Elastic’s docs say the data is encrypted either way. The commands put a random password into the service’s environment file ' +
        '(the systemd unit reads /etc/sysconfig/logstash on RHEL, /etc/default/logstash on Debian/Ubuntu; the password never appears on a command line), ' +
        'export it for this shell, and sudo -E hands it to logstash-keystore. ' +
        `“add” prompts for the value of ${ctx.passwordEnvVar}: paste AccessKeyId#AccessKeySecret, with the #. ` +
        `If ${KEYSTORE_PATH} already exists without a password, “create” offers to overwrite it: answer y and add the keys again. ` +
        'The keystore must be owned by logstash:root with mode 0600 (Logstash creates it 0660). The list must show the key. ' +
        'Windows (zip): bin\\logstash-keystore.bat in the Logstash folder, with LOGSTASH_KEYSTORE_PASS set for the service.',
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

function queueSteps(options: LogstashOptions): RenderStep[] {
  if (options.queue !== 'persisted') return [];
  return [
    step('Turn on the persistent queue', {
      detail:
        `${LOGSTASH_QUEUE_FILE} holds three logstash.yml settings: queue.type persisted keeps events on disk while SLS is slow or unreachable ` +
        `and across restarts; path.queue ${QUEUE_PATH} (the default, path.data/queue) says which disk fills; queue.max_bytes ${QUEUE_MAX_BYTES} caps it, ` +
        'and when it is full the inputs pause instead of dropping events. The first command must print nothing; if it prints lines, edit those settings ' +
        `in ${LOGSTASH_YML} instead of appending. Check that the disk has room for ${QUEUE_MAX_BYTES}. ` +
        'Windows (zip): the file is config\\logstash.yml in the Logstash folder; leave out the path.queue line there (the default is data\\queue).',
      commands: [
        `sudo grep -nE '^[[:space:]]*(queue\\.type|queue\\.max_bytes|path\\.queue)[[:space:]]*:' ${LOGSTASH_YML}`,
        `sudo tee -a ${LOGSTASH_YML} < ${LOGSTASH_QUEUE_FILE} >/dev/null`,
        'df -h /var/lib/logstash',
      ],
    }),
  ];
}

function installSteps(ctx: RenderContext, options: LogstashOptions, jaas: JaasPlan): RenderStep[] {
  const test = `--path.settings ${SETTINGS_DIR} -f ${PIPELINE_PATH} --config.test_and_exit`;
  const env = ctx.secretMode === 'env';
  return [
    step('Install the files', {
      detail:
        'Run this in the folder with the downloaded files (deb/rpm layout: settings in /etc/logstash, programs in /usr/share/logstash). ' +
        'Every *.conf in conf.d joins the one “main” pipeline of ' +
        '/etc/logstash/pipelines.yml, so events of other inputs there reach SLS too; give this file its own pipeline entry if that is not wanted.' +
        (options.input === 'file' ? ' The logstash user must be able to read the log files.' : '') +
        ' Windows (zip): copy the file into the config folder of the extracted Logstash and start it with bin\\logstash.bat -f config\\sls-kafka.conf.',
      commands: [
        `sudo install -m 640 -o root -g logstash ${LOGSTASH_PIPELINE_FILE} ${PIPELINE_PATH}`,
        ...(jaas.kind === 'file' ? [`sudo install -m 600 -o logstash -g logstash ${LOGSTASH_JAAS_FILE} ${JAAS_PATH}`] : []),
      ],
    }),
    step('Test the configuration', {
      detail:
        'Success ends with “Configuration OK”. The test also fails when a truststore or JAAS file named in the config is missing' +
        (env ? ', or when it cannot open the keystore: the commands hand it LOGSTASH_KEYSTORE_PASS as the service gets it.' : '.'),
      commands: env
        ? [ENV_FILE_PICK, EXPORT_KEYSTORE_PASS, `sudo -E -u logstash ${BIN}/logstash ${test}`, 'unset LOGSTASH_KEYSTORE_PASS']
        : [`sudo -u logstash ${BIN}/logstash ${test}`],
    }),
    step('Restart Logstash', {
      detail: 'systemd unit of the deb/rpm packages (it reads the environment file); the pipeline is running about a minute later.',
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

function verifySteps(ctx: RenderContext, jsonHeader: boolean): RenderStep[] {
  const records = sandboxRecordsUrl(ctx);
  return [
    step('Check that events arrive', {
      detail:
        'In the log look for “Pipeline started” and the Kafka producer’s “ProducerConfig values”, and for none of: ' +
        'TopicAuthorizationException (AccessKey or its permissions), UnknownTopicOrPartitionException (project, Logstore or region), ' +
        'SaslAuthenticationException, “PKIX path building failed” (trust). ' +
        (records
          ? 'The sandbox lists the newest records it received.'
          : 'Then query the Logstore in the SLS console: each event is one log, its JSON in the content field' +
            (ctx.expandJson
              ? jsonHeader
                ? ', expanded into fields because each record carries the header data-parse-format: json.'
                : ', expanded into fields because the topic ends in .json.'
              : '.')),
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
    needed.length > 0 && facts.pluginPin ? { pin: facts.pluginPin, minimum: needed.map((f) => PLUGIN_FEATURES[f].minPlugin).sort().at(-1)! } : undefined;
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

  const steps = [
    ...pluginSteps(options, facts, trust),
    ...warningSteps(options, facts, jaas, trust),
    ...trustSteps(trust, facts, ctx.endpoint),
    ...environmentSteps(),
    ...keystoreSteps(ctx),
    ...queueSteps(options),
    ...installSteps(ctx, options, jaas),
    ...verifySteps(ctx, jsonHeader),
  ];
  return { files, steps };
}
