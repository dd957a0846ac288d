/**
 * The Validate panel in Chromium against the real app: a valid form checks
 * out step by step against the bundled sandbox (open mode); a wrong secret and
 * a wrong region against a second app in strict mode show SLS's errors and
 * hints on the failing step; 403 (live check off), 400, 429, a network failure
 * and a timeout are each explained, and a check never spins forever.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chooseRegion } from '../support/region';
import { chromiumTool, launchChromium, useChromiumPage } from '../support/chromium';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';

const PROJECT = 'test-project-1';
const LOGSTORE = 'test-logstore-1';
const KEY_ID = 'LTAI5tValidE2eKeyId00001'; // 24 characters, like a current AccessKey ID
const SECRET = 'ValidE2eSecret0123456789abcdef'; // 30 letters and digits
const WRONG_SECRET = 'WrongE2eSecret0123456789abcdef';
const HANGZHOU = `${PROJECT}.cn-hangzhou.log.aliyuncs.com:10012`;
/** The steps the doctor runs against the sandbox (dialled by IP address: no DNS step). */
const SANDBOX_STEPS = ['config', 'tcp', 'tls', 'api-versions', 'sasl-handshake', 'sasl-authenticate', 'metadata', 'produce', 'acknowledgment'];

interface FormValues {
  project: string;
  logstore: string;
  accessKeyId: string;
  accessKeySecret: string;
  region?: string;
}

/** Fill the wizard's form through its inputs (react-hook-form names them by field). */
async function fillForm(page: Page, values: FormValues): Promise<void> {
  if (values.region) await chooseRegion(page, values.region);
  for (const field of ['project', 'logstore', 'accessKeyId', 'accessKeySecret'] as const) {
    await page.locator(`input[name="${field}"]`).fill(values[field]);
  }
}

const VALID: FormValues = { project: PROJECT, logstore: LOGSTORE, accessKeyId: KEY_ID, accessKeySecret: SECRET };

function stepStates(page: Page): Promise<Array<[string, string]>> {
  return page
    .getByTestId('validate-steps')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-step') ?? '', li.getAttribute('data-state') ?? '']));
}

