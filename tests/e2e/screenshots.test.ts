/**
 * Screenshots of the wizard (filled form, output and a validation report) and
 * of the sandbox inbox, at desktop (1280×900) and phone (390×844) widths, in
 * English and Chinese, saved to test-results/screenshots/ for review. The phone
 * layout must not scroll sideways.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const OUT = path.resolve(__dirname, '../../test-results/screenshots');
const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const LANGS = { en: 'English', zh: '简体中文' } as const;

/** What makes the page wider than the viewport, for a useful failure message. */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        // Only the outermost offender of each branch.
        const parent = el.parentElement;
        if (parent && parent.getBoundingClientRect().right > width + 1) continue;
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

describe.skipIf(!chromiumTool.path)('screenshots at desktop and phone widths', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000 }, (opened) => (page = opened));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
  });

  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const [lang, button] of Object.entries(LANGS)) {
      it(`main page, ${viewportName}, ${lang}`, async () => {
        await page.setViewportSize(viewport);
        await page.goto(inject('appUrl'));
        await page.getByRole('button', { name: button }).first().click();
        await page.locator('input[name="project"]').fill('test-project-1');
        await page.locator('input[name="logstore"]').fill('test-logstore-1');
        await page.locator('input[name="accessKeyId"]').fill('LTAI5tScreenshotKeyId001');
        await page.locator('input[name="accessKeySecret"]').fill('ScreenshotSecret0123456789abcd');
        const validate = page.getByTestId('validate-button');
        await expect.poll(() => validate.isDisabled()).toBe(false);
        await validate.click();
        await expect.poll(() => page.getByTestId('validate-report').getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
        const file = path.join(OUT, `main-${viewportName}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(20_000);
        // The validation report on its own, for a closer look.
        const panelFile = path.join(OUT, `validate-${viewportName}-${lang}.png`);
        await page.getByTestId('validate-panel').screenshot({ path: panelFile });
        expect(statSync(panelFile).size).toBeGreaterThan(10_000);
        if (viewportName === 'phone') {
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          // Name the elements that stick out, so a failure says what to fix.
          expect(scrollWidth > innerWidth ? await overflowingElements(page) : []).toEqual([]);
          expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        }
      });

      it(`sandbox inbox, ${viewportName}, ${lang}`, async () => {
        await page.setViewportSize(viewport);
        // The records the main-page check just wrote (the doctor's test records).
        await page.goto(`${inject('appUrl')}/sandbox?project=test-project-1&logstore=test-logstore-1`);
        await page.getByRole('button', { name: button }).first().click();
        await expect.poll(() => page.getByTestId('records-list').count(), { timeout: 15_000 }).toBe(1);
        const file = path.join(OUT, `sandbox-${viewportName}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(20_000);
        if (viewportName === 'phone') {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          const overflowing = scrollWidth > viewport.width ? await overflowingElements(page) : [];
          expect(overflowing).toEqual([]);
          expect(scrollWidth).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
        }
      });
    }
  }
});
