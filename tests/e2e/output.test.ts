/**
 * The output panel in Chromium: every agent's files appear and follow the
 * options, the secret is masked on screen but copied for real, the zip built
 * in the browser holds exactly what POST /api/render returns, a share link
 * restores the form without credentials, and the tabs work by keyboard.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RenderResult } from '@/lib/agents';
import { settingsSchema, type SettingsInput } from '@/lib/settings/schema';
import { deployPlan } from '@/lib/deploy/choice';
import { shareHash } from '@/lib/share/url-state';
import { chooseRegion } from '../support/region';
import { effectivePlatform, visibleSteps } from '@/components/output/step-filter';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const PROJECT = 'test-project-1';
const LOGSTORE = 'test-logstore-1';
const KEY_ID = 'LTAI5tOutputPanelKeyId01';
const SECRET = 'OutPutPanelSecret0123456789xyz';
const MASK = '••••••••';

const BASE: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: PROJECT,
  logstore: LOGSTORE,
  accessKeyId: KEY_ID,
  accessKeySecret: SECRET,
  secretMode: 'inline',
  target: 'sls',
  expandJson: false,
  agents: { beats: {} },
};

async function renderOnServer(settings: SettingsInput): Promise<RenderResult> {
  const response = await fetch(`${inject('appUrl')}/api/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RenderResult;
}

function fileView(page: Page, agent: string, path: string): Locator {
  return page.locator(`[data-testid="file-content"][data-path="${agent}/${path}"]`);
}

async function fillCredentials(page: Page) {
  await page.getByLabel('AccessKey ID', { exact: true }).fill(KEY_ID);
  await page.locator('#accessKeySecret').fill(SECRET);
}

async function fillForm(page: Page) {
  await page.getByLabel('Project', { exact: true }).fill(PROJECT);
  await page.getByLabel('Logstore', { exact: true }).fill(LOGSTORE);
  await fillCredentials(page);
}

/** Open the wizard on a share link (a fresh document, so the Wizard reads the hash on mount). */
async function openShared(page: Page, values: SettingsInput) {
  await page.goto('about:blank');
  await page.goto(`${inject('appUrl')}/${shareHash(values)}`);
  await expect.poll(() => page.getByLabel('Project', { exact: true }).inputValue()).toBe(values.project);
}

