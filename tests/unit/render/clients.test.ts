/**
 * The producer snippets: the secret never in a snippet (both modes), the
 * env file only in inline mode, each language's settings read back, the Go
 * imports matching what the code uses, and the Java properties names being
 * kafka-clients ProducerConfig / CommonClientConfigs / SaslConfigs / SslConfigs
 * names (docs/agents/clients.md; no JVM here to run them).
 */
import { describe, expect, it } from 'vitest';
import { createRenderContext, renderAgent } from '@/lib/agents';
import { checkProducerSettings } from '@/lib/agents/producer-check';
import { propertiesRecord } from '@/lib/config-languages/properties';
import { shellWords } from '@/lib/config-languages/shell/words';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '../../support/settings';

/** The kafka-clients producer properties the Java file may use (apache/kafka 3.8.0 ProducerConfig and the configs it includes). */
const JAVA_PRODUCER_CONFIGS = new Set([
  'bootstrap.servers',
  'security.protocol',
  'sasl.mechanism',
  'sasl.jaas.config',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'compression.type',
  'acks',
  'enable.idempotence',
  'client.id',
]);

function render(secretMode: 'inline' | 'env', target: 'sls' | 'sandbox' = 'sls', options: Record<string, unknown> = {}) {
  const settings = exampleSettings({ secretMode, target, agents: { clients: options } });
  const ctx = createRenderContext(settings);
  return { ctx, ...renderAgent('clients', ctx, settings.agents.clients) };
}

describe('producer snippets', () => {
  it.each(['inline', 'env'] as const)('%s mode: the secret is never in a snippet; only sls-kafka.env holds it', (mode) => {
    const { files, steps, ctx } = render(mode);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(['producer.properties', 'SlsProducer.java', 'producer.py', 'main.go', 'producer.js', ...(mode === 'inline' ? ['sls-kafka.env'] : [])]);
    for (const f of files.filter((f) => f.path !== 'sls-kafka.env')) {
      expect(f.content, f.path).not.toContain(EXAMPLE_INPUT.accessKeySecret);
      expect(f.content, f.path).toContain('SLS_KAFKA_PASSWORD');
    }
    expect(JSON.stringify(steps)).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    if (mode === 'inline') {
      const env = files.find((f) => f.path === 'sls-kafka.env')!.content;
      const assignment = env.split('\n').map((l) => shellWords(l)).find((w) => typeof w[0] === 'string' && w[0].startsWith('SLS_KAFKA_PASSWORD='));
      expect(assignment).toEqual([`SLS_KAFKA_PASSWORD=${EXAMPLE_PASSWORD}`]);
    }
    const check = checkProducerSettings(ctx, files);
    expect(check.problems).toEqual([]);
    expect(check.settings.map((s) => s.path)).toEqual(['producer.properties', 'producer.py', 'main.go', 'producer.js']);
    for (const s of check.settings) expect(s.password).toEqual(mode === 'inline' ? EXAMPLE_PASSWORD : expect.stringContaining('SLS_KAFKA_PASSWORD'));
  });

  it('only the chosen languages, with compression and acks in each', () => {
    const { files, ctx } = render('env', 'sls', { languages: ['go', 'python'], compression: 'none', acks: 1 });
    expect(files.map((f) => f.path)).toEqual(['main.go', 'producer.py']);
    const check = checkProducerSettings(ctx, files);
    expect(check.problems).toEqual([]);
    for (const s of check.settings) expect([s.codec, s.acks]).toEqual(['none', 1]);
  });

  it('Go imports exactly the packages the code uses (the compiler refuses unused ones)', () => {
    for (const target of ['sls', 'sandbox'] as const) {
      const go = render('env', target).files.find((f) => f.path === 'main.go')!.content;
      const imports = [...go.slice(go.indexOf('import ('), go.indexOf(')', go.indexOf('import ('))).matchAll(/"([\w/.]+)"/g)].map((m) => m[1]!);
      const body = go.slice(go.indexOf(')', go.indexOf('import (')));
      for (const pkg of imports) expect(body, `${target}: ${pkg}`).toContain(`${pkg.split('/').pop()}.`);
      expect(imports.includes('crypto/x509')).toBe(target === 'sandbox');
      expect(go).toContain('cfg.Version = sarama.V2_1_0_0');
    }
  });

  it('Java: every property is a kafka-clients producer config; the JAAS line is built from the environment', () => {
    for (const target of ['sls', 'sandbox'] as const) {
      const { files } = render('env', target);
      const props = propertiesRecord(files[0]!.content, 'java');
      expect(Object.keys(props).filter((k) => !JAVA_PRODUCER_CONFIGS.has(k))).toEqual([]);
      expect(props['enable.idempotence']).toBe('false');
      expect(props['ssl.truststore.type']).toBe(target === 'sandbox' ? 'PEM' : undefined);
      expect(files[1]!.content).toContain('System.getenv("SLS_KAFKA_PASSWORD")');
      expect(files[1]!.content).toContain('PlainLoginModule required username=');
    }
  });

  it('sandbox: every snippet trusts the sandbox CA file; SLS: the system roots', () => {
    const sandbox = render('env', 'sandbox').files;
    for (const path of ['producer.py', 'main.go', 'producer.js', 'producer.properties']) {
      expect(sandbox.find((f) => f.path === path)!.content, path).toContain('sls-sandbox-ca.pem');
    }
    for (const f of render('env').files) expect(f.content, f.path).not.toContain('sls-sandbox-ca.pem');
  });
});
