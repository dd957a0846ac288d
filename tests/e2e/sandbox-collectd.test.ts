/**
 * Sandbox mode end to end in the browser: with Sandbox mode on every agent's
 * tab is there, Copy and Download are enabled, the CA step names an absolute
 * URL on the page's own origin; collectd's write_kafka.conf copied from the
 * page (clipboard) runs in real collectd (Debian collectd-core), and its
 * records show on /sandbox.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SettingsInput } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { chromiumTool, useChromiumPage } from '../support/chromium';
import { collectdMainConfig } from '../support/collectd-main';
import { findCollectdWriteKafka, killLeftovers, newRunId, privateTempDir, startDaemon } from '../support/kafka-clients';
import { EXAMPLE_INPUT } from '../support/settings';

const collectd = findCollectdWriteKafka();
const ALL_AGENTS = { beats: {}, collectd: {}, telegraf: {}, fluentd: {}, logstash: {} };

async function records(project: string, logstore: string): Promise<Array<{ content?: string }>> {
  const url = `${inject('appUrl')}/api/sandbox/records?project=${project}&logstore=${logstore}&limit=50`;
  const response = await fetch(url);
  if (response.status !== 200) return [];
  return ((await response.json()) as { records: Array<{ content?: string }> }).records;
}

describe.skipIf(!chromiumTool.path)('sandbox mode in the browser', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));
  const dirs: string[] = [];
  const origin = () => new URL(inject('appUrl')).origin;

  afterAll(() => {
    killLeftovers();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('switching Sandbox mode on keeps every agent, with an absolute CA URL and Copy/Download enabled', async () => {
    await page.goto('about:blank');
    await page.goto(`${inject('appUrl')}/${shareHash({ ...EXAMPLE_INPUT, accessKeyId: '', accessKeySecret: '', agents: ALL_AGENTS })}`);
    // The share link is restored first (it would overwrite anything typed before).
    await expect.poll(() => page.getByLabel('Logstore', { exact: true }).inputValue()).toBe(EXAMPLE_INPUT.logstore);
    await expect
      .poll(() => page.getByRole('tablist', { name: 'Agents' }).getByRole('tab').allTextContents())
      .toEqual(['Beats', 'collectd', 'Telegraf', 'Fluentd', 'Logstash']);
    await page.getByLabel('AccessKey ID', { exact: true }).fill(EXAMPLE_INPUT.accessKeyId);
    await page.locator('#accessKeySecret').fill(EXAMPLE_INPUT.accessKeySecret);
    await page.getByRole('switch').check();
    const tabs = page.getByRole('tablist', { name: 'Agents' }).getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['Beats', 'collectd', 'Telegraf', 'Fluentd', 'Logstash']);
    expect(await page.getByTestId('output-error').count()).toBe(0);
    expect(await page.getByTestId('output-stale').count()).toBe(0);
    expect(await page.getByTestId('download').isDisabled()).toBe(false);
    for (const name of ['Beats', 'collectd', 'Telegraf', 'Fluentd', 'Logstash']) {
      await tabs.filter({ hasText: new RegExp(`^${name}$`) }).click();
      const panel = page.locator('[role="tabpanel"][id^="output-agent-panel"]:not([hidden])');
      expect(await panel.getByTestId('copy-file').first().isDisabled(), name).toBe(false);
      const text = (await panel.getByTestId('step').allTextContents()).join('\n');
      // The CA download names the wizard itself, absolutely; never a bare path.
      expect(text, name).toContain(`${origin()}/api/sandbox/ca`);
      expect(text, name).not.toMatch(/[\s'"]\/api\/sandbox\/ca/);
    }
  });

  it.skipIf(!collectd.path)('collectd runs the write_kafka.conf copied from the page and its records reach /sandbox', async () => {
    const dir = privateTempDir('e2e-collectd-');
    dirs.push(dir);
    const runId = newRunId('e2e-cd');
    const logstore = `e2e-${runId}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 60);
    const caPath = path.join(dir, 'ca', 'ca-bundle.crt');
    const values: SettingsInput = {
      ...EXAMPLE_INPUT,
      logstore,
      accessKeyId: '',
      accessKeySecret: '',
      target: 'sandbox',
      agents: { collectd: { osFamily: 'custom', caPath } },
    };
    await page.goto('about:blank');
    await page.goto(`${inject('appUrl')}/${shareHash(values)}`);
    await expect.poll(() => page.getByLabel('Logstore', { exact: true }).inputValue()).toBe(logstore);
    await page.getByLabel('AccessKey ID', { exact: true }).fill(EXAMPLE_INPUT.accessKeyId);
    await page.locator('#accessKeySecret').fill(EXAMPLE_INPUT.accessKeySecret);
    const view = page.locator('[data-testid="file-content"][data-path="collectd/write_kafka.conf"]');
    await expect.poll(() => view.textContent()).toContain(EXAMPLE_INPUT.accessKeyId);

    // Copy the file as a user would.
    await page.locator('[role="tabpanel"]:not([hidden])').getByTestId('copy-file').first().click();
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toBe('Copied write_kafka.conf to the clipboard.');
    const config = await page.evaluate(() => navigator.clipboard.readText());
    expect(config).toContain(`${EXAMPLE_INPUT.accessKeyId}#${EXAMPLE_INPUT.accessKeySecret}`);
    const caLocation = /Property "ssl\.ca\.location" "([^"]+)"/.exec(config)?.[1];
    expect(caLocation).toBe(path.join(dir, 'ca', 'sls-sandbox-ca.pem'));

    // The CA step's URL, from the page, fetched like its curl command.
    const steps = (await page.locator('[role="tabpanel"]:not([hidden])').getByTestId('step').allTextContents()).join('\n');
    const caUrl = new RegExp(`${origin().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/sandbox/ca`).exec(steps)?.[0];
    expect(caUrl, steps).toBeDefined();
    const ca = await fetch(caUrl!);
    expect(ca.status).toBe(200);
    mkdirSync(path.dirname(caLocation!), { recursive: true });
    writeFileSync(caLocation!, await ca.text());

    const dropIn = path.join(dir, 'write_kafka.conf');
    writeFileSync(dropIn, config, { mode: 0o600 });
    const mainConfig = path.join(dir, 'collectd.conf');
    writeFileSync(mainConfig, collectdMainConfig({ hostname: runId, dir, interval: 1, plugins: ['LoadPlugin load'], include: dropIn }), {
      mode: 0o600,
    });
    const daemon = startDaemon(collectd.path!, ['-f', '-C', mainConfig], { timeoutMs: 60_000 });
    try {
      await expect
        .poll(async () => (await records(EXAMPLE_INPUT.project, logstore)).some((r) => (r.content ?? '').includes('"plugin":"load"')), {
          timeout: 30_000,
          interval: 500,
        })
        .toBe(true);
    } catch (error) {
      throw new Error(`no collectd records in the sandbox: ${String(error)}\n${daemon.output()}`);
    } finally {
      await daemon.stop(5_000);
    }

    // The inbox page shows them.
    await page.goto(`${inject('appUrl')}/sandbox?project=${EXAMPLE_INPUT.project}&logstore=${logstore}`);
    await expect.poll(() => page.getByTestId('records-list').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('records-list').textContent()).toContain(runId);
  });
});
