/**
 * The lint readers, one per agent (lib/lint/agents/<id>.ts); the clients'
 * snippets are application code, recognised and answered with a 422. A new agent
 * plugs in with one file exporting a reader (content → Reading, throwing
 * NotThisKind or LintParseError) and one line here plus a marker in
 * ../detect.ts; the SLS rules (../rules.ts) then apply to it unchanged.
 */
import type { AgentId } from '../../agents/meta';
import type { ConfigLanguage } from '../../config-languages';
import type { Reading } from '../model';
import { readBeats } from './beats';
import { readCollectd } from './collectd';
import { readFluentd } from './fluentd';
import { readJaasFile, readLogstash } from './logstash';
import { readTelegraf } from './telegraf';
import { isFluentBitYaml, readFluentbit } from './fluentbit';
import { isKcatScript, readKcat } from './kcat';
import { readOtelcol } from './otelcol';
import { readRsyslog } from './rsyslog';
import { readSyslogNg } from './syslog-ng';
import { isVectorToml, readVector } from './vector';

export interface LintReader {
  language: ConfigLanguage;
  /** For agents with two formats: the one this content is in. */
  languageOf?: (content: string) => ConfigLanguage;
  read(content: string): Reading;
}

export const LINT_READERS: Partial<Record<AgentId, LintReader>> = {
  beats: { language: 'yaml', read: readBeats },
  telegraf: { language: 'toml', read: readTelegraf },
  collectd: { language: 'collectd', read: readCollectd },
  fluentd: { language: 'fluentd', read: readFluentd },
  logstash: { language: 'logstash', read: readLogstash },
  fluentbit: { language: 'fluentbit-classic', languageOf: (c) => (isFluentBitYaml(c) ? 'yaml' : 'fluentbit-classic'), read: readFluentbit },
  vector: { language: 'yaml', languageOf: (c) => (isVectorToml(c) ? 'toml' : 'yaml'), read: readVector },
  otelcol: { language: 'yaml', read: readOtelcol },
  rsyslog: { language: 'rainerscript', read: readRsyslog },
  'syslog-ng': { language: 'syslog-ng', read: readSyslogNg },
  kcat: { language: 'shell', languageOf: (c) => (isKcatScript(c) ? 'shell' : 'properties'), read: readKcat },
};

/** Logstash's JAAS file (jaas_path), linted on its own. */
export const JAAS_READER: LintReader = { language: 'jaas', read: readJaasFile };

export { LintParseError, NotThisKind } from './common';
