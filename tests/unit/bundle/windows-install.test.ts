/**
 * The Beats' install-<beat>.ps1 (issue 16), checked as text: there is no
 * PowerShell on the build machine, so the scripts are never executed here.
 * Each script places every file the Linux install-<beat>.sh places (the same
 * bundle files), reads the password only from a secure prompt in env mode and
 * never holds it, quotes every path and value as a PowerShell single-quoted
 * string (a `'` doubled), and leaves no string open at a line end.
 */
import { describe, expect, it } from 'vitest';
import { agentDefinition, renderSettings } from '@/lib/agents';
import { createRenderContext } from '@/lib/agents/context';
import type { AgentDeploy, InstallPlan, WindowsInstallPlan } from '@/lib/agents/types';
import { bundleEntries } from '@/lib/bundle';
import { renderWindowsInstallScript } from '@/lib/deploy/windows';
import { EXAMPLE_INPUT, exampleSettings } from '../../support/settings';

const SANDBOX = { host: 'localhost', port: 10099, caUrl: 'http://127.0.0.1:3000/api/sandbox/ca' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const BEATS = ['filebeat', 'metricbeat', 'winlogbeat'] as const;

function bundle(secretMode: 'env' | 'inline', target: 'sls' | 'sandbox') {
  const settings = exampleSettings({ secretMode, target, agents: { beats: { beats: [...BEATS], mode: 'complete' } } });
  const renderOptions = { sandbox: SANDBOX };
  const result = renderSettings(settings, renderOptions);
  const entries = bundleEntries({ result, settings, sandboxCaPem: PEM, renderOptions });
  const ctx = createRenderContext(settings, renderOptions);
  const deploy = agentDefinition('beats').deploy as AgentDeploy<unknown>;
  const host = deploy.host?.(ctx, settings.agents.beats, []);
  return {
    entries,
    linux: (Array.isArray(host) ? host : []) as InstallPlan[],
    windows: deploy.windows?.(ctx, settings.agents.beats, []) ?? [],
  };
}

/**
 * The single-quoted strings of one PowerShell line (`''` is a quote inside),
 * or an error when a string is still open at the line end. Double-quoted
 * strings are skipped; comments end the scan.
 */
function singleQuoted(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '#') break;
    if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error(`open double-quoted string: ${line}`);
      i = end + 1;
      continue;
    }
    if (c !== "'") {
      i++;
      continue;
    }
    let value = '';
    let j = i + 1;
    for (;;) {
      if (j >= line.length) throw new Error(`open single-quoted string: ${line}`);
      if (line[j] === "'") {
        if (line[j + 1] === "'") {
          value += "'";
          j += 2;
          continue;
        }
        break;
      }
      value += line[j];
      j++;
    }
    out.push(value);
    i = j + 1;
  }
  return out;
}

describe('install-<beat>.ps1', () => {
  for (const secretMode of ['env', 'inline'] as const) {
    for (const target of ['sls', 'sandbox'] as const) {
      const { entries, linux, windows } = bundle(secretMode, target);
      const scripts = entries.filter((e) => e.path.endsWith('.ps1'));

      it(`${secretMode}, ${target}: one script per Beat with a Windows service, each placing every file of its Linux script`, () => {
        expect(scripts.map((s) => s.path).sort()).toEqual(['beats/install-filebeat.ps1', 'beats/install-metricbeat.ps1', 'beats/install-winlogbeat.ps1']);
        for (const plan of windows) {
          const script = scripts.find((s) => s.path === `beats/${plan.scriptName}`)!.content;
          const placed = script
            .split('\r\n')
            .filter((l) => l.startsWith('Place '))
            .map((l) => singleQuoted(l)[0]);
          expect(placed.sort()).toEqual(plan.files.map((f) => f.source).sort());
          // Every placed source is a file of the bundle (relative to beats/).
          for (const source of placed) {
            const path = source!.startsWith('../') ? source!.slice(3) : `beats/${source}`;
            expect(entries.some((e) => e.path === path), path).toBe(true);
          }
          const twin = linux.find((p) => p.scriptName === plan.scriptName.replace(/^install-|\.ps1$/g, ''));
          if (twin) expect(placed.sort()).toEqual(twin.files.map((f) => f.source).sort());
          expect(script).toContain(`Restart-Service -Name '${plan.service}'`);
          expect(script).toContain("@('test', 'config', '-c', (Join-Path $InstallDir ");
          expect(script).toMatch(/^#Requires -RunAsAdministrator\r\n/);
          expect(script.replaceAll('\r\n', '')).not.toContain('\n');
        }
        // Winlogbeat has no Linux package, so no install-winlogbeat.sh.
        expect(entries.some((e) => e.path === 'beats/install-winlogbeat.sh')).toBe(false);
      });

      it(`${secretMode}, ${target}: the secret is never in a script; env mode reads it from a secure prompt into the keystore`, () => {
        for (const script of scripts) {
          expect(script.content).not.toContain(EXAMPLE_INPUT.accessKeySecret);
          expect(script.content).not.toContain(EXAMPLE_INPUT.accessKeyId);
          if (secretMode === 'env') {
            expect(script.content).toContain("Read-Host -AsSecureString 'AccessKeyId#AccessKeySecret'");
            expect(script.content).toContain("@('keystore', 'add', 'SLS_KAFKA_PASSWORD', '--stdin', '--force')");
            // The value goes to the process's standard input, never into an argument list.
            expect(script.content).toContain('$process.StandardInput.Write($Text)');
          } else {
            expect(script.content).not.toMatch(/keystore', '(add|create)'|keystore (add|create)/);
            expect(script.content).not.toContain('Read-Host');
          }
        }
      });

      it(`${secretMode}, ${target}: every line's strings are closed`, () => {
        for (const script of scripts) for (const line of script.content.split('\r\n')) expect(() => singleQuoted(line), line).not.toThrow();
      });
    }
  }

  it('quotes paths with quotes and spaces as PowerShell single-quoted strings', () => {
    const plan: WindowsInstallPlan = {
      scriptName: 'install-filebeat.ps1',
      title: 'Filebeat',
      dir: "C:\\Program Files\\O'Brien’s Beat",
      exe: 'filebeat.exe',
      service: 'filebeat',
      files: [{ source: "it's $(here).yml", dest: 'filebeat.yml', hostName: true }],
      keystore: { key: 'SLS_KAFKA_PASSWORD' },
      config: 'filebeat.yml',
      installHint: "Run .\\install-service-filebeat.ps1 (it's in the zip).",
    };
    const script = renderWindowsInstallScript(plan);
    expect(script).toContain("[string]$InstallDir = 'C:\\Program Files\\O''Brien’’s Beat'");
    expect(script).toContain("Place 'it''s $(here).yml' 'filebeat.yml' $true");
    for (const line of script.split('\r\n')) expect(() => singleQuoted(line), line).not.toThrow();
    const strings = script.split('\r\n').flatMap(singleQuoted);
    expect(strings).toContain("C:\\Program Files\\O'Brien’s Beat".replace('’', '’’'));
    expect(strings).toContain("it's $(here).yml");
  });

  it('refuses a keystore key that is not a name', () => {
    const bad = { scriptName: 'x.ps1', title: 'X', dir: 'C:\\X', exe: 'x.exe', service: 'x', files: [], keystore: { key: "A'; rm" }, config: 'x.yml', installHint: '' };
    expect(() => renderWindowsInstallScript(bad)).toThrow(/not a keystore key name/);
  });
});
