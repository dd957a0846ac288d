/**
 * Logstash renderer: golden files, every option branch parsed back with the
 * LSCL and JAAS parsers of lib/config-languages, the options schema's
 * messages, and property tests for the quoting helpers and the renderer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderContext, type RenderOptions } from '@/lib/agents/context';
import { renderLogstashConfig } from '@/lib/agents/logstash/render';
import { jaasValue } from '@/lib/config-languages/jaas/string';
import { logstashString, logstashStringProblem, UnrepresentableValueError } from '@/lib/config-languages/logstash/string';
import { saslJaasConfigValue } from '@/lib/agents/logstash/pipeline';
import { shellWord } from '@/lib/config-languages/shell/quote';
import { GLOBALSIGN_ROOTS } from '@/lib/agents/logstash/truststore';
import {
  featureSupport,
  LOGSTASH_VERSIONS,
  LOGSTASH_VERSION_FACTS,
  NEWEST_10X,
  NEWEST_11X,
  PLUGIN_FEATURES,
} from '@/lib/agents/logstash/versions';

import type { AgentRender, RenderStep } from '@/lib/agents/types';
import { logstashOptionsSchema, type LogstashOptions, type LogstashOptionsInput } from '@/lib/agents/logstash/schema';
import { fieldErrors, type SettingsInput } from '@/lib/settings/schema';
import { parseJaasFile, parseSaslJaasConfig, type JaasLoginModule } from '@/lib/config-languages/jaas/parser';
import {
  attributeMap,
  findPlugin,
  hasSubstitution,
  parseLogstashConfig,
  stringAttribute,
  substituteVariables,
  type LogstashConfig,
  type LogstashPlugin,
  type LogstashValue,
} from '@/lib/config-languages/logstash/parser';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '@/tests/support/settings';

const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
const SLS_HOST = 'test-project-1.cn-hangzhou.log.aliyuncs.com';
const KEYSTORE = { SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD } as Record<string, string>;

function render(settings: Partial<SettingsInput> = {}, options: LogstashOptionsInput = {}, renderOptions?: RenderOptions): AgentRender {
  const ctx = createRenderContext(exampleSettings(settings), renderOptions);
  return renderLogstashConfig(ctx, logstashOptionsSchema.parse(options));
}

function file(result: AgentRender, path: string): string {
  const found = result.files.find((f) => f.path === path);
  if (!found) throw new Error(`no file ${path}; have ${result.files.map((f) => f.path).join(', ')}`);
  return found.content;
}

function pipeline(result: AgentRender, supportEscapes = false): LogstashConfig {
  return parseLogstashConfig(file(result, 'sls-kafka.conf'), { supportEscapes });
}

function kafkaOutput(result: AgentRender): LogstashPlugin {
  return findPlugin(pipeline(result), 'output', 'kafka');
}

/** The sasl_jaas_config after Logstash's ${VAR} substitution, parsed the way Kafka's JaasConfig does. */
function inlineJaas(kafka: LogstashPlugin): JaasLoginModule {
  const substituted = substituteVariables(stringAttribute(kafka, 'sasl_jaas_config'), (name) => KEYSTORE[name]);
  const modules = parseSaslJaasConfig(substituted);
  expect(modules).toHaveLength(1);
  return modules[0]!;
}

function allCommands(result: AgentRender): string[] {
  return result.steps.flatMap((s) => s.commands ?? []);
}

