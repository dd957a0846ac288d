import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGENT_IDS } from '@/lib/agents/meta';
import { beatsOptionsSchema } from '@/lib/agents/beats/schema';
import { collectdOptionsSchema } from '@/lib/agents/collectd/schema';
import { logstashOptionsSchema } from '@/lib/agents/logstash/schema';
import { agentOptionFields, isOptionRelevant } from '@/components/form/agent-forms';
import { agentSchemaEntry, hasAllAgentOptions, withAgentDefaults } from '@/lib/agents/schemas';
import {
  choiceControl,
  describeOptionsSchema,
  errorEntries,
  errorNodeAt,
  fieldDomId,
  isFixedChoice,
  linesToList,
  listToLines,
  type OptionField,
} from '@/components/form/option-fields';

/** The defaults the option fields describe, as one options object. */
const fieldDefaults = (fields: readonly OptionField[]) => Object.fromEntries(fields.map((f) => [f.name, f.defaultValue]));

const byName = (fields: OptionField[], name: string): OptionField => {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
};

describe('describeOptionsSchema (schema → form fields)', () => {
  it('maps each Beats option to the control its schema type calls for, keeping numbers as numbers', () => {
    const fields = agentOptionFields('beats');
    expect(fields.map((f) => f.name)).toEqual(Object.keys(beatsOptionsSchema.shape));
    expect(byName(fields, 'beats')).toMatchObject({ kind: 'multi', options: ['filebeat', 'metricbeat', 'packetbeat', 'winlogbeat', 'auditbeat', 'heartbeat'] });
    // zod reorders enum values that look like numbers; the form shows the versions in their real order.
    expect(byName(fields, 'version')).toMatchObject({ kind: 'choice', options: ['7.17', '8', '9'], defaultValue: '8' });
    expect(byName(fields, 'mode')).toMatchObject({ kind: 'choice', options: ['output', 'complete'] });
    expect(byName(fields, 'acks')).toMatchObject({ kind: 'choice', options: [1, -1, 0], defaultValue: 1 });
    expect(byName(fields, 'maxMessageBytes')).toMatchObject({ kind: 'number', min: 1, max: 1_048_576, integer: true, defaultValue: 1_000_000 });
    expect(byName(fields, 'paths')).toMatchObject({ kind: 'lines', defaultValue: ['/var/log/*.log'] });
    expect(byName(fields, 'heartbeatUrls')).toMatchObject({ kind: 'lines' });
  });

  it('describes booleans, free text, single-value literals and long choice lists', () => {
    const collectd = agentOptionFields('collectd');
    expect(byName(collectd, 'storeRates')).toMatchObject({ kind: 'boolean', defaultValue: true });
    expect(byName(collectd, 'caPath')).toMatchObject({ kind: 'text', defaultValue: '' });
    expect(byName(collectd, 'acks')).toMatchObject({ kind: 'choice', options: [1, -1, 0] });
    expect(isFixedChoice(byName(collectd, 'format'))).toBe(true);
    const logstash = agentOptionFields('logstash');
    const version = byName(logstash, 'version');
    expect(version).toMatchObject({ kind: 'choice', options: ['6', '7.0-7.9', '7.10-7.16', '7.17', '8.0-8.2', '8.3-8.19', '9'] });
    expect(version.kind === 'choice' && choiceControl(version)).toBe('select');
    const input = byName(logstash, 'input');
    expect(input.kind === 'choice' && choiceControl(input)).toBe('radio');
    expect(byName(logstash, 'beatsPort')).toMatchObject({ kind: 'number', min: 1, max: 65535, integer: true, defaultValue: 5044 });
  });

  it('gives every agent a complete description whose defaults are the schema’s own', () => {
    for (const id of AGENT_IDS) {
      const fields = agentOptionFields(id);
      expect(fields.length).toBeGreaterThan(0);
      const defaults = fieldDefaults(fields);
      const entry = agentSchemaEntry(id);
      expect(defaults).toEqual(entry.schema.parse({}));
      expect(entry.schema.safeParse(defaults).success).toBe(true);
      for (const rule of Object.keys(entry.form.relevant)) expect(fields.map((f) => f.name)).toContain(rule);
    }
  });

  it('refuses a display order that does not list the schema’s values, and schema types it has no control for', () => {
    const schema = z.strictObject({ level: z.enum(['a', 'b']).default('a') });
    expect(() => describeOptionsSchema(schema, { level: ['a', 'c'] })).toThrow(/level/);
    expect(() => describeOptionsSchema(z.strictObject({ when: z.date() }))).toThrow(/“when”/);
  });
});

