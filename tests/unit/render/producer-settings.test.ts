import { describe, expect, it } from 'vitest';
import { createRenderContext, renderSettings } from '@/lib/agents';
import { checkProducerSettings } from '@/lib/agents/producer-check';
import { AGENT_IDS } from '@/lib/settings/agents';
import { exampleSettings } from '../../support/settings';

const everyAgent = Object.fromEntries(AGENT_IDS.map((id) => [id, {}]));

describe('reading rendered configs back', () => {
  it.each([
    ['inline', 'sls', false, 'internet'],
    ['env', 'sls', true, 'intranet'],
    ['inline', 'sandbox', true, 'internet'],
    ['env', 'sandbox', false, 'intranet'],
  ] as const)('finds the settings in every agent’s file (secret %s, target %s, expand JSON %s, %s)', (secretMode, target, expandJson, network) => {
    const settings = exampleSettings({ secretMode, target, expandJson, network, agents: everyAgent });
    const ctx = createRenderContext(settings);
    const { files } = renderSettings(settings);
    const check = checkProducerSettings(ctx, files);
    expect(check.problems).toEqual([]);
    expect(new Set(check.settings.map((s) => s.agent))).toEqual(new Set(AGENT_IDS));
    for (const s of check.settings) {
      expect(s.bootstrap).toBe(ctx.endpoint.bootstrap);
      expect(s.topic).toBe(ctx.topic);
      expect(s.tls).toBe(true);
    }
  });

  it('reads each agent’s codec and acks from its file', () => {
    const settings = exampleSettings({
      agents: {
        beats: { compression: 'lz4', acks: -1 },
        collectd: { compression: 'snappy', acks: 0 },
        telegraf: { compression: 'zstd', acks: 1 },
        fluentd: { compression: 'none', acks: 'leader' },
        logstash: { compression: 'gzip', acks: 'all' },
      },
    });
    const check = checkProducerSettings(createRenderContext(settings), renderSettings(settings).files);
    expect(check.problems).toEqual([]);
    const byAgent = Object.fromEntries(check.settings.map((s) => [s.agent, [s.codec, s.acks]]));
    expect(byAgent).toEqual({
      beats: ['lz4', -1],
      collectd: ['snappy', 0],
      telegraf: ['zstd', 1],
      fluentd: ['none', 1],
      logstash: ['gzip', -1],
    });
  });

  it('reports a template that lost TLS, used a constant key or the wrong topic', () => {
    const settings = exampleSettings({ agents: { collectd: {}, telegraf: {}, fluentd: {} } });
    const ctx = createRenderContext(settings);
    const files = renderSettings(settings).files.map((f) => {
      if (f.agent === 'collectd') return { ...f, content: f.content.replace('"sasl_ssl"', '"sasl_plaintext"') };
      if (f.agent === 'telegraf') return { ...f, content: f.content.replace('topic = "test-logstore-1"', 'topic = "other"\n  routing_key = "content"') };
      if (f.agent === 'fluentd') return { ...f, content: f.content.replace('<match **>', '<match **>\n  default_message_key content') };
      return f;
    });
    const { problems } = checkProducerSettings(ctx, files);
    expect(problems).toEqual(
      expect.arrayContaining([
        'collectd/write_kafka.conf: TLS is not switched on',
        'telegraf/sls-kafka.conf: topic is “other”, expected “test-logstore-1”',
        'telegraf/sls-kafka.conf: a constant message key “content” pins every record to one shard',
        'fluentd/sls-kafka.conf: a constant message key “content” pins every record to one shard',
      ]),
    );
  });

  it('reports a file that does not parse', () => {
    const settings = exampleSettings({ agents: { beats: {} } });
    const files = renderSettings(settings).files.map((f) => ({ ...f, content: `${f.content}\n  : [unclosed` }));
    expect(checkProducerSettings(createRenderContext(settings), files).problems[0]).toMatch(/^beats\/filebeat\.yml does not parse/);
  });
});
