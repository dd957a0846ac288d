/**
 * The "Deploy on" choice (lib/deploy/choice.ts): which deploy files each
 * choice carries and how the steps follow it: the install script's step first
 * on host, kubectl for the per-node agents on Kubernetes, compose for the
 * agents with an image on Docker, and a note for an agent the choice cannot
 * deploy (which keeps its host steps).
 */
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { deployPlan } from '@/lib/deploy/choice';
import { stepPlatforms } from '@/lib/agents/step-platforms';
import { exampleSettings } from '../../support/settings';

const SANDBOX = { host: 'localhost', port: 10099, caUrl: 'http://127.0.0.1:3000/api/sandbox/ca' };

function planFor(target: 'host' | 'kubernetes' | 'docker') {
  const settings = exampleSettings({ secretMode: 'env', agents: { fluentbit: { mode: 'complete' }, collectd: {}, rsyslog: {}, beats: { beats: ['filebeat', 'winlogbeat'], mode: 'complete' } } });
  const renderOptions = { sandbox: SANDBOX };
  const result = renderSettings(settings, renderOptions);
  return { result, plan: deployPlan(target, settings, result, renderOptions) };
}

const commands = (steps: readonly { commands?: string[] }[]) => steps.flatMap((s) => s.commands ?? []).join('\n');

describe('deployPlan', () => {
  it('host: install scripts only, each agent’s steps open with its script, no Docker or Kubernetes steps', () => {
    const { plan } = planFor('host');
    expect(plan.files.map((f) => `${f.agent}/${f.path}`).sort()).toEqual([
      'beats/install-filebeat.ps1',
      'beats/install-filebeat.sh',
      'beats/install-winlogbeat.ps1',
      'collectd/install.sh',
      'fluentbit/install.sh',
      'rsyslog/install.sh',
    ]);
    expect(plan.steps.find((s) => s.agent === 'fluentbit')!.commands).toEqual(['sudo sh fluentbit/install.sh --dry-run', 'sudo sh fluentbit/install.sh']);
    expect(plan.steps.some((s) => s.commands?.some((c) => c.includes('install-winlogbeat.ps1')))).toBe(true);
    for (const step of plan.steps) {
      const p = stepPlatforms(step);
      expect(p === 'all' || p.some((one) => one === 'linux' || one === 'windows'), step.title).toBe(true);
    }
  });

  it('kubernetes: kubectl for the per-node agents, whose host steps go; the others keep theirs behind a note', () => {
    const { plan, result } = planFor('kubernetes');
    expect(plan.files).toEqual([]);
    expect([...plan.covered].sort()).toEqual(['beats', 'fluentbit']);
    const fluentbit = plan.steps.filter((s) => s.agent === 'fluentbit');
    expect(commands(fluentbit)).toContain('kubectl apply -k kubernetes/');
    expect(commands(fluentbit)).toContain('rollout status daemonset/sls-kafka-fluentbit');
    expect(commands(fluentbit)).not.toMatch(/\bsudo\b|systemctl/);
    const collectd = plan.steps.filter((s) => s.agent === 'collectd');
    expect(collectd[0]!.title).toBe('No Kubernetes manifests for this agent');
    expect(collectd.slice(1)).toEqual(result.steps.filter((s) => s.agent === 'collectd'));
  });

  it('docker: compose for the agents with an image; collectd and rsyslog say why they have none', () => {
    const { plan } = planFor('docker');
    expect(plan.files.map((f) => `${f.agent}/${f.path}`).sort()).toEqual(['beats/compose.yaml']);
    const beats = plan.steps.filter((s) => s.agent === 'beats');
    expect(commands(beats)).toContain('docker compose up -d');
    expect(commands(beats)).toContain("printf 'SLS_KAFKA_PASSWORD=%s\\n'");
    expect(commands(beats)).not.toContain('systemctl');
    expect(plan.steps.find((s) => s.agent === 'collectd')!.detail).toContain('no official Docker image');
    expect(plan.steps.find((s) => s.agent === 'rsyslog')!.detail).toContain('not confirmed to include omkafka');
    // Fluent Bit set up for systemd has no compose file: a note, then its host steps.
    expect(plan.steps.find((s) => s.agent === 'fluentbit')!.title).toBe('No Docker Compose file for this agent');
  });
});