describe('defaults and relevance', () => {
  it('fills only the missing options and keeps what the user chose', () => {
    const filled = withAgentDefaults('beats', { compression: 'lz4', paths: ['/srv/*.log'] });
    expect(filled).toEqual({ ...beatsOptionsSchema.parse({}), compression: 'lz4', paths: ['/srv/*.log'] });
    expect(hasAllAgentOptions('beats', { compression: 'lz4' })).toBe(false);
    expect(hasAllAgentOptions('beats', filled)).toBe(true);
    expect(hasAllAgentOptions('beats', undefined)).toBe(false);
    // A copy, not the schema's default array.
    const again = withAgentDefaults('beats', {});
    (again.paths as string[]).push('/x');
    expect(withAgentDefaults('beats', {}).paths).toEqual(['/var/log/*.log']);
  });

  it('fills an agent’s defaults for the first load the same way as the option fields do', () => {
    for (const id of AGENT_IDS) {
      const fields = agentOptionFields(id);
      expect(withAgentDefaults(id, undefined)).toEqual(fieldDefaults(fields));
      expect(withAgentDefaults(id, {})).toEqual(agentSchemaEntry(id).schema.parse({}));
      expect(hasAllAgentOptions(id, {})).toBe(false);
      expect(hasAllAgentOptions(id, withAgentDefaults(id, {}))).toBe(true);
    }
    const shared = withAgentDefaults('logstash', { input: 'beats', beatsPort: 6000 });
    expect(shared).toMatchObject({ input: 'beats', beatsPort: 6000, version: '8.3-8.19', truststore: 'auto' });
    // Copies: changing one agent's filled list does not change the next.
    (withAgentDefaults('beats', {}).paths as string[]).push('/x');
    expect(withAgentDefaults('beats', {}).paths).toEqual(['/var/log/*.log']);
  });

  it('shows Filebeat paths and Heartbeat URLs only for a complete config with that Beat, and Logstash fields by choice', () => {
    const beats = withAgentDefaults('beats', {});
    expect(isOptionRelevant('beats', 'paths', beats)).toBe(false);
    expect(isOptionRelevant('beats', 'paths', { ...beats, mode: 'complete' })).toBe(true);
    expect(isOptionRelevant('beats', 'heartbeatUrls', { ...beats, mode: 'complete' })).toBe(false);
    expect(isOptionRelevant('beats', 'heartbeatUrls', { ...beats, mode: 'complete', beats: ['heartbeat'] })).toBe(true);
    expect(isOptionRelevant('beats', 'compression', beats)).toBe(true);
    const logstash = logstashOptionsSchema.parse({});
    expect(isOptionRelevant('logstash', 'beatsPort', logstash)).toBe(false);
    expect(isOptionRelevant('logstash', 'beatsPort', { ...logstash, input: 'beats' })).toBe(true);
    expect(isOptionRelevant('telegraf', 'caPath', { osFamily: 'custom' })).toBe(true);
    expect(isOptionRelevant('telegraf', 'caPath', { osFamily: 'debian' })).toBe(false);
    expect(isOptionRelevant('collectd', 'caPath', collectdOptionsSchema.parse({}))).toBe(true);
  });
});

describe('lines, ids and error lookup', () => {
  it('turns a textarea into entries, one per line, dropping blank lines but keeping spaces for the schema to flag', () => {
    expect(linesToList('/a.log\r\n\n/b.log\n')).toEqual(['/a.log', '/b.log']);
    expect(linesToList(' /c.log')).toEqual([' /c.log']);
    expect(linesToList('')).toEqual([]);
    expect(listToLines(['/a', '/b'])).toBe('/a\n/b');
    expect(linesToList(listToLines(['/a', '/b']))).toEqual(['/a', '/b']);
  });

  it('makes DOM ids from settings paths', () => {
    expect(fieldDomId('agents.beats.compression')).toBe('agents-beats-compression');
    expect(fieldDomId('project')).toBe('project');
  });

  it('collects messages of a react-hook-form errors subtree, with item indexes, without walking DOM refs', () => {
    const ref: Record<string, unknown> = { name: 'input' };
    ref.self = ref;
    const errors = {
      agents: {
        beats: {
          compression: { type: 'custom', message: 'Compression: Beats 8 has no zstd; …', ref },
          paths: [undefined, { type: 'custom', message: 'Log paths: use an absolute path such as /var/log/*.log or C:\\logs\\*.log.', ref }],
        },
      },
    };
    const beats = errorNodeAt(errors, 'agents.beats');
    expect(errorEntries(errorNodeAt(beats, 'compression'))).toEqual([{ path: [], message: 'Compression: Beats 8 has no zstd; …' }]);
    expect(errorEntries(errorNodeAt(beats, 'paths'))).toEqual([
      { path: ['1'], message: 'Log paths: use an absolute path such as /var/log/*.log or C:\\logs\\*.log.' },
    ]);
    expect(errorEntries(beats, new Set(['compression']))).toHaveLength(1);
    expect(errorEntries(beats, new Set(['compression', 'paths']))).toEqual([]);
    expect(errorNodeAt(errors, 'agents.telegraf.caPath')).toBeUndefined();
    expect(errorEntries(undefined)).toEqual([]);
  });
});
