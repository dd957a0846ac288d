/**
 * The Content-Security-Policy in Chromium: the wizard (lazy chunks, the
 * settings runtime, shiki highlighting) and the inbox run without a single
 * CSP violation, and the policy allows no inline script without the nonce.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumTool, launchChromium } from '../support/chromium';

describe.skipIf(!chromiumTool.path)('Content-Security-Policy in Chromium', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ context, close } = await launchChromium());
  });
  afterAll(async () => {
    await close?.();
  });

  it('runs the wizard and the inbox without a violation', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(inject('appUrl'));
    await page.getByLabel('Project', { exact: true }).fill('test-project-1');
    await page.getByLabel('Logstore', { exact: true }).fill('test-logstore-1');
    await page.getByLabel('AccessKey ID', { exact: true }).fill('LTAI5tCspCheckKeyId00001');
    await page.locator('#accessKeySecret').fill('CspCheckSecret0123456789abcdef');
    const code = page.locator('[data-testid="file-content"]').first();
    await expect.poll(() => code.getAttribute('class'), { timeout: 20_000 }).toContain('highlighted');
    expect(violations).toEqual([]);
    // Injected markup's inline handler (the usual XSS vector) must not run.
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onload="window.cspProbe = 1" onerror="window.cspProbe = 1">';
      document.body.append(div);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => /inline event handler/i.test(v)), violations.join('\n')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cspProbe?: number }).cspProbe ?? 0)).toBe(0);
    violations.length = 0;
    await page.goto(`${inject('appUrl')}/sandbox?project=test-project-1`);
    await expect.poll(() => page.getByTestId('inbox-updated').textContent(), { timeout: 20_000 }).toMatch(/\d/);
    expect(violations).toEqual([]);
    await page.close();
  });
});
