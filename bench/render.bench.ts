/**
 * Budget: rendering every agent's config (all six Beats, collectd, Telegraf,
 * Fluentd, Logstash with its JAAS file) stays under 1 ms.
 */
import { bench, describe } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { settingsSchema } from '@/lib/settings/schema';

const everyAgent = settingsSchema.parse({
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
  agents: {
    beats: { beats: ['filebeat', 'metricbeat', 'packetbeat', 'winlogbeat', 'auditbeat', 'heartbeat'] },
    collectd: {},
    telegraf: {},
    fluentd: {},
    logstash: {},
  },
});

describe('render', () => {
  bench('every agent, default options (budget: mean < 1 ms)', () => {
    renderSettings(everyAgent);
  });
  bench('settings parse + every agent', () => {
    renderSettings(settingsSchema.parse({ ...everyAgent }));
  });
});
