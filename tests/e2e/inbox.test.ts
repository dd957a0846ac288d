/**
 * The sandbox inbox page (/sandbox) in Chromium with a real producer: kcat
 * (librdkafka) writes over SASL_SSL PLAIN to the app's sandbox endpoint, and the
 * page shows the records arriving, their spread over the shards, and warns when
 * a constant message key pins every record to one shard. Both languages.
 */
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumTool, useChromiumPage } from '../support/chromium';
import { findTool } from '../support/tools';

const kcat = findTool('kcat', 'kcat');

// A project of its own: the e2e server (and its record store) is shared by every browser test.
const PROJECT = `inbox-e2e-${Date.now().toString(36)}`;
const SPREAD_LOGSTORE = 'spread-logstore';
const KEYED_LOGSTORE = 'keyed_logstore';
const ACCESS_KEY_ID = 'LTAI5tInboxE2eKeyId00001';
const ACCESS_KEY_SECRET = 'InboxE2eSecret0123456789abcdef';

/** Produce `lines` with kcat; with `key`, every record carries that key (kcat -K:). */
function produce(logstore: string, lines: string[], key?: string): Promise<void> {
  const args = [
    '-P',
    '-b',
    `localhost:${inject('sandboxPort')}`,
    '-t',
    logstore,
    '-X',
    'security.protocol=SASL_SSL',
    '-X',
    'sasl.mechanisms=PLAIN',
    '-X',
    `sasl.username=${PROJECT}`,
    '-X',
    `sasl.password=${ACCESS_KEY_ID}#${ACCESS_KEY_SECRET}`,
    '-X',
    `ssl.ca.location=${inject('sandboxCaFile')}`,
    // librdkafka's sticky partitioner would put a quick burst of keyless records on one
    // partition; turn it off so keyless records are spread record by record.
    '-X',
    'sticky.partitioning.linger.ms=0',
  ];
  if (key !== undefined) args.push('-K:');
  const input = lines.map((l) => (key !== undefined ? `${key}:${l}` : l)).join('\n') + '\n';
  return new Promise((resolve, reject) => {
    const child = spawn(kcat.path ?? 'kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`kcat exited with ${code}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}

function inboxUrl(logstore?: string, project = PROJECT): string {
  const q = new URLSearchParams({ project, ...(logstore ? { logstore } : {}) });
  return `${inject('appUrl')}/sandbox?${q}`;
}

describe.skipIf(!chromiumTool.path || !kcat.path)('sandbox inbox in Chromium with kcat', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 15_000 }, (opened) => (page = opened));


  it('shows how to connect: the sandbox bootstrap and a CA that downloads', async () => {
    await page.goto(`${inject('appUrl')}/sandbox`);
    expect(await page.getByTestId('sandbox-bootstrap').textContent()).toBe(`localhost:${inject('sandboxPort')}`);
    const href = await page.getByTestId('sandbox-ca-link').getAttribute('href');
    expect(href).toBe('/api/sandbox/ca');
    const pem = await page.evaluate(async (u) => (await fetch(u)).text(), href ?? '');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(await page.getByTestId('inbox-status').textContent()).toBe('Enter a project to start watching.');
  });

  it('keeps its code off the wizard page', async () => {
    const scripts = async (url: string) => {
      const html = await (await fetch(url)).text();
      const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1] ?? '', url).href);
      return Promise.all(srcs.map(async (src) => (await fetch(src)).text()));
    };
    const marker = 'pins all your data to one shard'; // a sentence of the inbox's messages
    expect((await scripts(`${inject('appUrl')}/sandbox`)).some((js) => js.includes(marker))).toBe(true);
    expect((await scripts(inject('appUrl'))).some((js) => js.includes(marker))).toBe(false);
  });

  it('refuses a bad name from the query string beside the field, and in Chinese', async () => {
    await page.goto(inboxUrl(undefined, 'Bad_Project'));
    const project = page.getByLabel('Project', { exact: true });
    expect(await project.inputValue()).toBe('Bad_Project');
    expect(await project.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await project.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Project: use lowercase letters only; try “bad-project”.');
    // Nothing is polled for an invalid name.
    expect(await page.getByTestId('inbox-status').textContent()).toBe('Enter a project to start watching.');
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.locator(`[id="${errorId}"]`).textContent()).toBe('项目：只能使用小写字母，可以改为“bad-project”。');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('shows keyless records arriving, spread over both shards', async () => {
    await page.goto(inboxUrl(SPREAD_LOGSTORE));
    await expect.poll(() => page.getByTestId('inbox-updated').textContent()).toMatch(/^Last update: /);
    expect(await page.getByTestId('records-empty').isVisible()).toBe(true);

    // The page is already open: the records must arrive by polling, without a reload.
    await produce(
      SPREAD_LOGSTORE,
      Array.from({ length: 20 }, (_, i) => `spread record ${i}`),
    );
    const rows = page.getByTestId('records-list').locator('li.inbox-record');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(20);
    const contents = await page.getByTestId('record-content').allTextContents();
    expect(new Set(contents)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `spread record ${i}`)));
    expect(await page.getByTestId('record-key').allTextContents()).toEqual(Array(20).fill('(none)'));

    // Per-shard counts from the store: both shards received records, 20 in all.
    const shardRows = page.getByTestId('shard-table').locator('tr[data-shard]');
    const counts = await shardRows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-shard'), Number(tr.getAttribute('data-records'))]));
    expect(counts.map(([s]) => s)).toEqual(['0', '1']);
    expect(counts.every(([, n]) => (n as number) > 0)).toBe(true);
    expect(counts.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(20);
    expect(await page.getByTestId('spread-ok').textContent()).toBe(`✓ Logstore ${SPREAD_LOGSTORE}: the last 20 records reached shards 0, 1.`);
    expect(await page.getByTestId('spread-warning').count()).toBe(0);

    // Client id and time columns are filled (librdkafka's default client id).
    const firstRow = rows.first();
    expect(await firstRow.getByTestId('record-client').textContent()).toBe('rdkafka');
    // Folded to one line until opened.
    expect(await firstRow.getByTestId('record-content').isVisible()).toBe(false);
    await firstRow.locator('summary').click();
    expect(await firstRow.getByTestId('record-content').isVisible()).toBe(true);
    expect(await firstRow.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('warns when a constant key pins every record to one shard, in both languages', async () => {
    await produce(
      KEYED_LOGSTORE,
      Array.from({ length: 20 }, (_, i) => `keyed record ${i}`),
      'host-1',
    );
    // Switch Logstore in the picker: the URL follows, polling restarts.
    await page.getByLabel('Logstore', { exact: true }).fill(KEYED_LOGSTORE);
    await page.getByRole('button', { name: 'Show records' }).click();
    expect(new URL(page.url()).searchParams.get('logstore')).toBe(KEYED_LOGSTORE);
    const warning = page.getByTestId('spread-warning');
    await expect.poll(() => warning.count(), { timeout: 15_000 }).toBe(1);
    expect(await warning.getAttribute('data-kind')).toBe('constant-key');
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain(`Logstore ${KEYED_LOGSTORE}: every record lands on one shard`);
    expect(text).toMatch(/The last 20 records all went to shard [01], but the Logstore has 2 shards\./);
    expect(text).toContain('the same message key “host-1”');
    expect(text).toContain('Beats: delete “key” under output.kafka');
    expect(await page.getByTestId('record-key').allTextContents()).toEqual(Array(20).fill('host-1'));
    expect(await page.getByTestId('shard-table').locator('tr[data-shard]').count()).toBe(1);

    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('沙箱收件箱');
    const zh = (await warning.textContent()) ?? '';
    expect(zh).toContain(`日志库 ${KEYED_LOGSTORE}：所有记录都写入了同一个分片`);
    expect(zh).toContain('消息 Key 都是“host-1”');
    expect(await page.getByTestId('inbox-status').textContent()).toBe(`正在查看 ${PROJECT}/${KEYED_LOGSTORE}：每 2 秒刷新一次。`);
    expect(await page.getByRole('columnheader', { name: '分片' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sandbox inbox');
  });

  it('lists every Logstore of the project when the Logstore is left empty', async () => {
    await page.goto(inboxUrl());
    const rows = page.getByTestId('records-list').locator('li.inbox-record');
    // 20 at a time: the rest behind "Show 20 more".
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByTestId('records-more').click();
    await expect.poll(() => rows.count()).toBe(40);
    expect(await page.getByTestId('records-more').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Logstore' }).count()).toBe(1); // the shard table
    const logstores = await page.getByTestId('logstore-list').locator('li[data-logstore]').evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-logstore'), li.getAttribute('data-records')] as const),
    );
    expect(new Map(logstores)).toEqual(new Map([[SPREAD_LOGSTORE, '20'], [KEYED_LOGSTORE, '20']]));
    expect(await page.getByTestId('spread-warning').getAttribute('data-logstore')).toBe(KEYED_LOGSTORE);
    expect(await page.getByTestId('spread-ok').getAttribute('data-logstore')).toBe(SPREAD_LOGSTORE);
    // Filtering narrows the list; a Logstore's button watches it alone.
    await page.getByTestId('records-filter').fill('keyed record 1');
    await expect.poll(() => rows.count()).toBe(11); // 1, 10..19
    await page.getByTestId('records-filter').fill('');
    await page.getByRole('button', { name: `Watch ${SPREAD_LOGSTORE}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('logstore')).toBe(SPREAD_LOGSTORE);
    await expect.poll(() => rows.count()).toBe(20);
    expect(new Set(await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-logstore'))))).toEqual(new Set([SPREAD_LOGSTORE]));
  });

  it('stops on an error with a message and a retry button, and pauses while the tab is hidden', async () => {
    await page.goto(inboxUrl(SPREAD_LOGSTORE));
    await expect.poll(() => page.getByTestId('records-list').locator('li.inbox-record').count()).toBe(20);

    // The server goes away: polling stops with a message and a retry button.
    await page.route('**/api/sandbox/records**', (route) => route.abort('connectionrefused'));
    const error = page.getByTestId('inbox-error');
    await expect.poll(() => error.count(), { timeout: 10_000 }).toBe(1);
    expect(await error.textContent()).toMatch(/^Could not reach the wizard’s server \(.+\)\. Check that it is still running\.Retry$/);
    expect(await page.getByTestId('inbox-status').textContent()).toBe('Updates stopped.');
    let requests = 0;
    await page.unroute('**/api/sandbox/records**');
    page.on('request', (r) => {
      if (r.url().includes('/api/sandbox/records')) requests++;
    });
    await page.waitForTimeout(2_500);
    expect(requests).toBe(0); // stopped means stopped
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => error.count()).toBe(0);
    await expect.poll(() => requests).toBeGreaterThan(0);
    expect(await page.getByTestId('inbox-status').textContent()).toBe(`Watching ${PROJECT}/${SPREAD_LOGSTORE}: updates every 2 s.`);

    // A 400 from the server is shown with its message.
    await page.route('**/api/sandbox/records**', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_settings', message: 'limit: at most 1000 records per request.' } }) }),
    );
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toBe('The server answered HTTP 400: limit: at most 1000 records per request.Retry');
    await page.unroute('**/api/sandbox/records**');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => error.count()).toBe(0);

    // Hidden tab: no requests until it is visible again.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => page.getByTestId('inbox-status').textContent()).toBe(
      'Paused while this tab is hidden; updates resume when you come back.',
    );
    const before = requests;
    await page.waitForTimeout(4_500);
    expect(requests).toBe(before);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => requests).toBeGreaterThan(before);
    expect(await page.getByTestId('inbox-status').textContent()).toBe(`Watching ${PROJECT}/${SPREAD_LOGSTORE}: updates every 2 s.`);

    // The Pause button stops polling until Resume.
    await page.getByTestId('inbox-pause').click();
    await expect.poll(() => page.getByTestId('inbox-status').textContent()).toBe('Paused: press “Resume updates” to continue.');
    expect(await page.getByTestId('inbox-pause').getAttribute('aria-pressed')).toBe('true');
    const atPause = requests;
    await page.waitForTimeout(4_500);
    expect(requests).toBe(atPause);
    await page.getByRole('button', { name: 'Resume updates' }).click();
    await expect.poll(() => requests).toBeGreaterThan(atPause);
    expect(await page.getByTestId('inbox-status').textContent()).toBe(`Watching ${PROJECT}/${SPREAD_LOGSTORE}: updates every 2 s.`);
  });
});
