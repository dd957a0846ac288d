/**
 * Issue 13, part B in Chromium: the code viewer (wrap and full-height
 * switches, collectd and Fluentd highlighted by their own grammars, both
 * colour schemes), dark mode for the whole page, the favicon, the inbox
 * (Logstores with data and their evictions, JSON pretty-printed in folds,
 * a cut value's full size, compact on a phone) in open and strict mode, and
 * axe-core finding no violations. Screenshots at 1366×900 and 390×844, both
 * languages, both colour schemes, go to test-results/screenshots/.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { RecordsResponse } from '@/lib/http/contract';
import type { SettingsInput } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { chromiumTool, launchChromium, useChromiumPage } from '../support/chromium';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';

const OUT = path.resolve(__dirname, '../../test-results/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LANGS = { en: 'English', zh: '简体中文' } as const;
const SCHEMES = ['light', 'dark'] as const;

const SETTINGS: SettingsInput = {
  region: 'cn-hangzhou',
  network: 'internet',
  hostForm: 'project',
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tLookE2eKeyId000001',
  accessKeySecret: 'LookE2eSecret0123456789abcdef0',
  secretMode: 'inline',
  target: 'sls',
  expandJson: false,
  agents: { collectd: {}, fluentd: {} },
};

/** axe-core's violations on the page as it is now (ids and the first offending nodes). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is the global the injected script defines
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as Array<{ id: string; nodes: Array<{ target: string[] }> }>).map(
      (v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}

async function openWizard(page: Page, values: SettingsInput = SETTINGS): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${inject('appUrl')}/${shareHash(values)}`);
  await expect.poll(() => page.locator('input[name="project"]').inputValue()).toBe(values.project);
  await fillKey(page, values);
}

/** The share link never carries the AccessKey: typed in, as a user would. */
async function fillKey(page: Page, values: SettingsInput = SETTINGS): Promise<void> {
  await page.locator('input[name="accessKeyId"]').fill(values.accessKeyId ?? '');
  await page.locator('input[name="accessKeySecret"]').fill(values.accessKeySecret ?? '');
}

/** The visible code block once highlighted. */
async function highlightedCode(page: Page) {
  const code = page.locator('[data-testid="file-content"]:visible');
  await expect.poll(() => code.getAttribute('class'), { timeout: 15_000 }).toContain('highlighted');
  return code;
}

