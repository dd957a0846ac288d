/**
 * What each Logstash release line brings for the Kafka output, as bundled
 * (docs/agents/logstash.md, the bundled Kafka plugin per release line:
 * `Gemfile.jruby-*.lock.release` per branch,
 * `build.gradle` per plugin tag, the plugin CHANGELOG):
 * - `sasl_jaas_config` (per-plugin JAAS) — in logstash-integration-kafka 10.x
 *   and later; the Kafka outputs bundled before Logstash 7.10 may lack it, so
 *   those lines default to a JAAS file;
 * - PEM truststores — kafka-clients ≥ 2.7 (KIP-651), i.e. plugin ≥ 10.12.0;
 * - `compression_type => "zstd"` — plugin ≥ 10.10.0 (PR #112);
 * - a bundled JDK whose cacerts has the GlobalSign roots SLS uses since 2025
 *   (SLS: Logstash ≥ 7.10.1 can drop its truststore settings).
 */

export const LOGSTASH_VERSIONS = ['6', '7.0-7.9', '7.10-7.16', '7.17', '8.0-8.2', '8.3-8.19', '9'] as const;
export type LogstashVersion = (typeof LOGSTASH_VERSIONS)[number];

export interface LogstashVersionFacts {
  label: string;
  /** The gem to check and update with bin/logstash-plugin. */
  pluginGem: 'logstash-output-kafka' | 'logstash-integration-kafka';
  /** What ships with this line, for the step text. */
  bundled: string;
  inlineJaas: boolean;
  pemTruststore: boolean;
  zstd: boolean;
  /** A JDK under /usr/share/logstash/jdk whose cacerts verifies SLS. */
  bundledJdk: boolean;
  /** The 11.8.5–11.8.7 / 12.0.5–12.1.0 `sasl_jaas_config` bug can be installed. */
  jaasConfigBugPossible: boolean;
  /** kafka-clients 4.x (plugin 12.x): supports brokers ≥ 2.1 only. */
  kafkaClients4Possible: boolean;
}

export const LOGSTASH_VERSION_FACTS: Readonly<Record<LogstashVersion, LogstashVersionFacts>> = {
  '6': {
    label: 'Logstash 6.x',
    pluginGem: 'logstash-output-kafka',
    bundled: 'logstash-output-kafka 7.x or 8.x (kafka-clients 1.x–2.1)',
    inlineJaas: false,
    pemTruststore: false,
    zstd: false,
    bundledJdk: false,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.0-7.9': {
    label: 'Logstash 7.0–7.9',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-output-kafka 8.x or logstash-integration-kafka 10.x (kafka-clients 2.1–2.5)',
    inlineJaas: false,
    pemTruststore: false,
    zstd: false,
    bundledJdk: false,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.10-7.16': {
    label: 'Logstash 7.10–7.16',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-integration-kafka 10.x (kafka-clients 2.4–2.5)',
    inlineJaas: true,
    pemTruststore: false,
    zstd: false,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.17': {
    label: 'Logstash 7.17',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-integration-kafka 10.12.x (kafka-clients 2.8.1)',
    inlineJaas: true,
    pemTruststore: true,
    zstd: true,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '8.0-8.2': {
    label: 'Logstash 8.0–8.2',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-integration-kafka 10.9–10.10 (kafka-clients 2.5.1)',
    inlineJaas: true,
    pemTruststore: false,
    zstd: false,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '8.3-8.19': {
    label: 'Logstash 8.3–8.19',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-integration-kafka 10.12–11.8 (kafka-clients 2.8–3.9)',
    inlineJaas: true,
    pemTruststore: true,
    zstd: true,
    bundledJdk: true,
    jaasConfigBugPossible: true,
    kafkaClients4Possible: false,
  },
  '9': {
    label: 'Logstash 9.x',
    pluginGem: 'logstash-integration-kafka',
    bundled: 'logstash-integration-kafka 11.8 or 12.x (kafka-clients 3.9 or 4.x)',
    inlineJaas: true,
    pemTruststore: true,
    zstd: true,
    bundledJdk: true,
    jaasConfigBugPossible: true,
    kafkaClients4Possible: true,
  },
};