function stepsText(steps: RenderStep[]): string {
  return steps
    .map((s, i) =>
      [
        `## ${i + 1}. ${s.kind === 'warning' ? '[warning] ' : ''}${s.title}`,
        ...(s.detail ? [s.detail] : []),
        ...(s.commands ?? []).map((c) => `    $ ${c}`),
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

describe('logstash golden files', () => {
  it('default settings: pipeline with inline JAAS, JVM truststore, file input', async () => {
    const result = render();
    expect(result.files.map((f) => [f.path, f.language])).toEqual([
      ['sls-kafka.conf', 'logstash'],
      ['logstash-queue.yml', 'yaml'],
    ]);
    await expect(file(result, 'sls-kafka.conf')).toMatchFileSnapshot('./golden/logstash/default/sls-kafka.conf');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/logstash/default/steps.md');
  });

  it('Logstash 7.0–7.9 (JAAS file, JKS from the GlobalSign roots)', async () => {
    const result = render({}, { version: '7.0-7.9', truststore: 'jks' });
    expect(result.files.map((f) => [f.path, f.language])).toEqual([
      ['sls-kafka.conf', 'logstash'],
      ['kafka_client_jaas.conf', 'jaas'],
      ['logstash-queue.yml', 'yaml'],
    ]);
    await expect(file(result, 'sls-kafka.conf')).toMatchFileSnapshot('./golden/logstash/jaas-file-jks/sls-kafka.conf');
    await expect(file(result, 'kafka_client_jaas.conf')).toMatchFileSnapshot('./golden/logstash/jaas-file-jks/kafka_client_jaas.conf');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/logstash/jaas-file-jks/steps.md');
  });

  it('secret mode env against the sandbox, beats input', async () => {
    const result = render({ secretMode: 'env', target: 'sandbox', expandJson: true }, { input: 'beats' });
    await expect(file(result, 'sls-kafka.conf')).toMatchFileSnapshot('./golden/logstash/env-sandbox/sls-kafka.conf');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/logstash/env-sandbox/steps.md');
  });

  it('Logstash 6 with the defaults: plugin update first, the JKS SLS publishes', async () => {
    const result = render({}, { version: '6' });
    await expect(file(result, 'sls-kafka.conf')).toMatchFileSnapshot('./golden/logstash/v6-sls-jks/sls-kafka.conf');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/logstash/v6-sls-jks/steps.md');
  });

  it('Logstash 9, JSON expansion by record header, secret mode env', async () => {
    const result = render({ secretMode: 'env', expandJson: true }, { version: '9' });
    await expect(file(result, 'sls-kafka.conf')).toMatchFileSnapshot('./golden/logstash/v9-json-header/sls-kafka.conf');
    await expect(file(result, 'logstash-queue.yml')).toMatchFileSnapshot('./golden/logstash/v9-json-header/logstash-queue.yml');
    await expect(stepsText(result.steps)).toMatchFileSnapshot('./golden/logstash/v9-json-header/steps.md');
  });
});

describe('logstash pipeline parsed back', () => {
  it('has every setting SLS needs, at the default options', () => {
    const kafka = kafkaOutput(render());
    const attrs = attributeMap(kafka);
    expect(stringAttribute(kafka, 'bootstrap_servers')).toBe(`${SLS_HOST}:10012`);
    expect(stringAttribute(kafka, 'topic_id')).toBe('test-logstore-1');
    expect(stringAttribute(kafka, 'security_protocol')).toBe('SASL_SSL');
    expect(stringAttribute(kafka, 'sasl_mechanism')).toBe('PLAIN');
    expect(stringAttribute(kafka, 'ssl_endpoint_identification_algorithm')).toBe('https');
    expect(attrs.get('codec')).toEqual({ kind: 'bareword', value: 'json' });
    expect(stringAttribute(kafka, 'acks')).toBe('1');
    expect(stringAttribute(kafka, 'compression_type')).toBe('gzip');
    // client_id names host and agent: Logstash fills ${HOSTNAME} from the service environment, with a fallback.
    expect(stringAttribute(kafka, 'client_id')).toBe('logstash-${HOSTNAME:unknown-host}');
    expect(substituteVariables(stringAttribute(kafka, 'client_id'), (n) => ({ HOSTNAME: 'web-1' })[n])).toBe('logstash-web-1');
    expect(substituteVariables(stringAttribute(kafka, 'client_id'), () => undefined)).toBe('logstash-unknown-host');
    // No constant key (load balancing over shards), no file-based JAAS, no truststore (JVM cacerts).
    for (const absent of ['message_key', 'partitioner', 'jaas_path', 'ssl_truststore_location', 'ssl_truststore_type', 'ssl_truststore_password', 'retries']) {
      expect(attrs.has(absent), absent).toBe(false);
    }
    const jaas = inlineJaas(kafka);
    expect(jaas).toEqual({
      loginModule: PLAIN_LOGIN_MODULE,
      flag: 'required',
      options: { username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD },
    });
  });

  it('reads the same whether or not config.support_escapes is on', () => {
    for (const options of [{}, { truststore: 'jks', jksPassword: "it's-a-store" }, { clientId: 'say "hi" #1' }] as LogstashOptionsInput[]) {
      const result = render({}, options);
      expect(pipeline(result, true)).toEqual(pipeline(result, false));
    }
  });

  it('has the file input by default, beats or nothing on request', () => {
    const fileInput = findPlugin(pipeline(render()), 'input', 'file');
    expect(attributeMap(fileInput).get('path')).toEqual({ kind: 'array', items: [{ kind: 'string', value: '/var/log/app/*.log', quote: '"' }] });

    const beats = findPlugin(pipeline(render({}, { input: 'beats', beatsPort: 5055 })), 'input', 'beats');
    expect(attributeMap(beats).get('port')).toEqual({ kind: 'number', value: 5055 });

    const outputOnly = pipeline(render({}, { input: 'none' }));
    expect(outputOnly.sections.map((s) => s.type)).toEqual(['output']);
    expect(outputOnly.sections[0]?.plugins.map((p) => p.name)).toEqual(['kafka']);
  });

  it('writes compression, acks and client id as chosen', () => {
    for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
      expect(stringAttribute(kafkaOutput(render({}, { compression })), 'compression_type')).toBe(compression);
    }
    for (const acks of ['0', '1', 'all'] as const) {
      const result = render({}, { acks });
      expect(stringAttribute(kafkaOutput(result), 'acks')).toBe(acks);
      expect(result.steps.some((s) => s.kind === 'warning' && s.title.includes('idempotent'))).toBe(acks === 'all');
    }
    expect(stringAttribute(kafkaOutput(render({}, { clientId: 'edge-7 "west"' })), 'client_id')).toBe('edge-7 "west"-${HOSTNAME:unknown-host}');
  });

  it('uses the intranet endpoint, the region host form and the .json topic when asked', () => {
    expect(stringAttribute(kafkaOutput(render({ network: 'intranet' })), 'bootstrap_servers')).toBe(
      'test-project-1.cn-hangzhou-intranet.log.aliyuncs.com:10011',
    );
    expect(stringAttribute(kafkaOutput(render({ hostForm: 'region' })), 'bootstrap_servers')).toBe('cn-hangzhou.log.aliyuncs.com:10012');
    expect(stringAttribute(kafkaOutput(render({ expandJson: true })), 'topic_id')).toBe('test-logstore-1.json');
    expect(stringAttribute(kafkaOutput(render({ expandJson: false })), 'topic_id')).toBe('test-logstore-1');
  });

  it('is also what the registry renders for settings.agents.logstash', async () => {
    // Imported here so that the other agents' renderers only matter to this test.
    const { renderSettings } = await import('@/lib/agents');
    const settings = exampleSettings({ agents: { logstash: { acks: '0' } } });
    const result = renderSettings(settings);
    expect(result.files.every((f) => f.agent === 'logstash')).toBe(true);
    expect(result.steps.every((s) => s.agent === 'logstash')).toBe(true);
    const kafka = findPlugin(parseLogstashConfig(result.files[0]!.content), 'output', 'kafka');
    expect(stringAttribute(kafka, 'acks')).toBe('0');
  });
});

describe('logstash JAAS: inline or file', () => {
  it('picks sasl_jaas_config or a JAAS file by version in auto mode', () => {
    for (const version of LOGSTASH_VERSIONS) {
      const result = render({}, { version });
      const attrs = attributeMap(kafkaOutput(result));
      const inline = LOGSTASH_VERSION_FACTS[version].inlineJaas;
      expect(attrs.has('sasl_jaas_config'), version).toBe(inline);
      expect(attrs.has('jaas_path'), version).toBe(!inline);
      expect(result.files.some((f) => f.path === 'kafka_client_jaas.conf'), version).toBe(!inline);
    }
  });

  it('writes a JAAS file that the JDK parser reads, at the path the pipeline and the install step name', () => {
    const result = render({}, { jaasMode: 'file' });
    const kafka = kafkaOutput(result);
    const jaasPath = stringAttribute(kafka, 'jaas_path');
    expect(jaasPath).toBe('/etc/logstash/kafka_client_jaas.conf');
    expect(attributeMap(kafka).has('sasl_jaas_config')).toBe(false);
    expect(allCommands(result)).toContain(`sudo install -m 600 -o logstash -g logstash kafka_client_jaas.conf ${jaasPath}`);

    const entries = parseJaasFile(file(result, 'kafka_client_jaas.conf'));
    expect([...entries.keys()]).toEqual(['KafkaClient']);
    expect(entries.get('KafkaClient')).toEqual([
      { loginModule: PLAIN_LOGIN_MODULE, flag: 'required', options: { username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD } },
    ]);
    expect(result.steps.some((s) => s.kind === 'warning' && s.title.includes('jaas_path is shared'))).toBe(true);
  });

  it('uses sasl_jaas_config when asked, also on old versions, with a warning there', () => {
    const result = render({}, { version: '6', jaasMode: 'inline' });
    expect(inlineJaas(kafkaOutput(result)).options.password).toBe(EXAMPLE_PASSWORD);
    expect(result.steps.some((s) => s.kind === 'warning' && s.title.includes('may not know sasl_jaas_config'))).toBe(true);
    expect(result.files.map((f) => f.path)).toEqual(['sls-kafka.conf', 'logstash-queue.yml']);
  });

  it('warns about the sasl_jaas_config bug only where the broken releases can be installed', () => {
    for (const version of LOGSTASH_VERSIONS) {
      const steps = render({}, { version, jaasMode: 'inline' }).steps;
      const warned = steps.some((s) => s.kind === 'warning' && /11\.8\.5–11\.8\.7 and 12\.0\.5–12\.1\.0/.test(s.detail ?? ''));
      expect(warned, version).toBe(LOGSTASH_VERSION_FACTS[version].jaasConfigBugPossible);
    }
    expect(render({}, { jaasMode: 'file' }).steps.some((s) => /12\.0\.5/.test(s.detail ?? ''))).toBe(false);
  });
});

describe('logstash secret modes', () => {
  it('inline: the password is in the pipeline, no keystore step', () => {
    const result = render({ secretMode: 'inline' });
    expect(inlineJaas(kafkaOutput(result)).options.password).toBe(EXAMPLE_PASSWORD);
    expect(allCommands(result).some((c) => c.includes('logstash-keystore'))).toBe(false);
  });

  it('env: the pipeline references the keystore key, the steps store it by prompt, the secret is nowhere', () => {
    const result = render({ secretMode: 'env' });
    const kafka = kafkaOutput(result);
    expect(stringAttribute(kafka, 'sasl_jaas_config')).toBe(
      `${PLAIN_LOGIN_MODULE} required username='${EXAMPLE_INPUT.project}' password='\${SLS_KAFKA_PASSWORD}';`,
    );
    expect(inlineJaas(kafka).options).toEqual({ username: EXAMPLE_INPUT.project, password: EXAMPLE_PASSWORD });
    expect(allCommands(result)).toEqual(
      expect.arrayContaining([
        'sudo -E /usr/share/logstash/bin/logstash-keystore --path.settings /etc/logstash create',
        'sudo -E /usr/share/logstash/bin/logstash-keystore --path.settings /etc/logstash add SLS_KAFKA_PASSWORD',
      ]),
    );
    const everything = JSON.stringify(result);
    expect(everything).not.toContain(EXAMPLE_INPUT.accessKeySecret);
  });

  it('env with a JAAS file wanted: sasl_jaas_config instead, and says why', () => {
    for (const options of [{ jaasMode: 'file' }, { version: '6' }] as LogstashOptionsInput[]) {
      const result = render({ secretMode: 'env' }, options);
      expect(result.files.map((f) => f.path)).toEqual(['sls-kafka.conf', 'logstash-queue.yml']);
      expect(inlineJaas(kafkaOutput(result)).options.password).toBe(EXAMPLE_PASSWORD);
      expect(result.steps.some((s) => s.kind === 'warning' && s.title.includes('JAAS file replaced'))).toBe(true);
      expect(JSON.stringify(result)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    }
  });
});

describe('logstash TLS trust', () => {
  it('jvm: no truststore settings; the check finds the root that anchors the SLS chain, not any GlobalSign entry', () => {
    const fingerprints = GLOBALSIGN_ROOTS.map((r) => `-e ${r.sha256}`).join(' ');
    const modern = render({}, { truststore: 'jvm' });
    const commands = allCommands(modern);
    // Before: `keytool -list -cacerts | grep -i globalsign`, true for any GlobalSign entry.
    expect(commands.some((c) => /grep -i globalsign/.test(c))).toBe(false);
    expect(commands).toContain(
      `openssl s_client -connect ${SLS_HOST}:10012 -servername ${SLS_HOST} -showcerts </dev/null 2>/dev/null ` +
        `| awk '/^ *[0-9]+ s:/{s=$0} /^ *i:/{i=$0} END{print "top of chain: " s; print "issued by:    " i}'`,
    );
    expect(commands).toContain(`/usr/share/logstash/jdk/bin/keytool -list -v -cacerts -storepass changeit | grep -i ${fingerprints}`);
    const detail = modern.steps.find((s) => s.title === 'TLS trust: the JVM default truststore')?.detail ?? '';
    for (const root of GLOBALSIGN_ROOTS) expect(detail).toContain(`${root.name} ${root.sha256}`);
    expect(modern.steps.some((s) => s.title.includes('system Java'))).toBe(false);

    const old = render({}, { version: '7.0-7.9', truststore: 'jvm' });
    expect(allCommands(old)).toContain(`keytool -list -v -cacerts -storepass changeit | grep -i ${fingerprints}`);
    expect(old.steps.some((s) => s.kind === 'warning' && s.title.includes('system Java'))).toBe(true);
  });

  it('the awk of the JVM check prints the subject and issuer of the last certificate of -showcerts output', () => {
    const command = allCommands(render({}, { truststore: 'jvm' })).find((c) => c.startsWith('openssl s_client'))!;
    const awk = command.slice(command.indexOf('| awk ') + 2);
    const sample = [
      'CONNECTED(00000003)',
      '---',
      'Certificate chain',
      ' 0 s:CN = *.cn-hangzhou.log.aliyuncs.com',
      '   i:C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018',
      '-----BEGIN CERTIFICATE-----',
      'MIIx',
      '-----END CERTIFICATE-----',
      ' 1 s:C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018',
      '   i:OU = GlobalSign Root CA - R3, O = GlobalSign, CN = GlobalSign',
      '---',
    ].join('\n');
    const out = execFileSync('sh', ['-c', awk], { input: sample, encoding: 'utf8' });
    expect(out).toBe(
      'top of chain:  1 s:C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018\n' +
        'issued by:       i:OU = GlobalSign Root CA - R3, O = GlobalSign, CN = GlobalSign\n',
    );
  });

  it('pem: type PEM, the bundle path, no password', () => {
    const kafka = kafkaOutput(render({}, { truststore: 'pem', pemBundlePath: '/etc/pki/tls/certs/ca-bundle.crt' }));
    expect(stringAttribute(kafka, 'ssl_truststore_type')).toBe('PEM');
    expect(stringAttribute(kafka, 'ssl_truststore_location')).toBe('/etc/pki/tls/certs/ca-bundle.crt');
    expect(attributeMap(kafka).has('ssl_truststore_password')).toBe(false);
  });

  it('jks: keytool imports all six GlobalSign roots into the store the pipeline names', () => {
    const result = render({}, { truststore: 'jks', jksPath: '/opt/trust/sls store.jks', jksPassword: 'pa$$ word' });
    const kafka = kafkaOutput(result);
    expect(stringAttribute(kafka, 'ssl_truststore_type')).toBe('JKS');
    expect(stringAttribute(kafka, 'ssl_truststore_location')).toBe('/opt/trust/sls store.jks');
    expect(stringAttribute(kafka, 'ssl_truststore_password')).toBe('pa$$ word');
    const commands = allCommands(result);
    for (const root of GLOBALSIGN_ROOTS) {
      expect(commands).toContain(`sudo curl -fsSo /etc/logstash/globalsign/${root.fileName} ${root.url}`);
      expect(commands).toContain(
        `sudo /usr/share/logstash/jdk/bin/keytool -importcert -noprompt -trustcacerts -alias ${root.alias} ` +
          `-file /etc/logstash/globalsign/${root.fileName} -keystore '/opt/trust/sls store.jks' -storetype JKS -storepass 'pa$$ word'`,
      );
    }
    expect(GLOBALSIGN_ROOTS.map((r) => r.alias)).toEqual([
      'globalsign-root-r1',
      'globalsign-root-r3',
      'globalsign-root-r5',
      'globalsign-root-r6',
      'globalsign-root-e46',
      'globalsign-root-r46',
    ]);
    expect(commands).toContain(`sudo /usr/share/logstash/jdk/bin/keytool -list -keystore '/opt/trust/sls store.jks' -storepass 'pa$$ word'`);
    expect(result.steps.some((s) => s.kind === 'warning' && s.title.includes('2025'))).toBe(true);
  });

  it('sandbox: the sandbox CA as PEM where supported, else a JKS built from it', () => {
    const sandbox = { host: 'sandbox.example.test', port: 19092, caUrl: 'https://wizard.example.test/api/sandbox/ca' };
    const pem = render({ target: 'sandbox' }, { truststore: 'jks' }, { sandbox });
    const pemKafka = kafkaOutput(pem);
    expect(stringAttribute(pemKafka, 'bootstrap_servers')).toBe('sandbox.example.test:19092');
    expect(stringAttribute(pemKafka, 'ssl_truststore_type')).toBe('PEM');
    expect(stringAttribute(pemKafka, 'ssl_truststore_location')).toBe('/etc/logstash/sls-sandbox-ca.pem');
    expect(allCommands(pem)).toContain('sudo curl -fsSo /etc/logstash/sls-sandbox-ca.pem https://wizard.example.test/api/sandbox/ca');
    expect(allCommands(pem)).toContain(
      `curl -s 'https://wizard.example.test/api/sandbox/records?project=test-project-1&logstore=test-logstore-1&limit=5'`,
    );
    expect(allCommands(pem).some((c) => c.includes('globalsign'))).toBe(false);

    const jks = render({ target: 'sandbox' }, { version: '7.10-7.16', jksPassword: 'sandbox-pw' }, { sandbox });
    const jksKafka = kafkaOutput(jks);
    expect(stringAttribute(jksKafka, 'ssl_truststore_type')).toBe('JKS');
    expect(stringAttribute(jksKafka, 'ssl_truststore_location')).toBe('/etc/logstash/sls-sandbox-truststore.jks');
    expect(allCommands(jks)).toContain(
      'sudo /usr/share/logstash/jdk/bin/keytool -importcert -noprompt -trustcacerts -alias sls-sandbox-ca -file /etc/logstash/sls-sandbox-ca.pem ' +
        '-keystore /etc/logstash/sls-sandbox-truststore.jks -storetype JKS -storepass sandbox-pw',
    );
  });

  it('sls target never mentions the sandbox', () => {
    const text = JSON.stringify(render({ target: 'sls' }));
    expect(text).not.toContain('sandbox');
  });
});

describe('logstash steps', () => {
  it('checks and updates the right plugin gem per version, and warns about kafka-clients 4 on 9.x', () => {
    for (const version of LOGSTASH_VERSIONS) {
      const result = render({}, { version });
      const gem = version === '6' ? 'logstash-output-kafka' : 'logstash-integration-kafka';
      expect(allCommands(result)).toContain(`sudo /usr/share/logstash/bin/logstash-plugin update ${gem}`);
      expect(result.steps.some((s) => s.title.includes('kafka-clients 4.x')), version).toBe(version === '9');
      expect(result.steps.some((s) => s.title.includes('ssl_endpoint_identification_algorithm')), version).toBe(version === '6');
    }
  });

  it('installs, tests, restarts and checks in that order', () => {
    const titles = render().steps.map((s) => s.title);
    const order = ['Install the files', 'Test the configuration', 'Restart Logstash', 'Check that events arrive'].map((t) => titles.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(allCommands(render())).toContain(
      'sudo -u logstash /usr/share/logstash/bin/logstash --path.settings /etc/logstash -f /etc/logstash/conf.d/sls-kafka.conf --config.test_and_exit',
    );
  });
});

describe('logstash options schema', () => {
  const cases: Array<[LogstashOptionsInput, string, RegExp]> = [
    [{ version: '5' as never }, 'version', /^Logstash version: choose one of/],
    [{ jaasMode: 'env' as never }, 'jaasMode', /^JAAS mode: /],
    [{ truststore: 'p12' as never }, 'truststore', /^Truststore: /],
    [{ truststore: 'pem', version: '7.10-7.16' }, 'truststore', /^Truststore: PEM truststores need logstash-integration-kafka 10\.12\.0/],
    [{ compression: 'zstd', version: '7.10-7.16' }, 'compression', /^Compression: zstd needs logstash-integration-kafka 10\.10\.0/],
    [{ compression: 'zstd', version: '6' }, 'compression', /^Compression: zstd needs logstash-integration-kafka 10\.10\.0/],
    [{ truststore: 'pem', version: '7.0-7.9' }, 'truststore', /^Truststore: PEM truststores need logstash-integration-kafka 10\.12\.0/],
    [{ queue: 'disk' as never }, 'queue', /^Queue: /],
    [{ compression: 'brotli' as never }, 'compression', /^Compression: /],
    [{ acks: 2 as never }, 'acks', /^Acks: /],
    [{ clientId: '' }, 'clientId', /^Client ID: enter 1–255 characters/],
    [{ clientId: 'a${b}' }, 'clientId', /^Client ID: remove “\$\{”/],
    [{ clientId: `it's "x"` }, 'clientId', /^Client ID: use either double quotes/],
    [{ clientId: 'a\nb' }, 'clientId', /^Client ID: remove line breaks/],
    [{ jksPath: 'C:\\trust\\sls.jks' }, 'jksPath', /^JKS path: remove the backslash/],
    [{ jksPath: 'sls.jks' }, 'jksPath', /^JKS path: enter an absolute path such as \/etc\/logstash\/sls-truststore\.jks\./],
    [{ pemBundlePath: 'certs.pem' }, 'pemBundlePath', /^PEM bundle path: enter an absolute path/],
    [{ jksPassword: '12345' }, 'jksPassword', /^JKS password: use at least 6 characters/],
    [{ filePath: 'logs/*.log' }, 'filePath', /^Log file path: enter an absolute path/],
    [{ beatsPort: 0 }, 'beatsPort', /^Beats port: enter a port from 1 to 65535\./],
    [{ beatsPort: 50.5 }, 'beatsPort', /^Beats port: enter a whole number/],
    [{ input: 'stdin' as never }, 'input', /^Input: /],
    [{ codec: 'plain' } as never, 'codec', /^Logstash options: unknown field “codec”/],
  ];

  it.each(cases)('rejects %j on %s with a message naming the field', (options, field, message) => {
    const res = logstashOptionsSchema.safeParse(options);
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    const hit = errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('accepts Windows paths written with forward slashes and PEM/zstd where the version has them', () => {
    expect(logstashOptionsSchema.safeParse({ jksPath: 'C:/logstash/sls.jks' }).success).toBe(true);
    for (const version of ['7.17', '8.0-8.2', '8.3-8.19', '9'] as const) {
      expect(logstashOptionsSchema.safeParse({ version, truststore: 'pem', compression: 'zstd' }).success).toBe(true);
    }
  });
});

describe('test parsers follow the real grammars', () => {
  it('LSCL: strings keep backslashes unless support_escapes is on; `\\"` does not close a string', () => {
    const src = `input {\n  x {\n    a => "say \\"hi\\" \\n"\n    b => 'it\\'s'\n  }\n}\n`;
    const off = findPlugin(parseLogstashConfig(src), 'input', 'x');
    expect(stringAttribute(off, 'a')).toBe('say \\"hi\\" \\n');
    expect(stringAttribute(off, 'b')).toBe("it\\'s");
    const on = findPlugin(parseLogstashConfig(src, { supportEscapes: true }), 'input', 'x');
    expect(stringAttribute(on, 'a')).toBe('say "hi" \n');
    expect(stringAttribute(on, 'b')).toBe("it's");
  });

  it('LSCL: numbers, barewords, arrays, hashes and plugin values; rejects what Logstash rejects', () => {
    const src = `# c\noutput {\n  k {\n    n => -1.5 b => yes\n    arr => [1, "two", three]\n    h => { "k" => 1 jj => [] }\n    codec => json_lines { charset => "UTF-8" }\n  }\n}\n`;
    const attrs = attributeMap(findPlugin(parseLogstashConfig(src), 'output', 'k'));
    expect(attrs.get('n')).toEqual({ kind: 'number', value: -1.5 });
    expect(attrs.get('b')).toEqual({ kind: 'bareword', value: 'yes' });
    expect(attrs.get('arr')).toEqual({
      kind: 'array',
      items: [{ kind: 'number', value: 1 }, { kind: 'string', value: 'two', quote: '"' }, { kind: 'bareword', value: 'three' }],
    });
    expect(attrs.get('h')).toEqual({
      kind: 'hash',
      entries: [{ key: 'k', value: { kind: 'number', value: 1 } }, { key: 'jj', value: { kind: 'array', items: [] } }],
    });
    expect(attrs.get('codec')).toEqual({
      kind: 'plugin',
      plugin: { name: 'json_lines', attributes: [{ name: 'charset', value: { kind: 'string', value: 'UTF-8', quote: '"' } }] },
    });
    for (const bad of [
      'output { k { a => "x"b => "y" } }\n', // attributes need whitespace between them
      'output { k { a => "x\\" } }\n', // \" does not close the string
      'output { k { a => "x" } }\n# comment without a newline',
      'output { k { a => x } }\n', // a bareword has at least two characters
      'outputs { k { } }\n',
      'output { k { h => { "a" => 1 "a" => 2 } } }\n',
    ]) {
      expect(() => parseLogstashConfig(bad), bad).toThrow();
    }
  });

  it('LSCL: ${VAR} substitution like substitution_variables.rb', () => {
    const env = (name: string) => ({ A: 'x#y' })[name];
    expect(substituteVariables("p='${A}' q=${B:dflt} r=${ not} s=$A", env)).toBe("p='x#y' q=dflt r=${ not} s=$A");
    expect(() => substituteVariables('${MISSING}', env)).toThrow(/MISSING/);
    expect(hasSubstitution('a${b.c}d')).toBe(true);
    expect(hasSubstitution('a${1b}d')).toBe(false);
  });

  it('JAAS: JaasConfig rules (quotes, escapes, comments, the closing semicolon)', () => {
    expect(parseSaslJaasConfig(`M required a="x\\ty" /* c */ b='q"q' // tail\n c=w\\101;`)).toEqual([
      { loginModule: 'M', flag: 'required', options: { a: 'x\ty', b: 'q"q', c: 'w\\101' } },
    ]);
    expect(parseSaslJaasConfig(`M optional a="\\101";`)[0]?.options.a).toBe('A');
    expect(() => parseSaslJaasConfig('M required a="x"')).toThrow(/semi-colon/);
    expect(() => parseSaslJaasConfig('M required a=;')).toThrow(/Value not specified/);
    expect(() => parseSaslJaasConfig('M maybe;')).toThrow(/control flag/);
    expect(() => parseSaslJaasConfig('   ')).toThrow(/Login module not specified/);
  });

  it('JAAS: ConfigFile rules (application entries, property expansion)', () => {
    const src = '/* x */ KafkaClient {\n  M required\n  u="${user.name}" p="a#b";\n};\nOther { N sufficient; };\n';
    const entries = parseJaasFile(src, { 'user.name': 'alice' });
    expect(entries.get('KafkaClient')).toEqual([{ loginModule: 'M', flag: 'required', options: { u: 'alice', p: 'a#b' } }]);
    expect(entries.get('Other')).toEqual([{ loginModule: 'N', flag: 'sufficient', options: {} }]);
    expect(() => parseJaasFile(src)).toThrow(/user\.name/);
    expect(() => parseJaasFile('KafkaClient { M required a="x"; }\n')).toThrow(/“;”/);
    expect(() => parseJaasFile('KafkaClient { M required a="x"; };\nKafkaClient { M required; };')).toThrow(/multiple entries/);
  });
});

/** Strings rich in the characters that break config languages. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', "'", '\\', '\n', '\r', '\t', '#', '${', '${HOME}', '${a.b:c}', '#{', '}', '{', '$', '/', ' ', '=>', ';', '//', '/*', 'é', '日本', '😀', '\u2028', '\u0000'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

describe('logstash quoting helpers (property)', () => {
  it('logstashString: rejected, or read back exactly under both escape modes without substitution', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        let quoted: string;
        try {
          quoted = logstashString(value);
        } catch (error) {
          expect(error).toBeInstanceOf(UnrepresentableValueError);
          expect(logstashStringProblem(value)).toBeDefined();
          return;
        }
        expect(logstashStringProblem(value)).toBeUndefined();
        const src = `output {\n  stdout {\n    id => ${quoted}\n    codec => json\n  }\n}\n`;
        for (const supportEscapes of [false, true]) {
          const plugin = findPlugin(parseLogstashConfig(src, { supportEscapes }), 'output', 'stdout');
          expect(plugin.attributes.map((a) => a.name)).toEqual(['id', 'codec']);
          expect(stringAttribute(plugin, 'id')).toBe(value);
        }
        expect(hasSubstitution(value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('jaasValue: rejected, or read back exactly by Kafka JaasConfig (single quotes) and the JDK ConfigFile (double quotes)', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        let single: string | undefined;
        let double: string | undefined;
        try {
          single = jaasValue(value, "'");
        } catch (error) {
          expect(error).toBeInstanceOf(UnrepresentableValueError);
        }
        try {
          double = jaasValue(value, '"');
        } catch (error) {
          expect(error).toBeInstanceOf(UnrepresentableValueError);
        }
        if (single !== undefined) {
          expect(parseSaslJaasConfig(`${PLAIN_LOGIN_MODULE} required k=${single} after='x';`)).toEqual([
            { loginModule: PLAIN_LOGIN_MODULE, flag: 'required', options: { k: value, after: 'x' } },
          ]);
        }
        if (double !== undefined) {
          const entries = parseJaasFile(`KafkaClient {\n  ${PLAIN_LOGIN_MODULE} required\n  k=${double}\n  after="x";\n};\n`);
          expect(entries.get('KafkaClient')).toEqual([
            { loginModule: PLAIN_LOGIN_MODULE, flag: 'required', options: { k: value, after: 'x' } },
          ]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('sasl_jaas_config: JAAS inside a Logstash string reads back through both parsers', () => {
    fc.assert(
      fc.property(hostile, hostile, (username, password) => {
        let value: string;
        try {
          value = saslJaasConfigValue(username, { kind: 'literal', password });
        } catch (error) {
          expect(error).toBeInstanceOf(UnrepresentableValueError);
          return;
        }
        const src = `output {\n  kafka {\n    sasl_jaas_config => ${value}\n  }\n}\n`;
        for (const supportEscapes of [false, true]) {
          const kafka = findPlugin(parseLogstashConfig(src, { supportEscapes }), 'output', 'kafka');
          const jaas = stringAttribute(kafka, 'sasl_jaas_config');
          expect(hasSubstitution(jaas)).toBe(false);
          expect(parseSaslJaasConfig(jaas)).toEqual([{ loginModule: PLAIN_LOGIN_MODULE, flag: 'required', options: { username, password } }]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('shellWord: /bin/sh reads each word back unchanged', () => {
    const values = fc.sample(hostile.map((s) => s.replace(/\u0000/g, '')), { numRuns: 150, seed: 7 });
    values.push('', "'", "a'b", '$HOME', '`id`', '!x', '~', '*', '-n', ' lead');
    const script = values.map((v) => `printf '%s\\0' ${shellWord(v)}`).join('\n');
    const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\u0000').slice(0, -1)).toEqual(values);
  });
});

type StringNode = { kind: 'string'; value: string; quote: '"' | "'" };

function stringNode(value: LogstashValue | undefined, what: string): StringNode {
  if (value?.kind !== 'string') throw new Error(`${what} is ${value ? value.kind : 'missing'}, expected a string`);
  return value;
}

/** Free-text options, how to make the renderer use them, and the parsed node they land in. */
const FREE_TEXT: Array<{
  field: 'clientId' | 'filePath' | 'pemBundlePath' | 'jksPath' | 'jksPassword';
  label: string;
  enable: LogstashOptionsInput;
  node: (config: LogstashConfig) => StringNode;
  /** The step command that carries the value, if any. */
  command?: (options: LogstashOptions) => string;
  /** How the value appears in the node, when not verbatim. */
  written?: (value: string) => string;
}> = [
  {
    field: 'clientId',
    label: 'Client ID',
    enable: {},
    node: (c) => stringNode(attributeMap(findPlugin(c, 'output', 'kafka')).get('client_id'), 'client_id'),
    written: (v) => `${v}-\${HOSTNAME:unknown-host}`,
  },
  {
    field: 'filePath',
    label: 'Log file path',
    enable: { input: 'file' },
    node: (c) => {
      const path = attributeMap(findPlugin(c, 'input', 'file')).get('path');
      if (path?.kind !== 'array' || path.items.length !== 1) throw new Error('path is not a one-item array');
      return stringNode(path.items[0], 'path[0]');
    },
  },
  {
    field: 'pemBundlePath',
    label: 'PEM bundle path',
    enable: { truststore: 'pem' },
    node: (c) => stringNode(attributeMap(findPlugin(c, 'output', 'kafka')).get('ssl_truststore_location'), 'ssl_truststore_location'),
    command: (o) => `sudo -u logstash grep -c 'BEGIN CERTIFICATE' ${shellWord(o.pemBundlePath)}`,
  },
  {
    field: 'jksPath',
    label: 'JKS path',
    enable: { truststore: 'jks' },
    node: (c) => stringNode(attributeMap(findPlugin(c, 'output', 'kafka')).get('ssl_truststore_location'), 'ssl_truststore_location'),
    command: (o) => `sudo /usr/share/logstash/jdk/bin/keytool -list -keystore ${shellWord(o.jksPath)} -storepass ${shellWord(o.jksPassword)}`,
  },
  {
    field: 'jksPassword',
    label: 'JKS password',
    enable: { truststore: 'jks' },
    node: (c) => stringNode(attributeMap(findPlugin(c, 'output', 'kafka')).get('ssl_truststore_password'), 'ssl_truststore_password'),
    command: (o) => `sudo /usr/share/logstash/jdk/bin/keytool -list -keystore ${shellWord(o.jksPath)} -storepass ${shellWord(o.jksPassword)}`,
  },
];

/** The parsed config with the free-text node blanked, to compare everything else. */
function blanked(config: LogstashConfig, node: (config: LogstashConfig) => StringNode): string {
  const copy = structuredClone(config);
  Object.assign(node(copy), { value: '<value>', quote: '"' });
  return JSON.stringify(copy);
}

describe('logstash renderer with hostile free text (property)', () => {
  it.each(FREE_TEXT)('$field: rejected naming the field, or rendered exactly with nothing else changed', ({ field, label, enable, node, command, written = (v) => v }) => {
    const baseline = parseLogstashConfig(file(render({}, enable), 'sls-kafka.conf'));
    const defaultValue = node(baseline).value;
    const candidates = fc.oneof(hostile, hostile.map((s) => `/${s}`), hostile.map((s) => `/opt/${s}-${s}`));
    fc.assert(
      fc.property(candidates, (value) => {
        fc.pre(written(value) !== defaultValue);
        const parsed = logstashOptionsSchema.safeParse({ ...enable, [field]: value });
        if (!parsed.success) {
          const errors = fieldErrors(parsed.error);
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) {
            expect(error.field).toBe(field);
            expect(error.message.startsWith(`${label}: `)).toBe(true);
          }
          return;
        }
        const result = renderLogstashConfig(createRenderContext(exampleSettings()), parsed.data);
        for (const supportEscapes of [false, true]) {
          const config = parseLogstashConfig(file(result, 'sls-kafka.conf'), { supportEscapes });
          expect(node(config).value).toBe(written(value));
          expect(blanked(config, node)).toBe(blanked(baseline, node));
        }
        // Steps carry paths and the JKS password only as single shell words (shellWord is checked against /bin/sh above).
        if (command) expect(allCommands(result)).toContain(command(parsed.data));
      }),
      { numRuns: 400 },
    );
  });
});

/*
 * Issue 12 (production-grade Logstash): each block names what the output
 * said before, so that a regression to it fails here.
 */
describe('logstash release lines: plugin features and pins', () => {
  it('has the version facts the research confirmed (docs/agents/logstash.md#versions)', () => {
    // Before: 11.8.11, which upstream does not show; 11.8.10 is the newest 11.x confirmed.
    expect(NEWEST_11X).toBe('11.8.10');
    expect(NEWEST_10X).toBe('10.12.1');
    expect(Object.fromEntries(Object.entries(PLUGIN_FEATURES).map(([k, v]) => [k, v.minPlugin]))).toEqual({
      zstd: '10.10.0',
      pemTruststore: '10.12.0',
      messageHeaders: '11.4.0',
    });
    const table = Object.fromEntries(
      LOGSTASH_VERSIONS.map((v) => [v, (['zstd', 'pemTruststore', 'messageHeaders'] as const).map((f) => featureSupport(LOGSTASH_VERSION_FACTS[v], f))]),
    );
    expect(table).toEqual({
      '6': ['unavailable', 'unavailable', 'unavailable'],
      '7.0-7.9': ['unavailable', 'unavailable', 'unavailable'],
      '7.10-7.16': ['unavailable', 'unavailable', 'unavailable'],
      // Before: 7.17 had zstd and PEM as bundled, but 7.17.0 predates plugin 10.12.0.
      '7.17': ['after-update', 'after-update', 'unavailable'],
      // Before: zstd false for all of 8.0–8.2; 8.2 bundles 10.10.0 and 8.0–8.1 can update.
      '8.0-8.2': ['after-update', 'after-update', 'unavailable'],
      '8.3-8.19': ['bundled', 'bundled', 'after-update'],
      '9': ['bundled', 'bundled', 'bundled'],
    });
    for (const version of LOGSTASH_VERSIONS) {
      const everything = JSON.stringify(render({}, { version }));
      expect(everything, version).not.toContain('11.8.11');
    }
    expect(allCommands(render({}, { version: '9' }))).toContain(
      'sudo /usr/share/logstash/bin/logstash-plugin install --version 11.8.10 logstash-integration-kafka',
    );
  });

  it('offers zstd and PEM to 7.17 and 8.0–8.2 only together with the pinned plugin install, before the config test', () => {
    for (const version of ['7.17', '8.0-8.2'] as const) {
      for (const options of [{ compression: 'zstd' }, { truststore: 'pem' }, { compression: 'zstd', truststore: 'pem' }] as LogstashOptionsInput[]) {
        const result = render({}, { version, ...options });
        const titles = result.steps.map((s) => s.title);
        const install = result.steps.findIndex((s) => s.title.startsWith('Install logstash-integration-kafka 10.12.1 for'));
        expect(install, `${version} ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0);
        expect(result.steps[install]!.commands).toContain(
          'sudo /usr/share/logstash/bin/logstash-plugin install --version 10.12.1 logstash-integration-kafka',
        );
        expect(install).toBeLessThan(titles.indexOf('Test the configuration'));
        if (options.compression === 'zstd') expect(result.steps[install]!.detail).toContain('zstd" needs logstash-integration-kafka 10.10.0');
        if (options.truststore === 'pem') expect(result.steps[install]!.detail).toContain('"PEM" needs logstash-integration-kafka 10.12.0');
      }
      // Nothing that needs the update: no install step.
      expect(render({}, { version }).steps.some((s) => s.title.startsWith('Install logstash-integration-kafka'))).toBe(false);
      // The sandbox CA goes into a JKS there: a PEM truststore is not certain without the update.
      expect(stringAttribute(kafkaOutput(render({ target: 'sandbox' }, { version })), 'ssl_truststore_type')).toBe('JKS');
    }
    // Where every patch bundles it, no install step.
    const modern = render({}, { version: '8.3-8.19', compression: 'zstd', truststore: 'pem' });
    expect(modern.steps.some((s) => s.title.startsWith('Install logstash-integration-kafka'))).toBe(false);
  });

  it('Logstash 6 and 7.0–7.9: updates the Kafka output before anything else, for the 2.1.0 client SLS requires', () => {
    for (const [version, gems] of [
      ['6', ['logstash-output-kafka']],
      ['7.0-7.9', ['logstash-output-kafka', 'logstash-integration-kafka']],
    ] as const) {
      const result = render({}, { version });
      const update = result.steps.findIndex((s) => s.title === 'Update the Kafka output first: SLS needs a Kafka 2.1.0 client');
      expect(update, version).toBe(1);
      expect(result.steps[update]!.kind).toBeUndefined();
      expect(result.steps[update]!.commands).toEqual([
        ...gems.map((g) => `sudo /usr/share/logstash/bin/logstash-plugin update ${g}`),
        '/usr/share/logstash/bin/logstash-plugin list --verbose | grep kafka',
      ]);
      expect(result.steps[update]!.detail).toContain('logstash-output-kafka 7.3.0 or later (kafka-clients 2.1.0)');
    }
    for (const version of ['7.10-7.16', '7.17', '8.0-8.2', '8.3-8.19', '9'] as const) {
      expect(render({}, { version }).steps.some((s) => s.title.includes('SLS needs a Kafka 2.1.0 client')), version).toBe(false);
    }
  });

  it('Logstash before 7.10: the JKS SLS publishes, with its URL and md5, by default (not a warning about cacerts)', () => {
    for (const version of ['6', '7.0-7.9'] as const) {
      const result = render({}, { version });
      const kafka = kafkaOutput(result);
      expect(stringAttribute(kafka, 'ssl_truststore_type')).toBe('JKS');
      expect(stringAttribute(kafka, 'ssl_truststore_location')).toBe('/etc/logstash/sls-root.truststore.jks');
      expect(stringAttribute(kafka, 'ssl_truststore_password')).toBe('123456');
      const commands = allCommands(result);
      const download = commands.indexOf(
        'sudo curl -fsSLo /etc/logstash/sls-root.truststore.jks https://sls-kproxy.oss-cn-hangzhou.aliyuncs.com/client-root.truststore.jks',
      );
      const md5 = commands.indexOf("echo 'bbe0c4523637f489fa7664b881f32978  /etc/logstash/sls-root.truststore.jks' | sudo md5sum -c -");
      expect(download).toBeGreaterThanOrEqual(0);
      expect(md5).toBe(download + 1);
      expect(result.steps.some((s) => s.title.includes('system Java'))).toBe(false);
    }
    // From 7.10 on, auto means the bundled JDK's cacerts.
    expect(attributeMap(kafkaOutput(render({}, { version: '7.10-7.16' }))).has('ssl_truststore_location')).toBe(false);
    // Anyone may choose it.
    expect(stringAttribute(kafkaOutput(render({}, { truststore: 'sls-jks' })), 'ssl_truststore_location')).toBe('/etc/logstash/sls-root.truststore.jks');
  });

  it('says what SLS states about the Kafka version: 2.1.0 as the minimum, never “speaks 2.1.1”', () => {
    for (const version of LOGSTASH_VERSIONS) {
      for (const files of [render({}, { version })]) {
        const text = JSON.stringify(files);
        expect(text, version).not.toMatch(/speaks Kafka 2\.1\.1|up to 2\.1\.1/);
      }
    }
    const warning = render({}, { version: '9' }).steps.find((s) => s.title.includes('kafka-clients 4.x'))!;
    expect(warning.detail).toContain('SLS states Kafka 2.1.0 as the lowest protocol version it supports');
  });
});

describe('logstash keystore in secret mode env', () => {
  const result = render({ secretMode: 'env' });
  const keystore = result.steps.find((s) => s.title === 'Store the password in a password-protected Logstash keystore')!;

  it('creates it with LOGSTASH_KEYSTORE_PASS from the environment file the service reads, then sets owner and mode', () => {
    const commands = keystore.commands!;
    // Before: a plain `sudo logstash-keystore create`, no password, no owner or mode.
    expect(commands[0]).toBe('ENVFILE=/etc/default/logstash; [ -d /etc/sysconfig ] && ENVFILE=/etc/sysconfig/logstash');
    expect(commands).toContain('sudo touch "$ENVFILE" && sudo chown root:root "$ENVFILE" && sudo chmod 600 "$ENVFILE"');
    expect(commands).toContain(
      `sudo grep -q '^LOGSTASH_KEYSTORE_PASS=' "$ENVFILE" || printf 'LOGSTASH_KEYSTORE_PASS=%s\\n' "$(openssl rand -hex 24)" | sudo tee -a "$ENVFILE" >/dev/null`,
    );
    const create = commands.indexOf('sudo -E /usr/share/logstash/bin/logstash-keystore --path.settings /etc/logstash create');
    const exported = commands.findIndex((c) => c.startsWith('export LOGSTASH_KEYSTORE_PASS='));
    expect(exported).toBeGreaterThan(0);
    expect(create).toBeGreaterThan(exported);
    const chown = commands.indexOf('sudo chown logstash:root /etc/logstash/logstash.keystore && sudo chmod 0600 /etc/logstash/logstash.keystore');
    expect(chown).toBeGreaterThan(create);
    expect(commands.at(-1)).toBe('unset LOGSTASH_KEYSTORE_PASS');
  });

  it('explains the two environment files and why a password matters, truthfully', () => {
    const detail = keystore.detail!;
    expect(detail).toContain('/etc/sysconfig/logstash on RHEL, /etc/default/logstash on Debian/Ubuntu');
    expect(detail).toContain('sudo -E');
    expect(detail).toContain('stores it, only obfuscated, at the end of the keystore file itself');
    expect(detail).toContain('Elastic’s docs say the data is encrypted either way');
  });

  it('runs the config test with the keystore password, as the service will', () => {
    const test = result.steps.find((s) => s.title === 'Test the configuration')!;
    expect(test.commands).toEqual([
      'ENVFILE=/etc/default/logstash; [ -d /etc/sysconfig ] && ENVFILE=/etc/sysconfig/logstash',
      `export LOGSTASH_KEYSTORE_PASS="$(sudo sed -n 's/^LOGSTASH_KEYSTORE_PASS=//p' "$ENVFILE")"`,
      'sudo -E -u logstash /usr/share/logstash/bin/logstash --path.settings /etc/logstash -f /etc/logstash/conf.d/sls-kafka.conf --config.test_and_exit',
      'unset LOGSTASH_KEYSTORE_PASS',
    ]);
  });

  it('the environment-file commands work in /bin/sh, and the password never reaches an argv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ls-env-'));
    try {
      const envFile = join(dir, 'logstash');
      // sudo and the chown to root are the parts a test cannot run; the rest is the rendered text.
      const script = keystore
        .commands!.slice(2, 4)
        .map((c) => c.replaceAll('sudo ', ''))
        .join('\n');
      const out = execFileSync('sh', ['-c', `ENVFILE=${shellWord(envFile)}\ntouch "$ENVFILE"\n${script}\n${script}\nprintf '%s' "$LOGSTASH_KEYSTORE_PASS"`], {
        encoding: 'utf8',
      });
      const lines = readFileSync(envFile, 'utf8').split('\n').filter(Boolean);
      expect(lines).toHaveLength(1); // a second run keeps the first password
      expect(lines[0]).toMatch(/^LOGSTASH_KEYSTORE_PASS=[0-9a-f]{48}$/);
      expect(out).toBe(lines[0]!.split('=')[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logstash day-two settings', () => {
  it('batches within SLS limits, keeps infinite retries, names the host in client_id', () => {
    const attrs = attributeMap(kafkaOutput(render()));
    const num = (name: string) => {
      const v = attrs.get(name);
      if (v?.kind !== 'number') throw new Error(`${name} is not a number`);
      return v.value;
    };
    // Before: none of these were set (plugin defaults: linger 0, 16 KiB batches, 1 MiB requests).
    expect(num('linger_ms')).toBe(100);
    expect(num('batch_size')).toBe(262_144);
    expect(num('max_request_size')).toBe(1_000_000);
    // SLS: at most 1 MB per log entry and 5 MB per request (docs/sls.md#limits).
    expect(num('max_request_size')).toBeLessThanOrEqual(1_000_000);
    expect(num('batch_size')).toBeLessThan(num('max_request_size'));
    expect(attrs.has('retries')).toBe(false);
    expect(attrs.has('delivery_timeout_ms')).toBe(false); // the output has no such option
    const hostStep = render().steps.find((s) => s.title === 'Give the service its host name (client_id)')!;
    expect(hostStep.commands).toContain(`sudo grep -q '^HOSTNAME=' "$ENVFILE" || echo "HOSTNAME=$(hostname)" | sudo tee -a "$ENVFILE" >/dev/null`);
  });

  it('turns on the persistent queue in logstash.yml, unless the memory queue is chosen', () => {
    const result = render();
    // Before: no queue settings at all (Logstash's default memory queue loses events on a restart).
    expect(loadYaml(file(result, 'logstash-queue.yml'))).toEqual({
      'queue.type': 'persisted',
      'path.queue': '/var/lib/logstash/queue',
      'queue.max_bytes': '1gb',
    });
    const step = result.steps.find((s) => s.title === 'Turn on the persistent queue')!;
    expect(step.commands).toContain('sudo tee -a /etc/logstash/logstash.yml < logstash-queue.yml >/dev/null');
    const memory = render({}, { queue: 'memory' });
    expect(memory.files.map((f) => f.path)).toEqual(['sls-kafka.conf']);
    expect(memory.steps.some((s) => s.title.includes('persistent queue'))).toBe(false);
  });

  it('expands JSON by the data-parse-format header where every patch has plugin 11.4+, else by the .json topic', () => {
    const v9 = kafkaOutput(render({ expandJson: true }, { version: '9' }));
    // Before: always the .json topic.
    expect(stringAttribute(v9, 'topic_id')).toBe('test-logstore-1');
    expect(attributeMap(v9).get('message_headers')).toEqual({
      kind: 'hash',
      entries: [{ key: 'data-parse-format', value: { kind: 'string', value: 'json', quote: '"' } }],
    });
    for (const version of ['7.17', '8.0-8.2', '8.3-8.19'] as const) {
      const kafka = kafkaOutput(render({ expandJson: true }, { version }));
      expect(stringAttribute(kafka, 'topic_id'), version).toBe('test-logstore-1.json');
      expect(attributeMap(kafka).has('message_headers'), version).toBe(false);
    }
    expect(attributeMap(kafkaOutput(render({ expandJson: false }, { version: '9' }))).has('message_headers')).toBe(false);
  });

  it('the read-back and producer check agree with the header form', async () => {
    // Imported here, like the registry test above: the other agents' renderers only matter to this test.
    const { renderSettings } = await import('@/lib/agents');
    const { checkProducerSettings } = await import('@/lib/agents/producer-check');
    const settings = exampleSettings({ expandJson: true, agents: { logstash: { version: '9' } } });
    const ctx = createRenderContext(settings);
    const { files } = renderSettings(settings);
    const check = checkProducerSettings(ctx, files);
    expect(check.problems).toEqual([]);
    expect(check.settings.map((s) => s.topic)).toEqual(['test-logstore-1.json']);
  });
});