async function selectAgent(page: Page, name: string) {
  const tab = page.getByRole('tablist', { name: 'Agents' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** A records answer with JSON, a cut value and evictions, valid against the HTTP contract. */
function recordsAnswer(project: string, count = 50): RecordsResponse {
  const now = Date.now();
  const records = Array.from({ length: count }, (_, i) => {
    const json = i % 2 === 0;
    const content = json
      ? JSON.stringify({ host: `web-${i}`, level: 'info', message: `request ${i} served`, http: { status: 200, path: '/api/items' } })
      : `plain line ${i} ${'x'.repeat(i === 1 ? 300 : 10)}`;
    return {
      project,
      logstore: i % 3 === 0 ? 'app-logs' : 'nginx-access',
      shard: i % 2,
      offset: 1000 - i,
      timestamp: now - i * 1000,
      timestampFrom: 'record' as const,
      time: new Date(now - i * 1000).toISOString(),
      receivedAt: now - i * 1000,
      __time__: Math.floor((now - i * 1000) / 1000),
      key: null,
      keyEncoding: 'utf8' as const,
      content,
      contentEncoding: 'utf8' as const,
      headers: i === 0 ? [{ key: 'trace-id', value: 'abc123', encoding: 'utf8' as const }] : [],
      clientId: 'rdkafka',
      size: i === 1 ? 70_000 : content.length,
      truncated: i === 1,
      ...(i === 1 ? { sha256: 'a'.repeat(64) } : {}),
    };
  });
  return {
    project,
    logstore: null,
    records,
    shards: [
      { project, logstore: 'app-logs', shard: 0, records: 17, bytes: 2048, highWatermark: 1001 },
      { project, logstore: 'nginx-access', shard: 0, records: 33, bytes: 4096, highWatermark: 1001 },
    ],
    logstores: [
      { project, logstore: 'app-logs', records: 17, bytes: 2048, evictedRecords: 0, unviewableRecords: 0 },
      { project, logstore: 'nginx-access', records: 33, bytes: 4096, evictedRecords: 120, unviewableRecords: 0 },
      { project, logstore: 'empty-store', records: 0, bytes: 0, evictedRecords: 0, unviewableRecords: 0 },
    ],
    evicted: 120,
    valueCap: 4096,
  };
}

async function serveRecords(page: Page, project: string) {
  await page.route('**/api/sandbox/records**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(recordsAnswer(project)) }),
  );
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe.skipIf(!chromiumTool.path)('code viewer, dark mode, favicon and inbox in Chromium', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000 }, (opened) => (page = opened));

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
  });

  it('wraps long lines by default, scrolls sideways when wrapping is off, and shows the whole file on request', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.emulateMedia({ colorScheme: 'light' });
    await openWizard(page);
    await selectAgent(page, 'Fluentd');
    const code = await highlightedCode(page);
    const box = () => code.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
    expect(await page.getByTestId('code-wrap').first().isChecked()).toBe(true);
    let b = await box();
    expect(b.sw).toBeLessThanOrEqual(b.cw); // nothing cut off at the right
    expect(b.sh).toBeGreaterThan(b.ch); // a long file scrolls in its box
    await page.locator('[data-testid="code-wrap"]:visible').uncheck();
    await expect.poll(async () => (await box()).sw).toBeGreaterThan((await box()).cw);
    await page.locator('[data-testid="code-wrap"]:visible').check();
    await page.locator('[data-testid="code-full-height"]:visible').check();
    await expect.poll(async () => {
      const x = await box();
      return x.sh - x.ch;
    }).toBeLessThanOrEqual(1);
    // The choice holds for the other agent's file and after a reload.
    await selectAgent(page, 'collectd');
    expect(await page.locator('[data-testid="code-full-height"]:visible').isChecked()).toBe(true);
    await page.reload();
    await fillKey(page);
    await expect.poll(() => page.locator('[data-testid="code-full-height"]:visible').isChecked()).toBe(true);
    await page.locator('[data-testid="code-full-height"]:visible').uncheck();
  });

  it('highlights collectd and Fluentd with their own grammars: a port inside a string is coloured as the string', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await openWizard(page);
    for (const [agent, needle] of [['collectd', 'Property "metadata.broker.list"'], ['Fluentd', "brokers '"]] as const) {
      await selectAgent(page, agent);
      const code = await highlightedCode(page);
      const colours = await code.evaluate((el, text) => {
        const line = Array.from(el.querySelectorAll('.line')).find((l) => l.textContent?.includes(text));
        const spans = Array.from(line?.querySelectorAll('span[style]') ?? []) as HTMLElement[];
        const host = spans.find((s) => s.textContent?.includes('10012'));
        return { hostText: host?.textContent ?? '', digitsAlone: spans.some((s) => /^\d+$/.test(s.textContent ?? '')) };
      }, needle);
      expect(colours.hostText).toMatch(/log\.aliyuncs\.com:10012/);
      expect(colours.digitsAlone).toBe(false);
    }
  });

  it('follows the system colour scheme: page and code go dark', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openWizard(page);
    await selectAgent(page, 'collectd');
    const code = await highlightedCode(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');
    const token = code.locator('span[style]').filter({ hasText: 'Plugin' }).first();
    const [colour, darkVar] = await token.evaluate((el) => [getComputedStyle(el).color, el.style.getPropertyValue('--shiki-dark')]);
    const hex = darkVar.trim().toLowerCase();
    const rgb = `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    expect(colour).toBe(rgb);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 248, 250)');
  });

  it('has no axe violations on the code viewer, wrapped and unwrapped, light', async () => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: 'light' });
    await openWizard(page);
    await highlightedCode(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="code-wrap"]:visible').uncheck();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="code-wrap"]:visible').check();
  });

  it('serves a favicon the page links to', async () => {
    await page.goto(inject('appUrl'));
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href ?? '', inject('appUrl')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toContain('<svg');
  });

  it('inbox: lists the Logstores with data and their evictions, pretty-prints JSON, names a cut value’s size, stays short on a phone', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.emulateMedia({ colorScheme: 'light' });
    await serveRecords(page, 'look-project');
    await page.goto(`${inject('appUrl')}/sandbox?project=look-project`);
    const list = page.getByTestId('logstore-list');
    await expect.poll(() => list.locator('li[data-logstore]').count()).toBe(2); // empty-store has no data
    expect(await list.locator('li[data-logstore="nginx-access"]').getByTestId('logstore-evicted').textContent()).toBe(
      '120 records evicted (retention limit)',
    );
    expect(await list.locator('li[data-logstore="app-logs"]').getByTestId('logstore-evicted').count()).toBe(0);
    const rows = page.getByTestId('records-list').locator('li.inbox-record');
    expect(await rows.count()).toBe(20);
    // JSON, pretty-printed in a fold of its own.
    const first = rows.first();
    await first.locator('summary').first().click();
    const json = first.getByTestId('record-json');
    expect(await json.textContent()).toBe(JSON.stringify(JSON.parse(recordsAnswer('look-project').records[0]?.content ?? ''), null, 2));
    await first.locator('.inbox-json > summary').click();
    expect(await json.isVisible()).toBe(false);
    // A cut value says how big it was.
    expect(await rows.nth(1).getByTestId('record-size').textContent()).toBe('70000 bytes (shown cut short: 70000 bytes were sent)');
    // Short on a phone: 20 folded records, not thousands of pixels.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(6_000);
    await noSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.unroute('**/api/sandbox/records**');
  });

  for (const scheme of SCHEMES) {
    for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
      for (const [lang, button] of Object.entries(LANGS)) {
        it(`screenshots: ${viewportName}, ${lang}, ${scheme}`, async () => {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          await openWizard(page);
          await page.getByRole('button', { name: button }).first().click();
          await highlightedCode(page);
          const main = path.join(OUT, `look-main-${viewportName}-${lang}-${scheme}.png`);
          await page.screenshot({ path: main, fullPage: true });
          expect(statSync(main).size).toBeGreaterThan(20_000);
          if (viewportName === 'phone') await noSidewaysScroll(page);

          await serveRecords(page, 'look-project');
          await page.goto(`${inject('appUrl')}/sandbox?project=look-project`);
          await page.getByRole('button', { name: button }).first().click();
          const rows = page.getByTestId('records-list').locator('li.inbox-record');
          await expect.poll(() => rows.count()).toBe(20);
          await rows.first().locator('summary').first().click();
          const inbox = path.join(OUT, `look-inbox-${viewportName}-${lang}-${scheme}.png`);
          await page.screenshot({ path: inbox, fullPage: true });
          expect(statSync(inbox).size).toBeGreaterThan(20_000);
          if (viewportName === 'phone') await noSidewaysScroll(page);
          if (viewportName === 'desktop' && lang === 'en') expect(await axeViolations(page)).toEqual([]);
          await page.unroute('**/api/sandbox/records**');
        });
      }
    }
  }
});

describe.skipIf(!chromiumTool.path)('inbox in strict mode: axe', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let app: SandboxApp;

  beforeAll(async () => {
    app = await startSandboxApp({ SANDBOX_CONFIG: path.resolve(__dirname, '../integration/fixtures/sandbox-accounts/strict.yaml') });
    browser = await launchChromium();
    browser.context.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('asks for the password, then shows records with no axe violations, light and dark', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/sandbox/records**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(recordsAnswer('strict-project')) }),
    );
    await page.goto(`${app.url}/sandbox?project=strict-project`);
    const password = page.getByLabel('Kafka password (AccessKeyId#AccessKeySecret)');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await axeViolations(page)).toEqual([]);
    await password.fill('LTAI5tStrictKeyId0000001#secret');
    await page.getByRole('button', { name: 'Show records' }).click();
    await expect.poll(() => page.getByTestId('records-list').locator('li.inbox-record').count()).toBe(20);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
