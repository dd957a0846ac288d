/**
 * The download bundle: every rendered file in its agent's folder with the exact
 * rendered content, README.md with every step and command, settings.json
 * without credentials, the sandbox CA only in sandbox mode, and a zip that
 * unpacks to exactly these entries.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleEntries, bundleFileName, settingsJsonWithoutCredentials } from '@/lib/bundle';
import { bundleReadme } from '@/lib/bundle/readme';
import { zipBundle } from '@/lib/bundle/zip';
import { deployPlan, type DeployTarget } from '@/lib/deploy/choice';
import { renderSettings } from '@/lib/agents';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, exampleSettings } from '../../support/settings';

const ALL_AGENTS: SettingsInput['agents'] = {
  beats: { beats: ['filebeat', 'metricbeat'] },
  collectd: {},
  telegraf: {},
  fluentd: {},
  logstash: { jaasMode: 'file' },
};
const SANDBOX = { host: 'localhost', port: 10099, caUrl: 'http://127.0.0.1:3000/api/sandbox/ca' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

function entriesFor(overrides: Parameters<typeof exampleSettings>[0], extra: { sandboxCaPem?: string; shareUrl?: string; deploy?: DeployTarget } = {}) {
  const settings = exampleSettings(overrides);
  const result = renderSettings(settings, { sandbox: SANDBOX });
  return { settings, result, entries: bundleEntries({ result, settings, ...extra }) };
}

describe('bundleEntries', () => {
  it('puts every rendered file in a folder per agent, with the rendered content unchanged', () => {
    const { result, entries } = entriesFor({ agents: ALL_AGENTS });
    const byPath = new Map(entries.map((e) => [e.path, e.content]));
    for (const path of ['beats/filebeat.yml', 'beats/metricbeat.yml', 'collectd/write_kafka.conf', 'telegraf/sls-kafka.conf', 'fluentd/sls-kafka.conf', 'logstash/sls-kafka.conf', 'logstash/kafka_client_jaas.conf']) {
      expect(byPath.has(path), path).toBe(true);
    }
    for (const file of result.files) expect(byPath.get(`${file.agent}/${file.path}`)).toBe(file.content);
    expect(entries.map((e) => e.path).sort()).toEqual(
      // The install.sh of the agents here with a deploy hook for these options (issue 16).
      [...result.files.map((f) => `${f.agent}/${f.path}`), 'collectd/install.sh', 'telegraf/install.sh', 'fluentd/install.sh', 'logstash/install.sh', 'README.md', 'settings.json'].sort(),
    );
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });

  it('writes settings.json without the AccessKey ID or secret, and it restores the settings', () => {
    const { settings, entries } = entriesFor({ agents: ALL_AGENTS, secretMode: 'inline' });
    const json = entries.find((e) => e.path === 'settings.json')!.content;
    expect(json).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(json).not.toContain(EXAMPLE_INPUT.accessKeyId);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed).not.toHaveProperty('accessKeyId');
    expect(parsed).not.toHaveProperty('accessKeySecret');
    // Adding the two credentials back gives exactly the settings the files were rendered from.
    expect(settingsSchema.parse({ ...parsed, accessKeyId: EXAMPLE_INPUT.accessKeyId, accessKeySecret: EXAMPLE_INPUT.accessKeySecret })).toEqual(settings);
    expect(settingsJsonWithoutCredentials(settings)).toBe(json);
  });

  it('writes a README with every agent’s steps in order and every command verbatim', () => {
    const { settings, result, entries } = entriesFor({ agents: ALL_AGENTS, target: 'sandbox' }, { sandboxCaPem: PEM, shareUrl: 'http://127.0.0.1:3000/#s=eyJ2IjoxfQ' });
    const readme = entries.find((e) => e.path === 'README.md')!.content;
    expect(readme).toMatch(/^# SLS Kafka configuration for `test-project-1` \/ `test-logstore-1`\n/);
    for (const heading of ['## Beats (Filebeat, Metricbeat, …)', '## collectd', '## Telegraf', '## Fluentd', '## Logstash']) {
      expect(readme).toContain(`\n${heading}\n`);
    }
    let position = 0;
    // Deploy on host (the default): the install-script steps first, the Docker- and Kubernetes-only steps left out.
    const steps = deployPlan('host', settings, result, { sandbox: SANDBOX }).steps;
    expect(steps.some((s) => s.title.includes('in Docker'))).toBe(false);
    expect(readme).not.toContain('in Docker');
    for (const step of steps) {
      const title = step.title.replace(/[<*]/g, (c) => `\\${c}`);
      const at = readme.indexOf(title, position);
      expect(at, step.title).toBeGreaterThan(-1);
      position = at;
      for (const command of step.commands ?? []) {
        expect(readme, command).toMatch(new RegExp(`\n(\`{3,})sh\n${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n\\1\n`));
      }
    }
    expect(readme).toMatch(/### \d+\. Warning: /);
    expect(readme).toContain('**sandbox**');
    expect(readme).toContain('<http://127.0.0.1:3000/#s=eyJ2IjoxfQ>');
    expect(readme).toContain('`sls-sandbox-ca.pem`');
    expect(readme).toContain('`settings.json`');
  });

  it('warns in the README when files hold the secret, and not when none does', () => {
    const inline = entriesFor({ agents: { beats: {} }, secretMode: 'inline' }).entries.find((e) => e.path === 'README.md')!.content;
    expect(inline).toContain('contain your AccessKey secret');
    expect(inline).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    const env = entriesFor({ agents: { beats: {}, telegraf: {} }, secretMode: 'env' });
    expect(env.entries.some((e) => e.content.includes(EXAMPLE_INPUT.accessKeySecret))).toBe(false);
    expect(env.entries.find((e) => e.path === 'README.md')!.content).not.toContain('contain your AccessKey secret');
  });

  it('adds the sandbox CA only for target sandbox, and only when it was fetched', () => {
    const sandbox = entriesFor({ target: 'sandbox' }, { sandboxCaPem: PEM }).entries;
    expect(sandbox.find((e) => e.path === 'sls-sandbox-ca.pem')?.content).toBe(PEM);
    expect(entriesFor({ target: 'sandbox' }).entries.some((e) => e.path === 'sls-sandbox-ca.pem')).toBe(false);
    expect(entriesFor({ target: 'sls' }, { sandboxCaPem: PEM }).entries.some((e) => e.path === 'sls-sandbox-ca.pem')).toBe(false);
  });

  it('names the zip after the project and Logstore', () => {
    expect(bundleFileName(exampleSettings())).toBe('sls-kafka-test-project-1-test-logstore-1.zip');
  });
});

describe('bundleReadme', () => {
  it('fences commands so that backticks inside cannot end the block, and escapes HTML-looking prose', () => {
    const settings = exampleSettings();
    const readme = bundleReadme({
      settings,
      files: [],
      holdsSecret: false,
      result: {
        files: [],
        steps: [
          { agent: 'fluentd', title: 'The first <match> wins', detail: 'Events in *.log and *.conf', commands: ['echo ```x``` `y`', 'cat <<EOF\n  indented\nEOF'] },
        ],
      },
    });
    expect(readme).toContain('### 1. The first \\<match> wins');
    expect(readme).toContain('Events in \\*.log and \\*.conf');
    expect(readme).toContain('\n````sh\necho ```x``` `y`\n````\n');
    expect(readme).toContain('\n```sh\ncat <<EOF\n  indented\nEOF\n```\n');
  });
});

describe('deploy files (issue 16)', () => {
  it('adds install.sh and compose.yaml where the agent has them, lists them in the README, and never holds the secret', () => {
    for (const secretMode of ['inline', 'env'] as const) {
      const agents = { collectd: {}, rsyslog: {}, fluentbit: { platform: 'docker' }, kcat: {} } as const;
      const { entries: hostEntries } = entriesFor({ agents, secretMode, target: 'sandbox' });
      // Deploy on host: the install scripts, no compose file.
      expect(hostEntries.map((e) => e.path)).toEqual(expect.arrayContaining(['collectd/install.sh', 'rsyslog/install.sh']));
      expect(hostEntries.some((e) => e.path.endsWith('compose.yaml'))).toBe(false);
      const { entries } = entriesFor({ agents, secretMode, target: 'sandbox' }, { deploy: 'docker' });
      const paths = entries.map((e) => e.path);
      // Deploy on Docker: the compose files, no install script; collectd and rsyslog (no image) keep their configs.
      expect(paths).toContain('fluentbit/compose.yaml');
      expect(paths.some((p) => p.endsWith('install.sh'))).toBe(false);
      expect(paths).toEqual(expect.arrayContaining(['collectd/write_kafka.conf']));
      // kcat has no deploy hook; Fluent Bit on docker gets no install.sh.
      expect(paths.filter((p) => p.startsWith('kcat/') && /install|compose/.test(p))).toEqual([]);
      expect(paths).not.toContain('fluentbit/install.sh');
      const readme = entries.find((e) => e.path === 'README.md')!.content;
      for (const p of ['fluentbit/compose.yaml']) {
        expect(readme, p).toContain(p);
        expect(entries.find((e) => e.path === p)!.content, p).not.toContain(EXAMPLE_INPUT.accessKeySecret);
      }
      const compose = entries.find((e) => e.path === 'fluentbit/compose.yaml')!.content;
      expect(compose).toContain('cr.fluentbit.io/fluent/fluent-bit:4.2.8');
      expect(compose).toContain('../sls-sandbox-ca.pem:');
      expect(compose.includes('env_file'), secretMode).toBe(secretMode === 'env');
    }
  });
});

describe('zipBundle', () => {
  it('unpacks to exactly the entries, byte for byte (UTF-8 included)', async () => {
    const { entries } = entriesFor({ agents: ALL_AGENTS, target: 'sandbox' }, { sandboxCaPem: PEM });
    const withUnicode = [...entries, { path: 'beats/notes-日志.txt', content: '日志库 → SLS ✓\n' }];
    const unzipped = unzipSync(await zipBundle(withUnicode));
    expect(Object.keys(unzipped).sort()).toEqual(withUnicode.map((e) => e.path).sort());
    for (const entry of withUnicode) expect(strFromU8(unzipped[entry.path]!)).toBe(entry.content);
  });
});
