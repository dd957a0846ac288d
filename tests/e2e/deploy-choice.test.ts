/**
 * The output panel's "Deploy on" choice in Chromium (issue 16): choosing
 * Kubernetes shows the kubectl steps and the zip built in the browser holds
 * the manifests, not the install scripts; a share link brings the choice
 * back; axe-core finds no violations with the choice on screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SettingsInput } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SECRET = 'DeployChoiceSecret0123456789ab';
const VALUES: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tDeployChoiceKeyId1',
  accessKeySecret: SECRET,
  secretMode: 'inline',
  target: 'sls',
  expandJson: false,
  agents: { fluentbit: { mode: 'complete' }, telegraf: {} },
};

async function open(page: Page, hash: string) {
  await page.goto('about:blank');
  await page.goto(`${inject('appUrl')}/${hash}`);
  await expect.poll(() => page.getByTestId('wizard').getAttribute('data-restored')).toBe('true');
  await expect.poll(() => page.getByLabel('Project', { exact: true }).inputValue()).toBe(VALUES.project);
  await page.getByLabel('AccessKey ID', { exact: true }).fill(VALUES.accessKeyId!);
  await page.locator('#accessKeySecret').fill(SECRET);
  await expect.poll(() => page.getByTestId('deploy-picker').count()).toBe(1);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // @ts-expect-error axe is the global the injected script defines
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as Array<{ id: string; nodes: Array<{ target: string[] }> }>).map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function downloadZip(page: Page): Promise<Record<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all files (.zip)' }).click()]);
  return unzipSync(new Uint8Array(readFileSync(await download.path())));
}

describe.skipIf(!chromiumTool.path)('"Deploy on" in Chromium', () => {
  let page: Page;
  const browser = useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));

  it('Kubernetes: the steps show kubectl apply, the zip holds the manifests and no install script, the share link restores it', async () => {
    await open(page, shareHash(VALUES));
    const picker = page.getByTestId('deploy-picker');
    // Host is the default: the install script's step and no kubectl.
    expect(await picker.getByRole('radio', { name: 'Host (install script)' }).isChecked()).toBe(true);
    const steps = page.getByTestId('output-body');
    await expect.poll(() => steps.textContent()).toContain('sudo sh fluentbit/install.sh');
    expect(await steps.textContent()).not.toContain('kubectl apply');

    await picker.getByRole('radio', { name: 'Kubernetes' }).check();
    await expect.poll(() => steps.textContent()).toContain('kubectl apply -k kubernetes/');
    expect(await steps.textContent()).not.toContain('install.sh');
    expect(await axeViolations(page)).toEqual([]);

    const zip = await downloadZip(page);
    const paths = Object.keys(zip);
    expect(paths).toEqual(expect.arrayContaining(['kubernetes/kustomization.yaml', 'kubernetes/fluentbit/daemonset.yaml', 'kubernetes/fluentbit/secret.yaml', 'README.md']));
    expect(paths.filter((p) => /install(-[a-z]+)?\.(sh|ps1)$|compose\.yaml$/.test(p))).toEqual([]);
    // Fluent Bit's config is in its ConfigMap; Telegraf (no DaemonSet) keeps its file.
    expect(paths.some((p) => p.startsWith('fluentbit/'))).toBe(false);
    expect(paths).toContain('telegraf/sls-kafka.conf');
    expect(strFromU8(zip['kubernetes/fluentbit/configmap.yaml']!)).not.toContain(SECRET);
    expect(strFromU8(zip['README.md']!)).toContain('kubectl apply -k kubernetes/');

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toBe('Share link copied.');
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).not.toContain(SECRET);
    const other = await browser.context.newPage();
    try {
      await other.goto(link);
      await expect.poll(() => other.getByTestId('wizard').getAttribute('data-restored')).toBe('true');
      const restored = other.getByTestId('deploy-picker').getByRole('radio', { name: 'Kubernetes' });
      await expect.poll(() => restored.isChecked()).toBe(true);
      await expect.poll(() => other.getByTestId('output-body').textContent()).toContain('kubectl apply -k kubernetes/');
    } finally {
      await other.close();
    }
  });

  it('Docker: the compose steps and files, no install script', async () => {
    // Fluent Bit's compose file is for its docker platform; Telegraf's drop-in has none, so it keeps its host steps.
    await open(page, shareHash({ ...VALUES, agents: { fluentbit: { mode: 'complete', platform: 'docker' }, telegraf: {} } }, { deploy: 'docker' }));
    const picker = page.getByTestId('deploy-picker');
    await expect.poll(() => picker.getByRole('radio', { name: 'Docker' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('output-body').textContent()).toContain('docker compose up -d');
    const zip = await downloadZip(page);
    const paths = Object.keys(zip);
    expect(paths).toContain('fluentbit/compose.yaml');
    expect(paths.filter((p) => /install(-[a-z]+)?\.(sh|ps1)$/.test(p))).toEqual([]);
    expect(strFromU8(zip['fluentbit/compose.yaml']!)).not.toContain(SECRET);
  });
});