describe.skipIf(!chromiumTool.path)('Validate panel in Chromium', () => {
  let page: Page;
  const browser = useChromiumPage({ timeoutMs: 15_000 }, (opened) => (page = opened));


  it('is disabled, with the reason, until the form is valid', async () => {
    await page.goto(inject('appUrl'));
    const button = page.getByTestId('validate-button');
    expect(await button.isDisabled()).toBe(true);
    const reasonId = await button.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reasonId}"]`).textContent()).toMatch(/^Complete the form first/);
    await fillForm(page, VALID);
    await expect.poll(() => button.isDisabled()).toBe(false);
    expect(await button.getAttribute('aria-describedby')).toBeNull();
  });

  it('checks a valid form against the sandbox: every step ✓, with times and details, announced', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page, VALID);
    const posted: Array<{ url: string; body: string }> = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/validate')) posted.push({ url: r.url(), body: r.postData() ?? '' });
    });
    await page.getByTestId('validate-button').click();
    const status = page.getByTestId('validate-status');
    await expect.poll(() => status.textContent()).toBe('All steps passed: the endpoint accepted a test record.');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    const states = await stepStates(page);
    expect(states.filter(([, s]) => s === 'ok').map(([n]) => n)).toEqual(SANDBOX_STEPS);
    expect(states.filter(([, s]) => s === 'failed')).toEqual([]);
    expect(states.find(([n]) => n === 'dns')).toEqual(['dns', 'missing']);
    expect(await page.locator('li[data-step="dns"]').textContent()).toContain('skipped: the endpoint was dialled by IP address');
    for (const name of SANDBOX_STEPS) {
      const li = page.locator(`li[data-step="${name}"]`);
      expect(await li.locator('.validate-step-mark').textContent()).toBe('✓');
      expect(await li.locator('.validate-step-ms').textContent()).toMatch(/^\d+(\.\d+)? ms$/);
      expect(((await li.locator('.validate-step-detail').textContent()) ?? '').length).toBeGreaterThan(0);
    }
    expect(await page.locator('li[data-step="tcp"] .validate-step-label').textContent()).toContain('TCP connection');
    expect(await page.locator('li[data-step="metadata"] .validate-step-detail').textContent()).toMatch(/shard/i);

    const note = page.getByTestId('validate-target-note');
    expect(await note.getAttribute('data-target')).toBe('sandbox');
    expect(await note.textContent()).toContain(`Checked against the bundled sandbox, standing in for ${HANGZHOU}.`);
    expect(await page.getByTestId('validate-inbox-link').getAttribute('href')).toBe(`/sandbox?project=${PROJECT}&logstore=${LOGSTORE}`);

    // The secret travels only in the POST body, never in the URL, and is not shown.
    expect(posted).toHaveLength(1);
    expect(posted[0]?.url).not.toContain(SECRET);
    expect(JSON.parse(posted[0]?.body ?? '{}')).toMatchObject({ project: PROJECT, accessKeySecret: SECRET, target: 'sandbox' });
    expect(await page.getByTestId('validate-panel').textContent()).not.toContain(SECRET);

    // The doctor's test record really reached the sandbox.
    const records = (await page.evaluate(
      async (u) => (await fetch(u)).json(),
      `/api/sandbox/records?project=${PROJECT}&logstore=${LOGSTORE}&limit=100`,
    )) as { records: Array<{ clientId: string | null }> };
    expect(records.records.some((r) => r.clientId?.startsWith('sls-kafka-wizard-check'))).toBe(true);

    // Both languages: the same report in Chinese.
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => status.textContent()).toBe('所有步骤均已通过：接入点已接受测试记录。');
    expect(await page.locator('li[data-step="tcp"] .validate-step-label').textContent()).toContain('TCP 连接');
    expect(await note.textContent()).toContain(`检查对象：内置沙箱（代替 ${HANGZHOU}）。`);
    await page.getByRole('button', { name: 'English' }).click();

    // Changing the form marks the report as stale.
    await page.locator('input[name="logstore"]').fill('another-logstore');
    await expect.poll(() => page.getByTestId('validate-result').textContent()).toContain('The form changed after this check');
  });

  it('offers no live check when the server does not allow it (the default), and shows each problem title once', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page, VALID);
    expect(await page.getByRole('radio', { name: 'SLS itself (live check)' }).count()).toBe(0);
    expect(await page.getByTestId('validate-target-only').textContent()).toContain('The bundled sandbox endpoint');
    // A 429 from the server: the title is said once (the status line), the box explains.
    await page.route('**/api/validate', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '7' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many checks' } }),
      }),
    );
    await page.getByTestId('validate-button').click();
    const problem = page.getByTestId('validate-problem');
    await expect.poll(() => problem.getAttribute('data-kind')).toBe('rate-limited');
    const title = (await page.getByTestId('validate-status').textContent()) ?? '';
    expect(title.length).toBeGreaterThan(0);
    const panelText = (await page.getByTestId('validate-panel').textContent()) ?? '';
    expect(panelText.split(title).length - 1).toBe(1);
    expect(await problem.locator('h3').count()).toBe(0);
    await page.unroute('**/api/validate');
  });

  it('explains field errors (400), the rate limit (429) and a network failure', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page, VALID);
    const problem = page.getByTestId('validate-problem');
    const button = page.getByTestId('validate-button');

    await page.route('**/api/validate', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'invalid_settings', message: '2 fields need fixing' },
          fields: [
            { field: 'logstore', message: 'Logstore: use lowercase letters only.' },
            { field: 'agents.beats.compression', message: 'Compression: choose gzip, snappy, lz4 or none.' },
          ],
        }),
      }),
    );
    await button.click();
    await expect.poll(() => problem.getAttribute('data-kind')).toBe('invalid');
    expect(await problem.locator('li').allTextContents()).toEqual([
      'logstore: Logstore: use lowercase letters only.',
      'agents.beats.compression: Compression: choose gzip, snappy, lz4 or none.',
    ]);
    // The field name takes the user to the field.
    await problem.getByRole('button', { name: 'Field logstore' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('logstore');
    await page.unroute('**/api/validate');

    await page.route('**/api/validate', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'retry-after': '17' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many checks from this client: wait 17 s and try again.' } }),
      }),
    );
    await button.click();
    await expect.poll(() => problem.getAttribute('data-kind')).toBe('rate-limited');
    expect(await problem.textContent()).toContain('Wait 17 s and try again.');
    await page.unroute('**/api/validate');

    await page.route('**/api/validate', (route) => route.abort('connectionrefused'));
    await button.click();
    await expect.poll(() => problem.getAttribute('data-kind')).toBe('network');
    expect(await page.getByTestId('validate-status').textContent()).toBe('Could not reach the wizard’s server');
    expect(await problem.textContent()).toMatch(/Check your network connection/);
    await page.unroute('**/api/validate');
  });

  it('loads the report code lazily, and says so when it cannot be loaded', async () => {
    const fresh = await browser.context.newPage();
    try {
      // The wizard's own code loads on the first interaction: interact, and wait until everything it
      // fetched has arrived (the settings runtime, the live output panel, the option sections, highlighting).
      // The report is not among them.
      const inFlight = new Set<unknown>();
      fresh.on('request', (r) => inFlight.add(r));
      fresh.on('requestfinished', (r) => inFlight.delete(r));
      fresh.on('requestfailed', (r) => inFlight.delete(r));
      await fresh.goto(inject('appUrl'), { waitUntil: 'networkidle' });
      await fresh.locator('#project').focus();
      await expect.poll(() => fresh.getByTestId('form-status').textContent()).not.toBe('');
      await expect.poll(() => fresh.locator('[data-testid="output-panel"]:not([data-preview])').count()).toBe(1);
      await expect.poll(() => fresh.locator('pre.output-code.highlighted').count()).toBeGreaterThan(0);
      await expect.poll(() => inFlight.size).toBe(0);
      // From here on no more code can be fetched: the report's chunk (loaded on demand) fails.
      const chunks: string[] = [];
      await fresh.route('**/_next/static/chunks/**', (route) => {
        chunks.push(route.request().url());
        return route.abort('connectionrefused');
      });
      await fillForm(fresh, VALID);
      await fresh.getByTestId('validate-button').click();
      await expect.poll(() => fresh.getByTestId('validate-status').textContent()).toMatch(
        /^The report view could not be loaded \(.+\)\. Check your connection and reload the page\.$/,
      );
      expect(chunks.length).toBeGreaterThan(0);
      expect(await fresh.getByTestId('validate-button').textContent()).toBe('Validate');
    } finally {
      await fresh.close();
    }
  });

  it('ignores a second click while running and gives up after 10 s instead of spinning', async () => {
    await page.goto(inject('appUrl'));
    await fillForm(page, VALID);
    let requests = 0;
    // The server never answers.
    await page.route('**/api/validate', () => {
      requests++;
    });
    const button = page.getByTestId('validate-button');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Checking…');
    expect(await button.getAttribute('aria-busy')).toBe('true');
    // The button says it is busy (aria-disabled, so Playwright's click would wait); click it anyway.
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await button.dispatchEvent('click');
    await button.dispatchEvent('click');
    expect(await page.getByTestId('validate-status').textContent()).toBe('Checking the connection…');
    await expect.poll(() => page.getByTestId('validate-elapsed').textContent()).toMatch(/^Checking the connection… [1-9]\d* s \(gives up after 10 s\)$/);
    const problem = page.getByTestId('validate-problem');
    await expect.poll(() => problem.getAttribute('data-kind'), { timeout: 15_000 }).toBe('timeout');
    expect(requests).toBe(1);
    expect(await page.getByTestId('validate-status').textContent()).toBe('No answer within 10 s');
    expect(await button.textContent()).toBe('Validate');
    expect(await page.getByTestId('validate-elapsed').count()).toBe(0);

    // Cancel ends a running check at once.
    await button.click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('validate-status').textContent()).toBe('The check was cancelled.');
    expect(requests).toBe(2);
    await page.unroute('**/api/validate');
  });
});

