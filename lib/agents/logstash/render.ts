/**
 * The Logstash renderer: the pipeline `sls-kafka.conf` with a kafka output
 * (and optionally an input), the JAAS file when `jaas_path` is used, and the
 * steps around them — plugin check, trust (JVM cacerts, PEM, or a JKS built
 * with keytool), keystore for env mode, install, config test, restart, check.
 * Facts: docs/agents/logstash.md (release lines, JAAS, truststores); docs/sls.md#tls (the truststore advice).
 */
import type { LogstashOptions } from './schema';
import type { RenderContext } from '../context';
import type { AgentRender, RenderedFile, RenderStep } from '../types';
import { jaasFile, pipelineConfig, type PasswordSource, type PipelineInput, type TrustSettings } from './pipeline';
import { shellWord } from '../../config-languages/shell/quote';
import {
  globalSignJksSteps,
  importCertCommand,
  keytoolCommand,
  listStoreCommand,
  protectStoreCommands,
  type JksStore,
} from './truststore';
import { LOGSTASH_VERSION_FACTS, type LogstashVersionFacts } from './versions';

export const LOGSTASH_PIPELINE_FILE = 'sls-kafka.conf';
export const LOGSTASH_JAAS_FILE = 'kafka_client_jaas.conf';

const SETTINGS_DIR = '/etc/logstash';
const PIPELINE_PATH = `${SETTINGS_DIR}/conf.d/${LOGSTASH_PIPELINE_FILE}`;
const JAAS_PATH = `${SETTINGS_DIR}/${LOGSTASH_JAAS_FILE}`;
const SANDBOX_JKS_PATH = `${SETTINGS_DIR}/sls-sandbox-truststore.jks`;
const BIN = '/usr/share/logstash/bin';
const LOG_FILE = '/var/log/logstash/logstash-plain.log';
/** logstash-integration-kafka releases whose output fails on any `sasl_jaas_config` (PRs #245/#247). */
const JAAS_CONFIG_BUG = '11.8.5–11.8.7 and 12.0.5–12.1.0';

type JaasPlan = { kind: 'inline' | 'file'; fileWantedButEnv: boolean };

type TrustPlan =
  | { source: 'jvm'; settings: TrustSettings }
  | { source: 'pem-bundle'; settings: Extract<TrustSettings, { kind: 'pem' }> }
  | { source: 'globalsign-jks'; settings: Extract<TrustSettings, { kind: 'jks' }> }
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
    return facts.pemTruststore
      ? { source: 'sandbox-pem', settings: { kind: 'pem', path: caPath }, caPath, caUrl: ctx.sandbox.caUrl }
      : {
          source: 'sandbox-jks',
          settings: { kind: 'jks', path: SANDBOX_JKS_PATH, password: options.jksPassword },
          caPath,
          caUrl: ctx.sandbox.caUrl,
        };
  }
  switch (options.truststore) {
    case 'jvm':
      return { source: 'jvm', settings: { kind: 'jvm' } };
    case 'pem':
      return { source: 'pem-bundle', settings: { kind: 'pem', path: options.pemBundlePath } };
    case 'jks':
      return { source: 'globalsign-jks', settings: { kind: 'jks', path: options.jksPath, password: options.jksPassword } };
  }
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

function pluginSteps(facts: LogstashVersionFacts): RenderStep[] {
  return [
    step('Check the Kafka output plugin', {
      detail:
        `${facts.label} bundles ${facts.bundled}. The list shows which Kafka gem is installed and its version; ` +
        `update that gem (usually ${facts.pluginGem}) to get the fixes named in the warnings, then restart Logstash.`,
      commands: [`${BIN}/logstash-plugin list --verbose | grep kafka`, `sudo ${BIN}/logstash-plugin update ${facts.pluginGem}`],
    }),
  ];
}

function warningSteps(options: LogstashOptions, facts: LogstashVersionFacts, jaas: JaasPlan, trust: TrustPlan): RenderStep[] {
  const steps: RenderStep[] = [];
  const update = `sudo ${BIN}/logstash-plugin update ${facts.pluginGem}`;
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
  if (facts.pluginGem === 'logstash-output-kafka') {
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
        'logstash-integration-kafka 12.x uses kafka-clients 4.x, whose floor is broker version 2.1; SLS speaks Kafka 2.1.1, right at that floor. ' +
          'If sending fails with UnsupportedVersionException, install the 11.8 line of the plugin instead.',
        [`sudo ${BIN}/logstash-plugin install --version 11.8.11 logstash-integration-kafka`],
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
          'If the log shows “PKIX path building failed”, choose truststore jks, or move to Logstash 7.10.1 or later, whose bundled JDK trusts them.',
      ),
    );
  }
  return steps;
}

