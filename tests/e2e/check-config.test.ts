/**
 * "Check my config" (/check, issue 14) in Chromium: the 2019 vendor page's
 * Filebeat example (tests/fixtures/lint/seed-beats.yml: no ssl section, the
 * region-only host, no version, the password in the file) is pasted; the
 * findings appear beside the right lines, the secret is masked on screen, the
 * fixed file is copied and then opened in the wizard, which shows what was
 * read. axe-core finds no violation; screenshots at 1366×900 and 390×844.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const OUT = path.resolve(__dirname, '../../test-results/screenshots');
const SEED = readFileSync(path.resolve(__dirname, '../fixtures/lint/seed-beats.yml'), 'utf8');
const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';


const lineRow = (page: Page, n: number) => page.locator(`[data-testid="check-source"] [data-line="${n}"]`);

describe.skipIf(!chromiumTool.path)('Check my config', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000, clipboard: true }, (opened) => (page = opened));

  it('is linked from the wizard', async () => {
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${inject('appUrl')}/`);
    await page.getByRole('link', { name: /Check it/ }).click();
    await expect.poll(() => page.getByTestId('check-page').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/check');
  });

  it('pasting the vendor page’s Filebeat example shows each finding at its line, the secret masked', async () => {
    await page.goto(`${inject('appUrl')}/check`);
    await page.evaluate((text) => navigator.clipboard.writeText(text), SEED);
    await page.getByTestId('check-content').focus();
    await page.keyboard.press('ControlOrMeta+V');
    // Checked on paste, no button press.
    await expect.poll(() => page.getByTestId('check-result').count()).toBe(1);
    expect(await page.getByTestId('check-result').getAttribute('data-agent')).toBe('beats');
    const findings = page.locator('[data-testid="check-findings"] li');
    const found = await findings.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')}@${li.getAttribute('data-line')}`));
    expect(found).toEqual(['tls-off@1', 'protocol-version@1', 'host-region-form@3', 'secret-inline@5']);
    // Beside the lines: highlighted rows with the notes in them.
    expect(await lineRow(page, 1).getAttribute('data-severity')).toBe('error');
    expect(await lineRow(page, 3).getAttribute('data-severity')).toBe('warning');
    expect(await lineRow(page, 5).getAttribute('data-severity')).toBe('warning');
    expect(await lineRow(page, 2).getAttribute('data-severity')).toBeNull();
    expect(await lineRow(page, 3).textContent()).toContain('cn-hangzhou.log.aliyuncs.com:10012');
    expect(await lineRow(page, 3).getByTestId('check-note').textContent()).toContain('host-region-form');
    // The secret is nowhere on the page (neither the file view, the box, nor the diff).
    expect(await page.locator('body').innerText()).not.toContain(SECRET);
    expect(await page.getByTestId('check-content').inputValue()).not.toContain(SECRET);
    expect(await lineRow(page, 5).textContent()).toContain('LTAI5tAbCdEfGhIjKlMnOpQr#••••••••');
    // The diff shows the fixes.
    const added = await page.locator('[data-testid="check-diff"] [data-kind="added"]').allTextContents();
    expect(added.join('\n')).toContain('ssl.enabled: true');
    expect(added.join('\n')).toContain('test-project-1.cn-hangzhou.log.aliyuncs.com:10012');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'check-1366x900.png'), fullPage: true });
  });

  it('copies the fixed file, which has no secret and switches TLS on', async () => {
    await page.getByTestId('check-copy').click();
    await expect.poll(() => page.getByTestId('check-notice').textContent()).toContain('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('ssl.enabled: true');
    expect(copied).toContain('version: "2.1.0"');
    expect(copied).toContain('password: "${SLS_KAFKA_PASSWORD}"');
    expect(copied).toContain('# message topic selection + partitioning');
    expect(copied).not.toContain(SECRET);
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'check-390x844.png'), fullPage: true });
    // The same in Simplified Chinese.
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('检查现有配置');
    expect(await page.getByTestId('check-summary').textContent()).toContain('错误：1');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'check-390x844-zh.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check my existing config');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('opens the wizard filled with what was read, the AccessKey left to type', async () => {
    await page.getByTestId('check-open-wizard').click();
    await expect.poll(() => page.locator('[data-testid="wizard"][data-restored="true"]').count()).toBe(1);
    expect(await page.locator('#project').inputValue()).toBe('test-project-1');
    expect(await page.locator('#logstore').inputValue()).toBe('test-logstore-1');
    expect(await page.locator('#accessKeySecret').inputValue()).toBe('');
    expect(page.url()).not.toContain(SECRET);
  });

  it('reads a chosen file: the vendor page’s Telegraf example, with the commented-out CA line found', async () => {
    await page.goto(`${inject('appUrl')}/check`);
    const telegraf = readFileSync(path.resolve(__dirname, '../fixtures/lint/seed-telegraf.conf'));
    await page.getByTestId('check-file').setInputFiles({ name: 'telegraf.conf', mimeType: 'text/plain', buffer: telegraf });
    await expect.poll(() => page.getByTestId('check-result').getAttribute('data-agent')).toBe('telegraf');
    expect(await page.locator('[data-testid="check-findings"] li[data-rule="tls-off"]').count()).toBe(1);
    // Download is built in the browser, named after the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('check-download').click()]);
    expect(download.suggestedFilename()).toBe('telegraf.conf');
  });

  it('names a file of another kind, and shows no result', async () => {
    await page.goto(`${inject('appUrl')}/check`);
    await page.getByTestId('check-content').fill('from confluent_kafka import Producer\n');
    await page.getByTestId('check-run').click();
    await expect.poll(() => page.getByTestId('check-status').textContent()).toContain('Python code using confluent-kafka');
    expect(await page.getByTestId('check-result').count()).toBe(0);
  });
});