describe.skipIf(!chromiumTool.path)('Validate against a strict-mode sandbox (SLS errors)', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let app: SandboxApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sls-validate-e2e-'));
    const config = path.join(dir, 'accounts.yaml');
    writeFileSync(
      config,
      [
        'projects:',
        `  - name: ${PROJECT}`,
        '    region: cn-hangzhou',
        '    logstores:',
        `      - name: ${LOGSTORE}`,
        '        shards: 2',
        'accessKeys:',
        `  - id: ${KEY_ID}`,
        `    secret: ${SECRET}`,
        `    allow: ["${PROJECT}/*"]`,
        '',
      ].join('\n'),
    );
    app = await startSandboxApp({ SANDBOX_CONFIG: config, VALIDATE_BURST: '100', ALLOW_LIVE_CHECK: '1' });
    browser = await launchChromium();
    browser.context.setDefaultTimeout(15_000);
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offers the live check when the server allows it, and explains a 403 with the sandbox as a way out', async () => {
    await page.goto(app.url);
    await fillForm(page, VALID);
    await page.getByRole('radio', { name: 'SLS itself (live check)' }).check();
    // The server turned live checks off after the page loaded: intercepted, so nothing dials SLS.
    await page.route('**/api/validate', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { target?: string };
      if (body.target !== 'sls') return route.continue();
      return route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'live_check_disabled', message: 'Live checks are off. Set ALLOW_LIVE_CHECK=1 to allow them.' } }),
      });
    });
    await page.getByTestId('validate-button').click();
    const problem = page.getByTestId('validate-problem');
    await expect.poll(() => problem.getAttribute('data-kind')).toBe('live-disabled');
    expect(await page.getByTestId('validate-status').textContent()).toBe('Live checks are turned off on this server');
    expect(await problem.textContent()).toContain('ALLOW_LIVE_CHECK=1');
    expect(await problem.textContent()).not.toContain('Live checks are turned off on this server');
    await page.getByRole('button', { name: 'Check against the sandbox instead' }).click();
    await expect.poll(() => page.getByTestId('validate-status').textContent()).toBe('All steps passed: the endpoint accepted a test record.');
    expect(await page.getByRole('radio', { name: /^The bundled sandbox endpoint/ }).isChecked()).toBe(true);
    await page.unroute('**/api/validate');
  });

  it('passes with the listed AccessKey', async () => {
    await page.goto(app.url);
    await fillForm(page, VALID);
    await page.getByTestId('validate-button').click();
    await expect.poll(() => page.getByTestId('validate-status').textContent()).toBe('All steps passed: the endpoint accepted a test record.');
  });

  it('shows TopicAuthorizationException and its hint on the failing step for a wrong secret', async () => {
    await page.goto(app.url);
    await fillForm(page, { ...VALID, accessKeySecret: WRONG_SECRET });
    await page.getByTestId('validate-button').click();
    const status = page.getByTestId('validate-status');
    await expect.poll(() => status.textContent()).toMatch(/^Failed at “.+”: TopicAuthorizationException\.$/);
    expect(await page.getByTestId('validate-error-name').textContent()).toBe('TopicAuthorizationException');
    expect(await page.getByTestId('validate-error-hint').textContent()).toBe(
      'What to do: Use a valid AccessKey (preferably a RAM user’s) and grant it write permission (log:PostLogStoreLogs) on the project and Logstore.',
    );
    expect(await page.getByTestId('validate-error').textContent()).toContain('(code 29)');

    const states = await stepStates(page);
    const failed = states.filter(([, s]) => s === 'failed');
    expect(failed).toHaveLength(1);
    const [failedName] = failed[0] ?? [''];
    const failedLi = page.locator(`li[data-step="${failedName}"]`);
    expect(await failedLi.locator('.validate-step-mark').textContent()).toBe('✗');
    expect(await failedLi.locator('.validate-step-error').textContent()).toBe('TopicAuthorizationException');
    expect(await status.textContent()).toBe(`Failed at “${await failedLi.locator('.validate-step-label').evaluate((e) => e.firstChild?.textContent?.trim())}”: TopicAuthorizationException.`);
    // The login itself succeeds (SLS refuses per topic), the steps after the failure are not reached.
    expect(states.find(([n]) => n === 'sasl-authenticate')?.[1]).toBe('ok');
    const failedAt = states.findIndex(([n]) => n === failedName);
    expect(states.slice(failedAt + 1).every(([, s]) => s === 'missing')).toBe(true);
    expect(await page.locator('li[data-step="acknowledgment"]').textContent()).toContain('not reached');
    expect(await page.getByTestId('validate-panel').textContent()).not.toContain(WRONG_SECRET);

    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.getByTestId('validate-error-hint').textContent()).toBe(
      '处理方法：请使用有效的 AccessKey（建议使用 RAM 用户的 AccessKey），并为其授予该项目和日志库的写入权限（log:PostLogStoreLogs）。',
    );
    expect(await status.textContent()).toMatch(/^在“.+”步骤失败：TopicAuthorizationException。$/);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('shows UnknownTopicOrPartitionException when the region is not the project’s', async () => {
    await page.goto(app.url);
    await fillForm(page, { ...VALID, region: 'cn-shanghai' });
    await page.getByTestId('validate-button').click();
    await expect.poll(() => page.getByTestId('validate-error-name').textContent()).toBe('UnknownTopicOrPartitionException');
    expect(await page.getByTestId('validate-error-hint').textContent()).toContain('make sure the endpoint’s region is the project’s region');
    expect(await page.getByTestId('validate-target-note').textContent()).toContain(
      `standing in for ${PROJECT}.cn-shanghai.log.aliyuncs.com:10012`,
    );
  });
});
