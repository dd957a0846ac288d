/**
 * The lint readers, one per agent (lib/lint/agents/<id>.ts). A new agent
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

export interface LintReader {
  language: ConfigLanguage;
  read(content: string): Reading;
}

export const LINT_READERS: Partial<Record<AgentId, LintReader>> = {
  beats: { language: 'yaml', read: readBeats },
  telegraf: { language: 'toml', read: readTelegraf },
  collectd: { language: 'collectd', read: readCollectd },
  fluentd: { language: 'fluentd', read: readFluentd },
  logstash: { language: 'logstash', read: readLogstash },
};

/** Logstash's JAAS file (jaas_path), linted on its own. */
export const JAAS_READER: LintReader = { language: 'jaas', read: readJaasFile };

export { LintParseError, NotThisKind } from './common';
