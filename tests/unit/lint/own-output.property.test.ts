/**
 * The linter on the wizard's own output: for random valid settings, every
 * agent's rendered producer config (all twelve agents, every format) lints
 * with no error, and the settings read back are the ones rendered. The client
 * snippets are application code: the linter names them in a 422 instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import type { RenderedFile } from '@/lib/agents/types';
import { lintConfig, LintInputError } from '@/lib/lint';
import { settingsSchema, type Settings } from '@/lib/settings/schema';
import { settingsInputArbitrary } from '../../support/zod-arbitrary';

const text = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });

/** Files that are no Kafka output of their agent: Logstash's queue settings, the clients' env file. */
const NOT_AN_OUTPUT = new Set(['logstash-queue.yml', 'sls-kafka.env']);

function checkFile(s: Settings, file: RenderedFile): void {
  if (file.agent === 'clients') {
    if (NOT_AN_OUTPUT.has(file.path)) return;
    expect(() => lintConfig({ content: file.content, filename: file.path }), file.path).toThrow(LintInputError);
    return;
  }
  const r = lintConfig({ content: file.content, filename: file.path, agent: file.agent });
  const where = `${file.agent}/${file.path}`;
  expect(r.findings.filter((f) => f.severity === 'error'), where).toEqual([]);
  expect(r.language, where).toBe(file.language);
  // kcat.conf names no broker and no topic (the command does), only the login.
  if (file.agent === 'kcat' && file.language === 'properties') {
    expect(r.settings.project, where).toBe(s.project);
  } else if (file.agent === 'kcat' && s.hostForm === 'region') {
    // The command's host has no project, and the username is in kcat.conf.
    expect(r.settings, where).toMatchObject({ region: s.region, network: s.network, hostForm: s.hostForm, logstore: s.logstore });
  } else {
    expect(r.settings, where).toMatchObject({ region: s.region, network: s.network, hostForm: s.hostForm, project: s.project, logstore: s.logstore });
  }
  const readsSecret = !(file.agent === 'logstash' && !file.content.includes('sasl_jaas_config')) && !(file.agent === 'kcat' && (file.language === 'shell') === (s.secretMode === 'inline'));
  if (readsSecret) {
    expect(r.settings.secretMode, where).toBe(s.secretMode === 'inline' || file.agent === 'collectd' ? 'inline' : 'env');
  }
  // The secret never comes back.
  expect(JSON.stringify(r), where).not.toContain(s.accessKeySecret);
}

describe('lintConfig on rendered configs', () => {
  it('finds no error and reads the same settings back, for every agent and format', () => {
    fc.assert(
      fc.property(settingsInputArbitrary({ strings: text, minAgents: 1, maxAgents: 5 }), (input) => {
        const parsed = settingsSchema.safeParse({ ...input, target: 'sls' });
        fc.pre(parsed.success);
        const s = parsed.data!;
        for (const file of renderSettings(s).files) {
          if (NOT_AN_OUTPUT.has(file.path) && file.agent !== 'clients') continue;
          if (file.language === 'text' || file.language === 'pem') continue;
          checkFile(s, file);
        }
      }),
      { numRuns: 40 },
    );
    // Rendering and linting up to five agents per run: generous for a loaded 2-core machine.
  }, 180_000);
});
