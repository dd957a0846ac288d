/**
 * kcat: the rendered kcat.conf and one-line command against the fixture that
 * ran against the sandbox (tests/fixtures/agents/kcat), the secret placement
 * per mode, and the command read back by a shell parser for any file name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderContext, renderAgent } from '@/lib/agents';
import { readBackKcat } from '@/lib/agents/kcat/read-back';
import { kcatOptionsSchema } from '@/lib/agents/kcat/schema';
import { propertiesRecord } from '@/lib/config-languages/properties';
import { shellWords } from '@/lib/config-languages/shell/words';
import { EXAMPLE_PASSWORD, exampleSettings } from '../../support/settings';

const FIXTURE = path.resolve(__dirname, '../../fixtures/agents/kcat');

function render(secretMode: 'inline' | 'env', options: Record<string, unknown> = {}, target: 'sls' | 'sandbox' = 'sls') {
  const settings = exampleSettings({ secretMode, target, expandJson: true, agents: { kcat: options } });
  const ctx = createRenderContext(settings);
  return { ctx, ...renderAgent('kcat', ctx, settings.agents.kcat) };
}

describe('kcat', () => {
  it('kcat.conf holds the settings of the config that ran against the sandbox', () => {
    for (const mode of ['inline', 'env'] as const) {
      const { files } = render(mode, {}, 'sandbox');
      const conf = propertiesRecord(files[0]!.content, 'librdkafka');
      const fixture = propertiesRecord(readFileSync(path.join(FIXTURE, mode === 'env' ? 'kcat.env.conf' : 'kcat.conf'), 'utf8'), 'librdkafka');
      for (const key of ['security.protocol', 'sasl.mechanisms']) expect(conf[key]).toBe(fixture[key]);
      expect(conf['sasl.username']).toBe('test-project-1');
      expect(conf['ssl.ca.location']).toBe('sls-sandbox-ca.pem');
      expect(conf['sasl.password']).toBe(mode === 'inline' ? EXAMPLE_PASSWORD : undefined);
      expect(Object.keys(fixture).filter((k) => !(k in conf) && k !== 'sasl.password')).toEqual([]);
    }
  });

  it('env mode keeps the secret out of every file, argv and step; the pipe names the variable', () => {
    const { files, steps } = render('env');
    const all = files.map((f) => f.content).join('\n') + JSON.stringify(steps);
    expect(all).not.toContain(EXAMPLE_PASSWORD.split('#')[1]!);
    const command = files[1]!.content.split('\n').find((l) => l.startsWith('kcat '))!;
    expect(command).toBe(
      `kcat -P -F kcat.conf -F <(printf 'sasl.password=%s\\n' "$SLS_KAFKA_PASSWORD") -b test-project-1.cn-hangzhou.log.aliyuncs.com:10012 -t test-logstore-1.json -X sticky.partitioning.linger.ms=0 -l lines.jsonl`,
    );
    expect(readBackKcat(files[1]!, files)).toMatchObject({ password: '$SLS_KAFKA_PASSWORD', topic: 'test-logstore-1.json', tls: true, codec: 'gzip', acks: -1 });
    expect(command).not.toMatch(/ -k /);
  });

  it('no -X sticky override when spreading is off, and a warning instead', () => {
    const { files, steps } = render('inline', { spreadEachRecord: false, compression: 'zstd', acks: 1 });
    expect(files[1]!.content).not.toContain('sticky');
    expect(steps.some((s) => s.kind === 'warning' && /one shard/.test(s.title))).toBe(true);
    expect(readBackKcat(files[1]!, files)).toMatchObject({ codec: 'zstd', acks: 1, password: EXAMPLE_PASSWORD });
  });

  it('any accepted file name stays one argument of -l', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (inputFile) => {
        const parsed = kcatOptionsSchema.safeParse({ inputFile });
        if (!parsed.success) {
          expect(parsed.error.issues[0]!.message).toMatch(/^File to send: /);
          return;
        }
        const ctx = createRenderContext(exampleSettings({ agents: { kcat: parsed.data } }));
        const { files } = renderAgent('kcat', ctx, parsed.data);
        const line = files[1]!.content.split('\n').find((l) => l.startsWith('kcat '))!;
        const words = shellWords(line);
        expect(words.at(-2)).toBe('-l');
        expect(words.at(-1)).toBe(inputFile);
        expect(readBackKcat(files[1]!, files)?.constantKey).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('reads a constant key back (what the producer check flags)', () => {
    const { files } = render('inline');
    const keyed = { ...files[1]!, content: files[1]!.content.replace('kcat -P ', 'kcat -P -k host1 ') };
    expect(readBackKcat(keyed, files)?.constantKey).toBe('host1');
  });
});
