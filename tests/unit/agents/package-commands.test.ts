/**
 * Issue 12 point 7: the package, repository and path facts in every agent's
 * steps, pinned to the form each vendor's install page or packaging source
 * shows (each cited under "Package commands" in docs/agents/<id>.md). A test
 * fails when a step command drifts from that confirmed form — a renamed
 * package, an old repository key, a config path or service name of another
 * package generation.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentDefinition, createRenderContext, renderAgent, type AgentId } from '@/lib/agents';
import type { InstallPlan } from '@/lib/agents/types';
import { INFLUXDATA_KEY_FINGERPRINT, INFLUXDATA_KEY_URL, TELEGRAF_INSTALL_COMMANDS } from '@/lib/agents/telegraf/deploy';
import type { SettingsInput } from '@/lib/settings/schema';
import { exampleSettings } from '@/tests/support/settings';

function rendered(id: AgentId, options: Record<string, unknown>, overrides: Partial<SettingsInput> = {}) {
  const settings = exampleSettings({ ...overrides, agents: { [id]: options } });
  const ctx = createRenderContext(settings);
  const agentOptions = settings.agents[id];
  const result = renderAgent(id, ctx, agentOptions);
  const deploy = agentDefinition(id).deploy as { host?: (c: typeof ctx, o: unknown) => InstallPlan | undefined } | undefined;
  return {
    commands: result.steps.flatMap((s) => s.commands ?? []),
    host: deploy?.host?.(ctx, agentOptions),
  };
}

describe('collectd packages (Debian collectd-core; Fedora/EPEL collectd-write_kafka)', () => {
  it('Debian/Ubuntu names write_kafka.so’s libraries, which collectd-core only suggests', () => {
    expect(rendered('collectd', { osFamily: 'debian' }).commands).toEqual(
      expect.arrayContaining(['apt-get update', 'apt-get install -y --no-install-recommends collectd collectd-core librdkafka1 libyajl2 ca-certificates']),
    );
  });
  it('RHEL installs the EPEL subpackage collectd-write_kafka and reads /etc/collectd.d', () => {
    const { commands } = rendered('collectd', { osFamily: 'rhel' });
    expect(commands.filter((c) => c.startsWith('yum '))).toEqual(['yum install -y epel-release', 'yum install -y collectd collectd-write_kafka ca-certificates']);
    expect(commands.join('\n')).toContain('/etc/collectd.d/write_kafka.conf');
  });
});

describe('rsyslog and syslog-ng Kafka modules', () => {
  it('rsyslog: rsyslog-kafka from the distribution on both families (no EPEL)', () => {
    expect(rendered('rsyslog', { osFamily: 'debian' }).commands).toContain('sudo apt-get install -y rsyslog rsyslog-kafka ca-certificates');
    const rhel = rendered('rsyslog', { osFamily: 'rhel' }).commands;
    expect(rhel).toContain('sudo dnf install -y rsyslog rsyslog-kafka ca-certificates');
    expect(rhel.join('\n')).not.toContain('epel');
  });
  it('syslog-ng: syslog-ng-mod-rdkafka on Debian, EPEL syslog-ng-kafka on RHEL', () => {
    expect(rendered('syslog-ng', { osFamily: 'debian' }).commands).toContain('sudo apt-get install -y syslog-ng-core syslog-ng-mod-rdkafka ca-certificates');
    expect(rendered('syslog-ng', { osFamily: 'rhel' }).commands).toEqual(
      expect.arrayContaining(['sudo dnf install -y epel-release', 'sudo dnf install -y syslog-ng syslog-ng-kafka ca-certificates']),
    );
  });
});

describe('vendor install scripts and release URLs', () => {
  it('Fluent Bit: the upstream install.sh (adds packages.fluentbit.io)', () => {
    expect(rendered('fluentbit', {}).commands).toContain('curl -fsSL https://raw.githubusercontent.com/fluent/fluent-bit/master/install.sh | sh');
  });
  it('Vector: setup.vector.dev, then the vector package from APT or YUM', () => {
    const { commands } = rendered('vector', {});
    expect(commands).toContain('bash -c "$(curl -L https://setup.vector.dev)"');
    expect(commands).toContain('sudo apt-get install -y vector   # RHEL family: sudo yum install -y vector');
    expect(commands.join('\n')).not.toContain('repositories.timber.io');
  });
  it('OTel Collector: the contrib .deb from opentelemetry-collector-releases', () => {
    expect(rendered('otelcol', {}).commands).toContain(
      'curl -fLO "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v${V}/otelcol-contrib_${V}_linux_amd64.deb"',
    );
  });
  it('kcat: the Debian/Ubuntu package kcat', () => {
    expect(rendered('kcat', {}).commands).toContain('sudo apt-get install -y kcat');
  });
});

describe('Telegraf: the InfluxData repository after the key rotation', () => {
  it('install.sh names influxdata-archive.key, checks its fingerprint, and writes the current repository line', () => {
    const host = rendered('telegraf', {}).host;
    expect(host?.installCommands).toEqual([...TELEGRAF_INSTALL_COMMANDS]);
    const text = TELEGRAF_INSTALL_COMMANDS.join('\n');
    expect(INFLUXDATA_KEY_URL).toBe('https://repos.influxdata.com/influxdata-archive.key');
    expect(INFLUXDATA_KEY_FINGERPRINT).toBe('24C975CBA61A024EE1B631787C3D57159FC2F927');
    expect(text).toContain(`grep -q '^fpr:\\+24C975CBA61A024EE1B631787C3D57159FC2F927:$'`);
    expect(text).toContain(
      "echo 'deb [signed-by=/etc/apt/trusted.gpg.d/influxdata-archive.gpg] https://repos.influxdata.com/debian stable main' | tee /etc/apt/sources.list.d/influxdata.list",
    );
    expect(text).toContain('baseurl = https://repos.influxdata.com/stable/$basearch/main');
    // The pre-2023 key and the transitional _compat key are not offered.
    expect(text).not.toMatch(/influxdb\.key|influxdata-archive_compat/);
  });
});

describe('Beats: deb/rpm and Windows paths and service names', () => {
  it('Linux: /etc/<beat>/<beat>.yml and the packaged unit (heartbeat-elastic for Heartbeat)', () => {
    const { commands } = rendered('beats', { beats: ['filebeat', 'heartbeat'] });
    expect(commands).toEqual(
      expect.arrayContaining([
        'sudo filebeat test config -c /etc/filebeat/filebeat.yml',
        'sudo systemctl restart filebeat',
        'sudo heartbeat test config -c /etc/heartbeat/heartbeat.yml',
        'sudo systemctl restart heartbeat-elastic',
      ]),
    );
    expect(commands).not.toContain('sudo systemctl restart heartbeat');
  });
  it('Windows: C:\\Program Files\\<Beat> and the service named after the Beat', () => {
    const { commands } = rendered('beats', { beats: ['winlogbeat'] });
    expect(commands).toEqual(expect.arrayContaining(["& 'C:\\Program Files\\Winlogbeat\\winlogbeat.exe' test config -c 'C:\\Program Files\\Winlogbeat\\winlogbeat.yml' --path.data $data", 'Restart-Service winlogbeat']));
    // Winlogbeat has no Linux package.
    expect(commands.join('\n')).not.toContain('systemctl');
  });
});

describe('Logstash: deb/rpm layout', () => {
  it('binaries in /usr/share/logstash/bin, settings in /etc/logstash, log in /var/log/logstash, unit logstash', () => {
    const text = rendered('logstash', {}).commands.join('\n');
    const layout = ['/usr/share/logstash/bin/logstash', '/etc/logstash', 'sudo tail -n 200 -f /var/log/logstash/logstash-plain.log', 'sudo systemctl restart logstash'];
    expect(layout.filter((fragment) => !text.includes(fragment))).toEqual([]);
  });
});

describe('Fluentd: fluent-package v5+ vs td-agent 4', () => {
  it('fluent-package: /usr/sbin/fluent-gem and fluentd, /etc/fluent/fluentd.conf, service fluentd, deb user _fluentd / rpm user fluentd', () => {
    const { commands } = rendered('fluentd', { package: 'fluent-package' });
    const text = commands.join('\n');
    expect(commands).toEqual(
      expect.arrayContaining([
        'sudo fluent-gem list fluent-plugin-kafka ruby-kafka',
        'sudo fluentd --dry-run -c /etc/fluent/fluentd.conf',
        'sudo systemctl restart fluentd',
      ]),
    );
    expect(text).toContain('-g "$(id -gn _fluentd 2>/dev/null || id -gn fluentd)"');
    expect(text).toContain('/opt/fluent/bin/fluent-cat');
    expect(text).not.toMatch(/td-agent/);
  });
  it('td-agent 4: td-agent-gem, /etc/td-agent/td-agent.conf, service td-agent', () => {
    const { commands } = rendered('fluentd', { package: 'td-agent' });
    expect(commands).toEqual(
      expect.arrayContaining([
        'sudo td-agent-gem list fluent-plugin-kafka ruby-kafka',
        'sudo td-agent --dry-run -c /etc/td-agent/td-agent.conf',
        'sudo systemctl restart td-agent',
      ]),
    );
    expect(commands.join('\n')).toContain('/opt/td-agent/bin/fluent-cat');
  });
});

describe('Fluentd: the conf.d include line and Fluentd 1.19 config_include_dir', () => {
  const includeCommand = (pkg: 'fluent-package' | 'td-agent') =>
    rendered('fluentd', { package: pkg }).commands.find((c) => c.includes("echo '@include conf.d/*.conf'"));

  /** Run the rendered command against a copy of the main config, with `sudo` and `fluentd` stubbed. */
  function runInclude(command: string, mainConf: string, fluentdVersion: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'fluentd-include-'));
    try {
      const conf = path.join(dir, 'fluentd.conf');
      writeFileSync(conf, '<source>\n  @type forward\n</source>\n');
      writeFileSync(path.join(dir, 'sudo'), '#!/bin/sh\nexec "$@"\n');
      writeFileSync(path.join(dir, 'fluentd'), `#!/bin/sh\necho '${fluentdVersion}'\n`);
      chmodSync(path.join(dir, 'sudo'), 0o755);
      chmodSync(path.join(dir, 'fluentd'), 0o755);
      const run = () =>
        execFileSync('/bin/sh', ['-c', command.split(mainConf).join(conf)], { env: { ...process.env, PATH: `${dir}:/usr/bin:/bin` }, timeout: 30_000 });
      run();
      run(); // a second run changes nothing
      return readFileSync(conf, 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('fluent-package with Fluentd 1.19+ (v6) loads conf.d itself, so no @include is added (1.19.0–1.19.1 would load the file twice)', () => {
    const command = includeCommand('fluent-package');
    expect(command).toBeDefined();
    expect(runInclude(command!, '/etc/fluent/fluentd.conf', 'fluent-package 6.0.1 fluentd 1.19.1 (3b1ec1e)')).not.toContain('@include');
    expect(runInclude(command!, '/etc/fluent/fluentd.conf', 'fluent-package 6.0.2 fluentd 1.20.0 (x)')).not.toContain('@include');
  });
  it('fluent-package v5 (Fluentd 1.16–1.18) gets exactly one @include conf.d/*.conf', () => {
    const command = includeCommand('fluent-package')!;
    for (const version of ['fluent-package 5.0.7 fluentd 1.16.9 (x)', 'fluent-package 5.2.0 fluentd 1.18.0 (x)']) {
      const conf = runInclude(command, '/etc/fluent/fluentd.conf', version);
      expect(conf.match(/^@include conf\.d\/\*\.conf$/gm)).toHaveLength(1);
    }
  });
  it('td-agent 4 (Fluentd ≤ 1.16) always gets the include line, without a version test', () => {
    const command = includeCommand('td-agent')!;
    expect(command).not.toContain('--version');
    expect(runInclude(command, '/etc/td-agent/td-agent.conf', 'unused').match(/^@include conf\.d\/\*\.conf$/gm)).toHaveLength(1);
  });
});