async function agentTab(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole('tablist', { name: 'Agents' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  return tab;
}

describe.skipIf(!chromiumTool.path)('output panel in Chromium', () => {
  let page: Page;
  const browser = useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));


  it('asks for the missing fields first, then shows every chosen agent’s files, following the options', async () => {
    await page.goto(inject('appUrl'));
    // Output first: placeholders for what is not typed yet.
    await expect.poll(() => page.getByTestId('output-placeholders').textContent()).toMatch(/<your-project>, <your-logstore>, <AccessKeyId>, <AccessKeySecret>/);
    await fillForm(page);
    for (const name of ['collectd', 'Telegraf', 'Fluentd', 'Logstash']) await page.getByRole('checkbox', { name, exact: true }).check();

    const chosen: SettingsInput = { ...BASE, agents: { beats: {}, collectd: {}, telegraf: {}, fluentd: {}, logstash: {} } };
    const expected = await renderOnServer(chosen);
    // The steps the panel shows: those of "Deploy on" host (the default), the install script's step first.
    const hostSteps = deployPlan('host', settingsSchema.parse(chosen), expected).steps;
    expect(new Set(expected.files.map((f) => f.agent))).toEqual(new Set(['beats', 'collectd', 'telegraf', 'fluentd', 'logstash']));
    for (const [agent, name] of [['beats', 'Beats'], ['collectd', 'collectd'], ['telegraf', 'Telegraf'], ['fluentd', 'Fluentd'], ['logstash', 'Logstash']] as const) {
      await agentTab(page, name);
      for (const file of expected.files.filter((f) => f.agent === agent)) {
        const fileTab = page.getByRole('tablist', { name: `Files for ${name}` }).getByRole('tab', { name: file.path, exact: true });
        await fileTab.click();
        const view = fileView(page, agent, file.path);
        await expect.poll(() => view.isVisible()).toBe(true);
        // Exactly the server's file, with only the secret masked.
        await expect.poll(() => view.textContent()).toBe(file.content.split(SECRET).join(MASK));
      }
      // The agent's steps are listed under its files.
      // Those for Linux (the default platform) and the open file (the last one clicked).
      const agentFiles = expected.files.filter((f) => f.agent === agent);
      const all = hostSteps.filter((s) => s.agent === agent);
      const steps = visibleSteps(all, { platform: effectivePlatform(all, 'linux'), files: agentFiles, selectedFile: agentFiles.at(-1)?.path });
      const panel = page.locator(`#${await page.getByRole('tab', { name, exact: true }).getAttribute('aria-controls')}`);
      expect(await panel.getByTestId('step').count()).toBe(steps.length);
      expect(await panel.getByTestId('step').first().textContent()).toContain(steps[0]!.title);
    }

    // Highlighting arrives lazily and leaves the text as it was.
    await agentTab(page, 'Beats');
    const filebeat = fileView(page, 'beats', 'filebeat.yml');
    await expect.poll(() => filebeat.getAttribute('class')).toContain('highlighted');
    expect(await filebeat.locator('span[style*="--shiki-light"]').count()).toBeGreaterThan(5);

    // Options change the snippet: Beats compression gzip → lz4.
    expect(await filebeat.textContent()).toMatch(/compression: "gzip"/);
    await page.locator('select[name="agents.beats.compression"]').selectOption('lz4');
    await expect.poll(() => filebeat.textContent()).toMatch(/compression: "lz4"/);
    expect(await filebeat.textContent()).not.toMatch(/compression: "gzip"/);
    const lz4 = await renderOnServer({ ...BASE, agents: { beats: { compression: 'lz4' } } });
    await expect.poll(() => filebeat.textContent()).toBe(lz4.files.find((f) => f.path === 'filebeat.yml')!.content.split(SECRET).join(MASK));
  });

  it('masks the secret on screen and copies the real file and commands', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page);
    const expected = await renderOnServer(BASE);
    const content = expected.files.find((f) => f.path === 'filebeat.yml')!.content;
    expect(content).toContain(SECRET); // inline mode: the file really holds it
    const view = fileView(page, 'beats', 'filebeat.yml');
    await expect.poll(() => view.textContent()).toContain(MASK);

    // Nowhere in the page: not in the text, not in the markup (the password input keeps it as a property only).
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
    expect(await view.textContent()).toContain(`${KEY_ID}#${MASK}`);
    // Still masked once the highlighted tokens have replaced the plain text.
    await expect.poll(() => view.getAttribute('class')).toContain('highlighted');
    expect(await view.textContent()).toBe(content.split(SECRET).join(MASK));
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(SECRET);

    const copy = page.getByTestId('copy-file').first();
    expect(await copy.getAttribute('aria-label')).toBe('Copy filebeat.yml');
    await copy.click();
    await expect.poll(() => copy.textContent()).toContain('Copied');
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toBe('Copied filebeat.yml to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(content);
    await expect.poll(() => copy.textContent(), { timeout: 5_000 }).toBe('Copy');

    // A step command is copied exactly as rendered.
    const command = expected.steps.find((s) => s.agent === 'beats' && s.commands?.length)!.commands![0]!;
    await page.getByTestId('copy-command').first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(SECRET);
  });

  it('keeps the last valid output dimmed while the form is invalid, naming what to fix', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page);
    const view = fileView(page, 'beats', 'filebeat.yml');
    await expect.poll(() => view.textContent()).toContain(PROJECT);
    // An agent option that conflicts with another (zstd needs Beats 9) cannot be rendered.
    await page.locator('select[name="agents.beats.compression"]').selectOption('zstd');
    await expect.poll(() => page.getByTestId('output-stale').textContent()).toMatch(/Compression: Beats 8 has no zstd/);
    // Still the last valid file, dimmed, and nothing can be copied or downloaded from it.
    expect(await view.textContent()).toContain(`username: "${PROJECT}"`);
    expect(await page.getByTestId('output-body').getAttribute('class')).toContain('stale');
    expect(await page.getByTestId('copy-file').first().isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Download all files (.zip)' }).isDisabled()).toBe(true);
    await page.locator('select[name="agents.beats.compression"]').selectOption('lz4');
    await expect.poll(() => view.textContent()).toContain('compression: "lz4"');
    expect(await page.getByTestId('output-stale').count()).toBe(0);
    expect(await page.getByTestId('copy-file').first().isDisabled()).toBe(false);
  });

  it('downloads a zip built in the browser whose files equal POST /api/render', async () => {
    const values: SettingsInput = { ...BASE, target: 'sandbox', agents: { beats: { beats: ['filebeat', 'metricbeat'] }, logstash: { jaasMode: 'file' } } };
    const serverRequests: string[] = [];
    page.on('request', (request) => serverRequests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
    await openShared(page, values);
    await fillCredentials(page);
    await expect.poll(() => fileView(page, 'beats', 'filebeat.yml').textContent()).toContain(MASK);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all files (.zip)' }).click()]);
    expect(download.suggestedFilename()).toBe(`sls-kafka-${PROJECT}-${LOGSTORE}.zip`);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const expected = await renderOnServer(values);
    const expectedPaths = expected.files.map((f) => `${f.agent}/${f.path}`);
    expect(expectedPaths).toEqual(expect.arrayContaining(['beats/filebeat.yml', 'beats/metricbeat.yml', 'logstash/sls-kafka.conf', 'logstash/kafka_client_jaas.conf']));
    // Deploy on host (the default): Logstash's install script; no manifests (tests/e2e/deploy-choice.test.ts has Kubernetes).
    expect(Object.keys(zip).sort()).toEqual([...expectedPaths, 'logstash/install.sh', 'README.md', 'settings.json', 'sls-sandbox-ca.pem'].sort());
    expect(strFromU8(zip['logstash/install.sh']!)).not.toContain(SECRET);
    for (const file of expected.files) expect(strFromU8(zip[`${file.agent}/${file.path}`]!), `${file.agent}/${file.path}`).toBe(file.content);

    expect(strFromU8(zip['sls-sandbox-ca.pem']!)).toBe(readFileSync(inject('sandboxCaFile'), 'utf8'));
    const settingsJson = JSON.parse(strFromU8(zip['settings.json']!)) as Record<string, unknown>;
    expect(settingsJson).toMatchObject({ project: PROJECT, logstore: LOGSTORE, target: 'sandbox' });
    expect(settingsJson).not.toHaveProperty('accessKeyId');
    expect(strFromU8(zip['settings.json']!)).not.toContain(SECRET);
    const readme = strFromU8(zip['README.md']!);
    // The host steps: every step but the Docker and Kubernetes ones.
    for (const step of expected.steps.filter((s) => !/\b(docker|kubernetes)\b/i.test(s.title))) expect(readme).toContain(step.title.replace(/[<*]/g, (c) => `\\${c}`));
    expect(readme).toContain('Deploy on: **host**');
    expect(readme).not.toContain(SECRET);

    // The secret never went to the server for this: only the CA was fetched.
    expect(serverRequests.filter((r) => r.includes(SECRET) || r.includes(encodeURIComponent(SECRET)))).toEqual([]);
    expect(serverRequests.some((r) => r.startsWith('GET ') && r.includes('/api/sandbox/ca'))).toBe(true);
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toMatch(/Downloaded sls-kafka-test-project-1-test-logstore-1\.zip\. The zip contains your AccessKey secret/);
  });

  it('copies a share link that restores the form without any secret', async () => {
    await page.goto('about:blank');
    await page.goto(inject('appUrl'));
    await fillForm(page);
    await chooseRegion(page, 'cn-shanghai');
    await page.getByRole('checkbox', { name: 'Telegraf', exact: true }).check();
    await page.locator('select[name="agents.beats.compression"]').selectOption('lz4');
    await page.getByRole('switch', { name: 'Sandbox mode' }).check();
    await expect.poll(() => fileView(page, 'beats', 'filebeat.yml').textContent()).toMatch(/compression: "lz4"/);

    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toBe('Share link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${inject('appUrl').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/#s=[A-Za-z0-9_-]+$`));
    expect(await page.getByTestId('share-link').inputValue()).toBe(link);
    for (const secret of [SECRET, KEY_ID]) {
      expect(link).not.toContain(secret);
      expect(Buffer.from(link.split('#s=')[1]!, 'base64url').toString('utf8')).not.toContain(secret);
    }

    const other = await browser.context.newPage();
    try {
      await other.goto(link);
      await expect.poll(() => other.getByLabel('Project', { exact: true }).inputValue()).toBe(PROJECT);
      expect(await other.getByLabel('Logstore', { exact: true }).inputValue()).toBe(LOGSTORE);
      expect(await other.locator('input#region').getAttribute('data-region')).toBe('cn-shanghai');
      expect(await other.getByRole('checkbox', { name: 'Telegraf', exact: true }).isChecked()).toBe(true);
      expect(await other.getByRole('checkbox', { name: 'collectd', exact: true }).isChecked()).toBe(false);
      expect(await other.locator('select[name="agents.beats.compression"]').inputValue()).toBe('lz4');
      expect(await other.getByRole('switch', { name: 'Sandbox mode' }).isChecked()).toBe(true);
      expect(await other.getByLabel('AccessKey ID', { exact: true }).inputValue()).toBe('');
      expect(await other.locator('#accessKeySecret').inputValue()).toBe('');
      // Without credentials the restored choices render with AccessKey placeholders; with them, for real.
      await expect.poll(() => other.getByTestId('output-placeholders').textContent()).toMatch(/<AccessKeyId>, <AccessKeySecret>/);
      await fillCredentials(other);
      await expect.poll(() => fileView(other, 'beats', 'filebeat.yml').textContent()).toMatch(/compression: "lz4"/);
      expect(await other.getByRole('tab', { name: 'Telegraf', exact: true }).count()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('moves between agent and file tabs with the arrow keys, Home and End', async () => {
    await openShared(page, { ...BASE, agents: { beats: { beats: ['filebeat', 'metricbeat'] }, telegraf: {}, logstash: { jaasMode: 'file' } } });
    await fillCredentials(page);
    const agents = page.getByRole('tablist', { name: 'Agents' });
    await expect.poll(() => agents.getByRole('tab').allTextContents()).toEqual(['Beats', 'Telegraf', 'Logstash']);

    const selected = async (list: Locator) => list.locator('[role="tab"][aria-selected="true"]').textContent();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const visiblePanelOf = async (list: Locator) => {
      const id = await list.locator('[role="tab"][aria-selected="true"]').getAttribute('aria-controls');
      return page.locator(`#${id}`).isVisible();
    };

    await agents.getByRole('tab', { name: 'Beats' }).focus();
    // One tab stop: only the selected tab is in the Tab order.
    expect(await agents.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
    await page.keyboard.press('ArrowRight');
    expect(await selected(agents)).toBe('Telegraf');
    expect(await focused()).toBe('Telegraf');
    expect(await visiblePanelOf(agents)).toBe(true);
    expect(await fileView(page, 'telegraf', 'sls-kafka.conf').isVisible()).toBe(true);
    expect(await fileView(page, 'beats', 'filebeat.yml').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect(await selected(agents)).toBe('Logstash');
    await page.keyboard.press('ArrowRight'); // wraps around
    expect(await selected(agents)).toBe('Beats');
    await page.keyboard.press('ArrowLeft');
    expect(await selected(agents)).toBe('Logstash');
    expect(await focused()).toBe('Logstash');

    // Tab goes into the Logstash panel's file tabs; arrows switch files there.
    const files = page.getByRole('tablist', { name: 'Files for Logstash' });
    await files.getByRole('tab', { name: 'sls-kafka.conf' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await selected(files)).toBe('kafka_client_jaas.conf');
    expect(await fileView(page, 'logstash', 'kafka_client_jaas.conf').isVisible()).toBe(true);
    expect(await fileView(page, 'logstash', 'sls-kafka.conf').isVisible()).toBe(false);
    await page.keyboard.press('Home');
    expect(await selected(files)).toBe('sls-kafka.conf');
    expect(await focused()).toBe('sls-kafka.conf');
    // The selected tab names its panel, and the panel names its tab.
    const tab = files.getByRole('tab', { name: 'sls-kafka.conf' });
    const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
    expect(await panel.getAttribute('role')).toBe('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(await tab.getAttribute('id'));
  });

  it('speaks Chinese when the language is switched', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page);
    await expect.poll(() => fileView(page, 'beats', 'filebeat.yml').isVisible()).toBe(true);
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.getByRole('button', { name: '下载全部文件（.zip）' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '复制分享链接' }).count()).toBe(1);
    expect(await page.getByTestId('copy-file').first().textContent()).toBe('复制');
    expect(await page.getByRole('tablist', { name: '采集代理' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Beats 的操作步骤' }).count()).toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
  });
});
