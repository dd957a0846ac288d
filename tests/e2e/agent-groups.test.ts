/**
 * The agent list in Chromium: every agent of the registry appears once,
 * under the heading of its group (log agents, metric agents, code), in both
 * languages' headings; choosing kcat and the producer snippets gives each its
 * agent tab with its files, a working Copy button and the zip download.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AGENT_METAS } from '@/lib/agents/meta';
import type { RenderResult } from '@/lib/agents';
import type { SettingsInput } from '@/lib/settings/schema';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const BASE: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAgentGroupsKeyId01',
  accessKeySecret: 'AgentGroupsSecret0123456789xyz',
  secretMode: 'env',
  target: 'sls',
  expandJson: false,
  agents: { beats: {}, kcat: {}, clients: {} },
};

const HEADINGS = { logs: 'Log agents', metrics: 'Metric agents', code: 'From your code or the command line' } as const;

describe.skipIf(!chromiumTool.path)('agent groups in Chromium', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));


  it('lists every agent once, under its group heading', async () => {
    await page.goto(inject('appUrl'));
    const groups = page.locator('fieldset.agent-group');
    await expect.poll(() => groups.count()).toBe(3);
    expect(await groups.locator('> legend').allTextContents()).toEqual(Object.values(HEADINGS));
    for (const [group, heading] of Object.entries(HEADINGS)) {
      const set = page.getByRole('group', { name: heading, exact: true });
      const labels = (await set.locator('label.agent-choice').allTextContents()).map((t) => t.trim());
      expect(labels, heading).toEqual(AGENT_METAS.filter((m) => m.group === group).map((m) => m.label.en));
    }
    expect(await page.locator('label.agent-choice').count()).toBe(AGENT_METAS.length);
    const code = page.getByRole('group', { name: HEADINGS.code, exact: true });
    expect(await code.getByRole('checkbox', { name: 'kcat (command line)', exact: true }).count()).toBe(1);
    expect(await code.getByRole('checkbox', { name: 'Producer code (Java, Python, Go, Node.js)', exact: true }).count()).toBe(1);
  });

  it('shows the kcat and code tabs with their files, Copy and Download', async () => {
    await page.goto(inject('appUrl'));
    await page.getByLabel('Project', { exact: true }).fill(BASE.project!);
    await page.getByLabel('Logstore', { exact: true }).fill(BASE.logstore!);
    await page.getByLabel('AccessKey ID', { exact: true }).fill(BASE.accessKeyId!);
    await page.locator('#accessKeySecret').fill(BASE.accessKeySecret!);
    await page.locator('input[name="secretMode"][value="env"]').check();
    await page.getByRole('checkbox', { name: 'kcat (command line)', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Producer code (Java, Python, Go, Node.js)', exact: true }).check();

    const response = await fetch(`${inject('appUrl')}/api/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BASE) });
    expect(response.status).toBe(200);
    const expected = (await response.json()) as RenderResult;

    const agents = page.getByRole('tablist', { name: 'Agents' });
    await expect.poll(() => agents.getByRole('tab').allTextContents()).toEqual(['Beats', 'kcat', 'Code']);
    for (const [agent, title] of [['kcat', 'kcat'], ['clients', 'Code']] as const) {
      const tab = agents.getByRole('tab', { name: title, exact: true });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      const files = expected.files.filter((f) => f.agent === agent);
      expect(files.length).toBeGreaterThan(agent === 'kcat' ? 1 : 4);
      const fileTabs = page.getByRole('tablist', { name: `Files for ${title}` }).getByRole('tab');
      expect(await fileTabs.allTextContents()).toEqual(files.map((f) => f.path));
      const last = files[files.length - 1]!;
      await page.getByRole('tablist', { name: `Files for ${title}` }).getByRole('tab', { name: last.path, exact: true }).click();
      const view = page.locator(`[data-testid="file-content"][data-path="${agent}/${last.path}"]`);
      await expect.poll(() => view.textContent()).toBe(last.content);
      const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
      const copy = panel.getByRole('button', { name: `Copy ${last.path}`, exact: true });
      await copy.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(last.content);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all files (.zip)' }).click()]);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    for (const file of expected.files) expect(strFromU8(zip[`${file.agent}/${file.path}`]!), `${file.agent}/${file.path}`).toBe(file.content);
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['kcat/kcat.conf', 'kcat/kcat-send.sh', 'clients/producer.py', 'clients/main.go', 'clients/producer.js', 'clients/SlsProducer.java', 'clients/producer.properties']));
  });
});
