/**
 * Properties over the whole renderer registry, for settings drawn at random:
 * every agent renders, every file parses with its language's parser, and a
 * hostile free-text option either gets a field-named error from the schema or
 * leaves the file's structure exactly as a harmless value would.
 */
import fc from 'fast-check';
import { load as loadYaml } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { settingsInputArbitrary } from '../../support/zod-arbitrary';
import { describe, expect, it } from 'vitest';
import { renderSettings, type RenderedFile } from '@/lib/agents';
import { AGENT_IDS } from '@/lib/settings/agents';
import { settingsSchema } from '@/lib/settings/schema';
import { parseCollectdConfig } from '@/lib/config-languages/collectd/parser';
import { parseFluentBitClassic } from '@/lib/config-languages/fluentbit-classic/parser';
import { parseFluentdConfig } from '@/lib/config-languages/fluentd/parser';
import { parseJaasFile } from '@/lib/config-languages/jaas/parser';
import { parseLogstashConfig } from '@/lib/config-languages/logstash/parser';
import { parseRainerScript } from '@/lib/config-languages/rainerscript/parser';
import { parseSyslogNgConfig } from '@/lib/config-languages/syslog-ng/parser';
import { parseProperties } from '@/lib/config-languages/properties';

/** Files with no config grammar of their own: scripts, certificates, and code snippets (read back by their agent). */
const UNPARSED = ['shell', 'pem', 'text', 'python', 'go', 'javascript', 'java'];

/** Parse a rendered file with the real (or grammar-faithful test) parser of its language. */
function parseFile(file: RenderedFile): unknown {
  switch (file.language) {
    case 'yaml':
      return loadYaml(file.content);
    case 'toml':
      return parseToml(file.content);
    case 'collectd':
      return parseCollectdConfig(file.content);
    case 'fluentd': {
      // The only Ruby a rendered file may run: the host name (client_id) and the env-mode password lookup.
      const doc = parseFluentdConfig(file.content, { interpolation: 'marker' });
      for (const code of doc.interpolations) expect(['Socket.gethostname', "ENV['SLS_KAFKA_PASSWORD']"]).toContain(code);
      return doc;
    }
    case 'fluentbit-classic':
      return parseFluentBitClassic(file.content);
    case 'logstash':
      return parseLogstashConfig(file.content);
    case 'jaas':
      return parseJaasFile(file.content);
    case 'rainerscript':
      return parseRainerScript(file.content);
    case 'syslog-ng':
      return parseSyslogNgConfig(file.content);
    case 'properties':
      // kcat -F reads librdkafka's one-line form; the Java client's file is java.util.Properties.
      return parseProperties(file.content, file.agent === 'kcat' ? 'librdkafka' : 'java');
    default:
      throw new Error(`no parser for ${file.language} (${file.agent}/${file.path})`);
  }
}

/** The structure of a parsed tree: containers and keys kept, every leaf reduced to its type. */
function shape(value: unknown): unknown {
  if (value instanceof Map) return shape(Object.fromEntries(value));
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    if (value instanceof Date) return 'date';
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}

const HOSTILE_PIECES = ['"', "'", '\\', '\n', '\r', '#', '${', '#{', '}', '$', '@{', '`', ' ', 'é', '日志', '😀', '\t', ';', ',', '[', ']', '=>', '<', '>', '%{'];
const hostileOnly = fc
  .tuple(
    fc.constantFrom('', '/', '/var/log/', 'C:/logs/', 'http://localhost/', 'logstash-'),
    fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 }),
  )
  .map(([prefix, parts]) => prefix + parts.join(''));
const plainText = fc
  .tuple(fc.constantFrom('/var/log/', '/etc/ssl/', 'C:/logs/', 'http://localhost/', 'client-'), fc.stringMatching(/^[a-z0-9]{1,8}$/))
  .map(([prefix, rest]) => prefix + rest);
/** Mostly plausible values, often hostile ones: both schema branches get exercised. */
const hostileText = fc.oneof({ weight: 1, arbitrary: hostileOnly }, { weight: 2, arbitrary: plainText });

/** The harmless twin of a hostile value: same length and prefix, only plain characters. */
function harmless(value: string): string {
  return value.replace(/[^A-Za-z0-9/._:-]/gu, 'x');
}



const settingsArbitrary = settingsInputArbitrary({ strings: hostileText, minAgents: 1, maxAgents: 2 });

/** Replace every string option of every agent by its harmless twin. */
function harmlessAgents(agents: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? harmless(v) : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return walk(agents) as Record<string, unknown>;
}

describe('every agent, random settings', () => {
  it('renders files that parse, or names the field that is wrong', () => {
    let rendered = 0;
    let rejected = 0;
    fc.assert(
      fc.property(settingsArbitrary, (input) => {
        const parsed = settingsSchema.safeParse(input);
        if (!parsed.success) {
          rejected++;
          for (const issue of parsed.error.issues) {
            expect(issue.path[0]).toBe('agents');
            expect(issue.message).toMatch(/^[A-Z][^:\n]{1,60}: \S/);
          }
          return;
        }
        rendered++;
        const result = renderSettings(parsed.data);
        const chosen = AGENT_IDS.filter((id) => parsed.data.agents[id] !== undefined);
        expect(new Set(result.files.map((f) => f.agent))).toEqual(new Set(chosen));
        for (const file of result.files) {
          if (UNPARSED.includes(file.language)) continue;
          expect(() => parseFile(file), `${file.agent}/${file.path}`).not.toThrow();
        }

        // No injection: the same settings with harmless option values give files of the same structure.
        const twin = settingsSchema.safeParse({ ...input, agents: harmlessAgents(input.agents) });
        if (!twin.success) return;
        const twinFiles = renderSettings(twin.data).files;
        expect(twinFiles.map((f) => f.path)).toEqual(result.files.map((f) => f.path));
        result.files.forEach((file, i) => {
          if (UNPARSED.includes(file.language)) return;
          expect(shape(parseFile(file)), `${file.agent}/${file.path}`).toEqual(shape(parseFile(twinFiles[i]!)));
        });
      }),
      { numRuns: 1500 },
    );
    // Both branches must really be exercised, or the property says nothing.
    expect(rendered).toBeGreaterThan(25);
    expect(rejected).toBeGreaterThan(20);
    // 1500 runs over every agent take ~4 s alone; a loaded 2-core machine needs room.
  }, 60_000);

  it('renders every agent with its defaults and the secret only where asked', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.constantFrom('inline', 'env'), (input, secretMode) => {
        const agents = Object.fromEntries(AGENT_IDS.map((id) => [id, {}]));
        const settings = settingsSchema.parse({ ...input, agents, secretMode });
        const { files, steps } = renderSettings(settings);
        const text = files.map((f) => f.content).join('\n') + JSON.stringify(steps);
        const fullPassword = `${settings.accessKeyId}#${settings.accessKeySecret}`;
        for (const file of files) if (!UNPARSED.includes(file.language)) expect(() => parseFile(file)).not.toThrow();
        if (secretMode === 'inline') {
          expect(text).toContain(fullPassword);
        } else {
          // collectd has no secret store: its file is the one place the secret stays in env mode.
          const outsideCollectd = files.filter((f) => f.agent !== 'collectd').map((f) => f.content).join('\n');
          expect(outsideCollectd).not.toContain(settings.accessKeySecret);
          expect(JSON.stringify(steps)).not.toContain(settings.accessKeySecret);
        }
      }),
      { numRuns: 60 },
    );
  });
});
