/**
 * The linter on the wizard's own output: for random valid settings, every
 * agent's rendered producer config lints with no error, and the settings read
 * back are the ones rendered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { lintConfig } from '@/lib/lint';
import { LINT_READERS } from '@/lib/lint/agents';
import { settingsSchema } from '@/lib/settings/schema';
import { settingsInputArbitrary } from '../../support/zod-arbitrary';

const text = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });

describe('lintConfig on rendered configs', () => {
  it('finds no error and reads the same settings back', () => {
    fc.assert(
      fc.property(settingsInputArbitrary({ strings: text, minAgents: 1, maxAgents: 5 }), (input) => {
        const parsed = settingsSchema.safeParse({ ...input, target: 'sls' });
        fc.pre(parsed.success);
        const s = parsed.data!;
        for (const file of renderSettings(s).files) {
          // The agents the linter reads (the others are named in a 422 until they get a reader).
          if (LINT_READERS[file.agent] === undefined) continue;
          if (!['yaml', 'toml', 'collectd', 'fluentd', 'logstash'].includes(file.language)) continue;
          const r = lintConfig({ content: file.content, filename: file.path, agent: file.agent });
          expect(r.findings.filter((f) => f.severity === 'error'), `${file.agent}/${file.path}`).toEqual([]);
          expect(r.settings).toMatchObject({ region: s.region, network: s.network, hostForm: s.hostForm, project: s.project, logstore: s.logstore });
          if (file.agent !== 'logstash' || file.content.includes('sasl_jaas_config')) {
            expect(r.settings.secretMode).toBe(s.secretMode === 'inline' || file.agent === 'collectd' ? 'inline' : 'env');
          }
          // The secret never comes back.
          expect(JSON.stringify(r)).not.toContain(s.accessKeySecret);
        }
      }),
      { numRuns: 30 },
    );
    // Rendering and linting up to five agents per run: generous for a loaded 2-core machine.
  }, 120_000);
});
