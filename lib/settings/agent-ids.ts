/**
 * The agents the wizard knows, as plain data (no zod), so that code in the
 * page's first load can list them without pulling in the schemas.
 */
export const AGENT_IDS = ['beats', 'collectd', 'telegraf', 'fluentd', 'logstash'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export const AGENT_LABELS: Readonly<Record<AgentId, string>> = {
  beats: 'Beats (Filebeat, Metricbeat, …)',
  collectd: 'collectd',
  telegraf: 'Telegraf',
  fluentd: 'Fluentd',
  logstash: 'Logstash',
};

export const AGENT_TITLES: Readonly<Record<AgentId, string>> = {
  beats: 'Beats',
  collectd: 'collectd',
  telegraf: 'Telegraf',
  fluentd: 'Fluentd',
  logstash: 'Logstash',
};
