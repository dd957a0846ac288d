/**
 * The wizard's flow in Chromium (issue 13): output first with marked
 * placeholders, env mode without the secret, the sticky output with changed
 * lines flashing, the numbered steps with advanced options folded and the
 * check under the output, steps per platform and per file (kept in the share
 * link), validation on blur or paste announced once, and the region
 * combobox. Then screenshots at 1366×900 and 390×844 in both languages and
 * both colour schemes, each state checked with axe-core.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SettingsInput } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { axeViolations } from '../support/axe';
import { chromiumTool, useChromiumPage } from '../support/chromium';
import { EXAMPLE_INPUT } from '../support/settings';

const OUT = path.resolve(__dirname, '../../test-results/screenshots');

const fileView = (page: Page, agent: string, file: string) => page.locator(`[data-testid="file-content"][data-path="${agent}/${file}"]`);
const visiblePanel = (page: Page) => page.locator('[role="tabpanel"][id^="output-agent-panel"]:not([hidden])');

async function open(page: Page, hash = '') {
  await page.goto('about:blank');
  await page.goto(`${inject('appUrl')}/${hash}`);
  // The share link is read after hydration: wait until the form holds it.
  await expect.poll(() => page.locator('[data-testid="wizard"][data-restored="true"]').count()).toBe(1);
  await expect.poll(() => fileView(page, 'beats', 'filebeat.yml').count()).toBe(1);
}

async function fill(page: Page) {
  await page.locator('#project').fill(EXAMPLE_INPUT.project);
  await page.locator('#logstore').fill(EXAMPLE_INPUT.logstore);
  await page.locator('#accessKeyId').fill(EXAMPLE_INPUT.accessKeyId);
  await page.locator('#accessKeySecret').fill(EXAMPLE_INPUT.accessKeySecret);
}


describe.skipIf(!chromiumTool.path)('the wizard flow', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('shows the output from the start, with marked placeholders that Copy and Download mention', async () => {
    await open(page);
    const view = fileView(page, 'beats', 'filebeat.yml');
    await expect.poll(() => view.textContent()).toContain('<AccessKeyId>#<AccessKeySecret>');
    expect(await view.textContent()).toContain('<your-project>');
    expect(await view.textContent()).toContain('<your-logstore>');
    expect(await page.getByTestId('output-placeholders').textContent()).toContain('<your-project>');
    // Marked on screen (CSS Custom Highlight API).
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('wizard-placeholder')?.size ?? 0)).toBeGreaterThan(2);
    await visiblePanel(page).getByTestId('copy-file').first().click();
    await expect.poll(() => page.getByTestId('output-notice').textContent()).toMatch(/still has placeholders \(<your-project>/);
    expect(await page.getByTestId('download').textContent()).toContain('with placeholders');
    // Typing a project replaces its placeholder; a share link restores the rest without asking for the AccessKey to show output.
    await page.getByLabel('Project', { exact: true }).fill('my-project');
    await expect.poll(() => view.textContent()).toContain('username: "my-project"');
  });

  it('env mode never asks for the secret', async () => {
    await open(page, shareHash({ ...EXAMPLE_INPUT, accessKeyId: '', accessKeySecret: '', secretMode: 'env' } as SettingsInput));
    await expect.poll(() => page.getByTestId('env-note').isVisible()).toBe(true);
    expect(await page.locator('#accessKeySecret').isVisible()).toBe(false);
    const view = fileView(page, 'beats', 'filebeat.yml');
    await expect.poll(() => view.textContent()).toContain('${SLS_KAFKA_PASSWORD}');
    expect(await view.textContent()).not.toContain('<AccessKeySecret>');
    await expect.poll(() => page.getByTestId('form-status').textContent()).not.toMatch(/AccessKey secret/);
    expect(await page.getByTestId('output-stale').count()).toBe(0);
  });

  it('keeps the output in view (sticky) and flashes the lines an option changed', async () => {
    await open(page);
    await fill(page);
    const aside = page.getByTestId('wizard-aside');
    expect(await aside.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    // Scroll the form far down, then change an option there.
    const select = page.locator('select[name="agents.beats.compression"]');
    await select.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await select.selectOption('lz4');
    const box = await page.getByTestId('output-panel').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('wizard-changed')?.size ?? 0)).toBeGreaterThan(0);
    // …and stops flashing.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('wizard-changed')?.size ?? 0), { timeout: 10_000 }).toBe(0);
  });

  it('is a numbered flow with advanced options folded and the check right under the output', async () => {
    await open(page);
    for (const [n, title] of [[1, 'Endpoint'], [2, 'Credentials'], [3, 'Agents'], [4, 'Configure']] as const) {
      expect(await page.locator(`#step-${n}-title`).textContent()).toContain(title);
    }
    const advanced = page.getByTestId('advanced-beats');
    expect(await advanced.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('select[name="agents.beats.acks"], [name="agents.beats.acks"]').first().isVisible()).toBe(false);
    // Step 5 follows the output inside the same column.
    const order = await page.getByTestId('wizard-aside').evaluate((el) => Array.from(el.children).map((c) => c.getAttribute('data-testid')));
    expect(order).toEqual(['output-panel', 'check-step']);
  });

  it('shows the steps of the chosen platform and the open file, and keeps the platform in the share link', async () => {
    const values = { ...EXAMPLE_INPUT, accessKeyId: '', accessKeySecret: '', agents: { beats: { beats: ['filebeat', 'metricbeat'] } } } as SettingsInput;
    await open(page, shareHash(values));
    const titles = () => visiblePanel(page).locator('.output-step-title').allTextContents();
    await expect.poll(async () => (await titles()).join('\n')).toMatch(/Filebeat on Linux/);
    expect((await titles()).join('\n')).not.toMatch(/Windows|Docker|Metricbeat/);
    await page.getByRole('radio', { name: 'Windows' }).check();
    await expect.poll(async () => (await titles()).join('\n')).toMatch(/Filebeat on Windows/);
    expect((await titles()).join('\n')).not.toMatch(/Linux|Docker/);
    // The file tab decides whose steps.
    await page.getByRole('tab', { name: 'metricbeat.yml' }).click();
    await expect.poll(async () => (await titles()).join('\n')).toMatch(/Metricbeat on Windows/);
    expect((await titles()).join('\n')).not.toMatch(/Filebeat/);
    // The share link carries the platform.
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = await page.getByTestId('share-link').inputValue();
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => page.getByRole('radio', { name: 'Windows' }).isChecked()).toBe(true);
  });

  it('validates on blur or paste, not on each key, and announces errors once', async () => {
    await open(page);
    const project = page.getByLabel('Project', { exact: true });
    await project.click();
    await page.keyboard.type('Bad');
    expect(await page.locator('#project-error').count()).toBe(0);
    expect(await page.locator('form [role="alert"]').count()).toBe(0);
    await project.blur();
    await expect.poll(() => page.locator('#project-error').count()).toBe(1);
    const live = page.getByTestId('form-errors-live');
    await expect.poll(() => live.textContent()).toMatch(/1 to fix: Project/);
    expect(await live.getAttribute('aria-live')).toBe('polite');
    // More keys in the same field keep the same announcement (the set of errors did not change).
    const mutations = await live.evaluate((el) => {
      const w = window as unknown as { liveChanges: number };
      w.liveChanges = 0;
      new MutationObserver(() => (w.liveChanges += 1)).observe(el, { childList: true, characterData: true, subtree: true });
      return 0;
    });
    expect(mutations).toBe(0);
    await project.focus();
    await page.keyboard.type('Worse');
    await expect.poll(() => page.locator('#project-error').textContent()).toBeTruthy();
    expect(await page.evaluate(() => (window as unknown as { liveChanges: number }).liveChanges)).toBe(0);
    // A paste is checked at once.
    const logstore = page.getByLabel('Logstore', { exact: true });
    await logstore.focus();
    await page.evaluate(() => navigator.clipboard.writeText('Has Space'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('#logstore-error').count()).toBe(1);
  });

  it('picks the region with one type-ahead combobox', async () => {
    await open(page);
    const region = page.getByRole('combobox', { name: 'Region' });
    await region.fill('singapore');
    await expect.poll(() => region.getAttribute('data-region')).toBe('ap-southeast-1');
    expect(await region.getAttribute('aria-expanded')).toBe('true');
    const active = await region.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain('ap-southeast-1');
    await region.fill('xyz');
    await expect.poll(() => page.getByTestId('region-status').textContent()).toBe('No region matches “xyz”.');
    expect(await region.getAttribute('data-region')).toBe('ap-southeast-1');
    await page.keyboard.press('Escape');
    expect(await region.inputValue()).toContain('ap-southeast-1');
    // Arrow keys and Enter; grouped by area.
    await region.fill('cn-');
    expect(await page.getByRole('listbox').getByRole('group').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    const second = await page.locator(`[id="${await region.getAttribute('aria-activedescendant')}"]`).getAttribute('data-value');
    expect(second).toMatch(/^cn-/);
    await page.keyboard.press('Enter');
    expect(await region.getAttribute('aria-expanded')).toBe('false');
    expect(await region.getAttribute('data-region')).toBe(second);
  });

  for (const [viewportName, viewport] of Object.entries({ desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } })) {
    for (const [lang, button] of Object.entries({ en: 'English', zh: '简体中文' })) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`screenshots and axe: ${viewportName}, ${lang}, ${scheme}`, async () => {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          await open(page);
          await page.getByRole('button', { name: button }).first().click();
          const problems: Record<string, string[]> = {};
          const shot = async (state: string) => {
            const file = path.join(OUT, `wizard-${state}-${viewportName}-${lang}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            expect(statSync(file).size).toBeGreaterThan(20_000);
            problems[state] = await axeViolations(page);
          };
          await shot('first');
          await fill(page);
          await expect.poll(() => fileView(page, 'beats', 'filebeat.yml').textContent()).toContain(EXAMPLE_INPUT.project);
          await shot('filled');
          await page.locator('#project').fill('Bad Project');
          await page.locator('#logstore').focus();
          await expect.poll(() => page.locator('#project-error').count()).toBe(1);
          await shot('invalid');
          await page.locator('#project').fill(EXAMPLE_INPUT.project);
          await page.getByRole('switch').check();
          await expect.poll(() => page.getByTestId('summary-sandbox').count()).toBe(1);
          await shot('sandbox');
          expect(problems).toEqual({ first: [], filled: [], invalid: [], sandbox: [] });
        });
      }
    }
  }
});
