/**
 * What each Logstash release line brings for the Kafka output, and which
 * plugin features it has as bundled, only after a plugin update, or not at all
 * (docs/agents/logstash.md#versions: the bundled plugin per release line, the
 * kafka-clients per plugin version, the plugin CHANGELOG):
 * - `sasl_jaas_config` (per-plugin JAAS) — in logstash-integration-kafka 10.x
 *   and later; the Kafka outputs bundled before Logstash 7.10 may lack it, so
 *   those lines default to a JAAS file;
 * - `compression_type => "zstd"` — plugin ≥ 10.10.0 (#112);
 * - PEM truststores — kafka-clients ≥ 2.7 (KIP-651), i.e. plugin ≥ 10.12.0;
 * - `message_headers` — plugin ≥ 11.4.0 (#162);
 * - a bundled JDK (Logstash ≥ 7.10) whose cacerts has the GlobalSign roots SLS uses since 2025.
 * A line's "bundled" range spans its patch releases: 7.17.0 predates plugin
 * 10.12.0 (released 2022-05-09), so a 7.17 install may lack PEM and zstd.
 */

export const LOGSTASH_VERSIONS = ['6', '7.0-7.9', '7.10-7.16', '7.17', '8.0-8.2', '8.3-8.19', '9'] as const;
export type LogstashVersion = (typeof LOGSTASH_VERSIONS)[number];

export type LogstashPluginGem = 'logstash-output-kafka' | 'logstash-integration-kafka';

/** The plugin features that depend on the installed logstash-integration-kafka version. */
export const PLUGIN_FEATURES = {
  zstd: { minPlugin: '10.10.0', what: 'compression_type => "zstd"', source: 'logstash-integration-kafka CHANGELOG 10.10.0 (#112)' },
  pemTruststore: { minPlugin: '10.12.0', what: 'ssl_truststore_type => "PEM"', source: 'CHANGELOG 10.12.0 (#115): kafka-clients 2.8.1; PEM needs 2.7 (KIP-651)' },
  messageHeaders: { minPlugin: '11.4.0', what: 'message_headers', source: 'CHANGELOG 11.4.0 (#162)' },
} as const;
export type PluginFeature = keyof typeof PLUGIN_FEATURES;

/** `bundled`: every patch of the line has it; `after-update`: install the line's pinned plugin first; `unavailable`: no confirmed route. */
export type FeatureSupport = 'bundled' | 'after-update' | 'unavailable';

export interface LogstashVersionFacts {
  label: string;
  /** The gems that may carry the kafka output on this line (check and update with bin/logstash-plugin). */
  pluginGems: readonly LogstashPluginGem[];
  // What ships with each line, in words, is step text: step-texts.json `bundled.<line>`.
  /**
   * The lowest logstash-integration-kafka any patch of this line bundles, when
   * known; undefined when some patch ships the older logstash-output-kafka or
   * the lowest version is not confirmed.
   */
  bundledPluginMin?: string;
  /**
   * The logstash-integration-kafka version to install when a chosen feature
   * needs more than the bundled plugin: the newest release confirmed upstream
   * that this line can run (11.x needs Logstash ≥ 8.3.0). Undefined: no
   * confirmed update route, so such features are refused.
   */
  pluginPin?: string;
  /** Some patch bundles a Kafka client below 2.1.0, the minimum SLS supports: update the plugin first. */
  clientBelowSlsMinimum: boolean;
  inlineJaas: boolean;
  /** A JDK under /usr/share/logstash/jdk whose cacerts verifies SLS. */
  bundledJdk: boolean;
  /** The 11.8.5–11.8.7 / 12.0.5–12.1.0 `sasl_jaas_config` bug can be installed. */
  jaasConfigBugPossible: boolean;
  /** kafka-clients 4.x (plugin 12.x): supports brokers ≥ 2.1 only. */
  kafkaClients4Possible: boolean;
}

/** The newest logstash-integration-kafka 10.x confirmed in the upstream CHANGELOG (10.12.1, #149). */
export const NEWEST_10X = '10.12.1';
/** The newest 11.x confirmed upstream (11.8.10, bundled with Logstash 9.3.8 and 9.4.4); 11.8.11 is not confirmed. */
export const NEWEST_11X = '11.8.10';

export const LOGSTASH_VERSION_FACTS: Readonly<Record<LogstashVersion, LogstashVersionFacts>> = {
  '6': {
    label: 'Logstash 6.x',
    pluginGems: ['logstash-output-kafka'],
    clientBelowSlsMinimum: true,
    inlineJaas: false,
    bundledJdk: false,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.0-7.9': {
    label: 'Logstash 7.0–7.9',
    pluginGems: ['logstash-output-kafka', 'logstash-integration-kafka'],
    clientBelowSlsMinimum: true,
    inlineJaas: false,
    bundledJdk: false,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.10-7.16': {
    label: 'Logstash 7.10–7.16',
    pluginGems: ['logstash-integration-kafka'],
    clientBelowSlsMinimum: false,
    inlineJaas: true,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '7.17': {
    label: 'Logstash 7.17',
    pluginGems: ['logstash-integration-kafka'],
    pluginPin: NEWEST_10X,
    clientBelowSlsMinimum: false,
    inlineJaas: true,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '8.0-8.2': {
    label: 'Logstash 8.0–8.2',
    pluginGems: ['logstash-integration-kafka'],
    bundledPluginMin: '10.9.0',
    pluginPin: NEWEST_10X,
    clientBelowSlsMinimum: false,
    inlineJaas: true,
    bundledJdk: true,
    jaasConfigBugPossible: false,
    kafkaClients4Possible: false,
  },
  '8.3-8.19': {
    label: 'Logstash 8.3–8.19',
    pluginGems: ['logstash-integration-kafka'],
    bundledPluginMin: '10.12.0',
    pluginPin: NEWEST_11X,
    clientBelowSlsMinimum: false,
    inlineJaas: true,
    bundledJdk: true,
    jaasConfigBugPossible: true,
    kafkaClients4Possible: false,
  },
  '9': {
    label: 'Logstash 9.x',
    pluginGems: ['logstash-integration-kafka'],
    bundledPluginMin: '11.6.0',
    pluginPin: NEWEST_11X,
    clientBelowSlsMinimum: false,
    inlineJaas: true,
    bundledJdk: true,
    jaasConfigBugPossible: true,
    kafkaClients4Possible: true,
  },
};

/** Compares dotted version numbers (`10.12.0` < `11.4.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function featureSupport(facts: LogstashVersionFacts, feature: PluginFeature): FeatureSupport {
  const need = PLUGIN_FEATURES[feature].minPlugin;
  if (facts.bundledPluginMin !== undefined && compareVersions(facts.bundledPluginMin, need) >= 0) return 'bundled';
  if (facts.pluginPin !== undefined && compareVersions(facts.pluginPin, need) >= 0) return 'after-update';
  return 'unavailable';
}