function trustSteps(plan: TrustPlan, facts: LogstashVersionFacts): RenderStep[] {
  const keytool = keytoolCommand(facts.bundledJdk);
  switch (plan.source) {
    case 'jvm':
      return [
        step('TLS trust: the JVM default truststore', {
          detail:
            'The simplest path: with no ssl_truststore_* settings the Kafka client verifies SLS against the cacerts of the Java running Logstash ' +
            '(the bundled JDK from Logstash 7.10.1 on trusts the GlobalSign roots SLS uses). The check should list several GlobalSign entries' +
            (facts.bundledJdk ? '.' : ' (Java 8: use -keystore "$JAVA_HOME/jre/lib/security/cacerts" instead of -cacerts).'),
          commands: [`${keytool} -list -cacerts -storepass changeit | grep -i globalsign`],
        }),
      ];
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

function keystoreSteps(ctx: RenderContext): RenderStep[] {
  if (ctx.secretMode !== 'env') return [];
  const keystore = `sudo ${BIN}/logstash-keystore --path.settings ${SETTINGS_DIR}`;
  return [
    step('Store the password in the Logstash keystore', {
      detail:
        `The pipeline reads \${${ctx.passwordEnvVar}} from the keystore in ${SETTINGS_DIR}. “add” prompts for the value: ` +
        'paste AccessKeyId#AccessKeySecret, with the #. “create” asks to go on without a keystore password unless ' +
        'LOGSTASH_KEYSTORE_PASS is set; skip it when the keystore already exists. The list must show the key.',
      commands: [`${keystore} create`, `${keystore} add ${ctx.passwordEnvVar}`, `${keystore} list`],
    }),
  ];
}

function installSteps(options: LogstashOptions, jaas: JaasPlan): RenderStep[] {
  return [
    step('Install the files', {
      detail:
        'Run this in the folder with the downloaded files (deb/rpm layout). Every *.conf in conf.d joins the one “main” pipeline of ' +
        '/etc/logstash/pipelines.yml, so events of other inputs there reach SLS too; give this file its own pipeline entry if that is not wanted.' +
        (options.input === 'file' ? ' The logstash user must be able to read the log files.' : ''),
      commands: [
        `sudo install -m 640 -o root -g logstash ${LOGSTASH_PIPELINE_FILE} ${PIPELINE_PATH}`,
        ...(jaas.kind === 'file' ? [`sudo install -m 600 -o logstash -g logstash ${LOGSTASH_JAAS_FILE} ${JAAS_PATH}`] : []),
      ],
    }),
    step('Test the configuration', {
      detail: 'Success ends with “Configuration OK”. The test also fails when a truststore or JAAS file named in the config is missing.',
      commands: [`sudo -u logstash ${BIN}/logstash --path.settings ${SETTINGS_DIR} -f ${PIPELINE_PATH} --config.test_and_exit`],
    }),
    step('Restart Logstash', {
      detail: 'systemd unit of the deb/rpm packages; the pipeline is running about a minute later.',
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

function verifySteps(ctx: RenderContext): RenderStep[] {
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
            (ctx.expandJson ? ', expanded into fields because the topic ends in .json.' : '.')),
      commands: [`sudo tail -n 200 -f ${LOG_FILE}`, ...(records ? [`curl -s ${shellWord(records)}`] : [])],
    }),
  ];
}

export function renderLogstashConfig(ctx: RenderContext, options: LogstashOptions): AgentRender {
  const facts = LOGSTASH_VERSION_FACTS[options.version];
  const jaas = planJaas(ctx, options, facts);
  const trust = planTrust(ctx, options, facts);

  const files: RenderedFile[] = [
    {
      agent: 'logstash',
      path: LOGSTASH_PIPELINE_FILE,
      language: 'logstash',
      content: pipelineConfig({
        bootstrap: ctx.endpoint.bootstrap,
        topic: ctx.topic,
        username: ctx.username,
        jaas: jaas.kind === 'inline' ? { kind: 'inline', password: passwordSource(ctx) } : { kind: 'file', path: JAAS_PATH },
        trust: trust.settings,
        compression: options.compression,
        acks: options.acks,
        clientId: options.clientId,
        input: pipelineInput(options),
        holdsSecret: jaas.kind === 'inline' && ctx.secretMode === 'inline',
      }),
    },
  ];
  if (jaas.kind === 'file') {
    // planJaas never picks a file in env mode, so the literal password is wanted here.
    files.push({ agent: 'logstash', path: LOGSTASH_JAAS_FILE, language: 'jaas', content: jaasFile(ctx.username, ctx.password) });
  }

  const steps = [
    ...pluginSteps(facts),
    ...warningSteps(options, facts, jaas, trust),
    ...trustSteps(trust, facts),
    ...keystoreSteps(ctx),
    ...installSteps(options, jaas),
    ...verifySteps(ctx),
  ];
  return { files, steps };
}
