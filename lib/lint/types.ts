/**
 * The linter's public contract (kept stable: POST /api/lint and the
 * `sls-kafka lint` CLI both call `lintConfig` from ./index with these types).
 * A user's agent config in, every SLS problem with its line and fix out, plus
 * what could be read (in the settings schema's shape, without the secret) and
 * the file with the fixable findings fixed.
 */
import type { AgentId } from '../agents/meta';
import type { ConfigLanguage } from '../config-languages';
import type { SettingsInput } from '../settings/schema';

export type { AgentId } from '../agents/meta';

export interface LintInput {
  /** The config file's text (may hold an AccessKey secret: never logged, masked in every output). */
  content: string;
  /** Its file name, a hint for detection (`filebeat.yml`, `telegraf.conf`, `pipeline.conf`). */
  filename?: string;
  /** The agent, when the caller knows it; otherwise detected from the content and file name. */
  agent?: AgentId;
}

export type LintSeverity = 'error' | 'warning' | 'info';

/** Stable rule ids (documented with their sources in docs/lint-rules.md). */
export const LINT_RULE_IDS = [
  'parse-error',
  'output-missing',
  'tls-off',
  'tls-verify-off',
  'constant-key',
  'protocol-version',
  'sasl-missing',
  'sasl-mechanism',
  'username-project',
  'password-shape',
  'secret-inline',
  'bootstrap-missing',
  'host-not-sls',
  'host-region-form',
  'port-network',
  'topic-missing',
  'topic-logstore',
  'topic-json-twice',
  'idempotence',
  'transactions',
  'compression-unsupported',
  'message-size',
  'acks-zero',
  'fluentd-unbuffered',
  'fluentd-kafka-buffered',
  'fluentd-legacy-params',
  'logstash-truststore',
  'logstash-jaas-syntax',
  'logstash-jaas-config-broken',
  'logstash-jaas-path',
  'logstash-stdout',
  'collectd-load-plugin',
  'collectd-key-random',
  'collectd-check',
  'beats-wrong-key',
  'kcat-config-file',
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

export interface LintFinding {
  rule: LintRuleId;
  severity: LintSeverity;
  /** 1-based line the finding is about (the output block's first line when a key is missing). */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** What is wrong, in the user's words (secrets masked). */
  message: string;
  /** What to change. */
  fix: string;
}

/** What the linter could read, in the settings schema's shape; never the AccessKey secret. */
export type LintSettings = Partial<Omit<SettingsInput, 'accessKeySecret' | 'agents'>> & {
  agents?: Partial<Record<AgentId, Record<string, unknown>>>;
};

export interface LintResult {
  agent: AgentId;
  language: ConfigLanguage;
  /** True when the agent was detected (not given by the caller). */
  detected: boolean;
  findings: LintFinding[];
  settings: LintSettings;
  /** The file with every fixable finding fixed (secrets replaced by a reference), when anything changed. */
  fixed?: string;
  /** How `fixed` was made: `edited` (the user's file, changed line by line) or `rendered` (the wizard's file from `settings`). */
  fixedFrom?: 'edited' | 'rendered';
  /** Notes about `fixed` (for example: the literal secret was replaced by an environment reference). */
  notes: string[];
}

/** The content is not a config of any agent the linter knows (or not of the agent asked for): HTTP 422. */
export class LintInputError extends Error {
  constructor(
    message: string,
    /** What the content was recognised as, if anything (`a JSON document`, `a Filebeat config without a Kafka output`). */
    readonly recognised?: string,
  ) {
    super(message);
    this.name = 'LintInputError';
  }
}

/** Largest config the linter reads (the route's body limit is 64 KiB, JSON-escaped). */
export const MAX_LINT_CONTENT_CHARS = 60 * 1024;

export type LintConfig = (input: LintInput) => LintResult;
