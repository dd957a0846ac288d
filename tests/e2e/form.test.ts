import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chooseRegion } from '../support/region';
import { chromiumTool, useChromiumPage } from '../support/chromium';

const PROJECT = 'test-project-1';
const LOGSTORE = 'test-logstore-1';
const ACCESS_KEY_ID = 'LTAI5tFormTestKeyId00001';
const SECRET = 'FormTestSecret0123456789abcdef';

/** The text of an element, or null when it is not on the page. */
async function textOf(locator: Locator): Promise<string | null> {
  return (await locator.count()) === 0 ? null : locator.first().textContent();
}

/** The error element tied to a control: named by its aria-describedby and inside the same field. */
async function errorBeside(control: Locator): Promise<string | null> {
  return control.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const field = el.closest('.field, fieldset');
    for (const id of ids) {
      const node = document.getElementById(id);
      if (node && node.classList.contains('error') && field?.contains(node)) return node.textContent;
    }
    return null;
  });
}

describe.skipIf(!chromiumTool.path)('settings form in Chromium', () => {
  let page: Page;
  const browser = useChromiumPage(
    {
      timeoutMs: 10_000,
      // Each test starts in English, whatever the previous one chose.
      prepare: (context) => context.addInitScript(() => window.localStorage.removeItem('sls-kafka-wizard.lang')),
    },
    (opened) => (page = opened),
  );

  beforeEach(async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(inject('appUrl'));
    // Hydrated: the Beats options (filled in with their defaults by the client) are there.
    await page.getByTestId('agent-options-beats').waitFor();
  });

  const status = () => textOf(page.getByTestId('form-status'));

  it('lets a new user fill in the whole form, by label, until every setting is valid', async () => {
    // Output first: what is not typed yet shows as placeholders.
    expect(await status()).toMatch(/^The configs are ready, with placeholders for: Project, Logstore, AccessKey ID, AccessKey secret\.$/);

    // Endpoint
    await chooseRegion(page, 'eu-central-1', 'frankfurt');
    await page.getByRole('radio', { name: /Intranet/ }).check();
    await page.getByLabel('Project', { exact: true }).fill(PROJECT);
    await page.getByLabel('Logstore', { exact: true }).fill(LOGSTORE);
    // Credentials
    await page.getByLabel('AccessKey ID').fill(ACCESS_KEY_ID);
    await page.getByLabel('AccessKey secret').fill(SECRET);
    await page.getByRole('radio', { name: 'Keystore or environment variable' }).check();
    const form = page.locator('form.settings-form');
    expect(await form.getByText(/only reference SLS_KAFKA_PASSWORD/).count()).toBe(1);
    expect(await form.getByText(/AccessKey of a RAM user/).count()).toBe(1);
    // Logstore options and target
    await page.getByLabel('Expand JSON into fields').check();
    expect(await textOf(page.locator('#expandJson-help'))).toContain(`${LOGSTORE}.json`);
    await page.getByRole('switch', { name: 'Sandbox mode' }).check();
    expect(await page.getByRole('link', { name: 'Open the sandbox inbox' }).getAttribute('href')).toBe(
      `/sandbox?project=${PROJECT}&logstore=${LOGSTORE}`,
    );

    // Agents: all five, each with some options changed.
    for (const name of ['collectd', 'Telegraf', 'Fluentd', 'Logstash']) await page.getByRole('checkbox', { name, exact: true }).check();
    const beats = page.getByTestId('agent-options-beats');
    await beats.getByRole('checkbox', { name: 'Metricbeat' }).check();
    await beats.getByRole('radio', { name: 'Complete minimal config' }).check();
    // Every agent's advanced options, folded by default, opened.
    for (const id of ['beats', 'collectd', 'telegraf', 'fluentd', 'logstash']) await page.getByTestId(`advanced-${id}`).waitFor();
    const folded = page.locator('details.advanced-options:not([open]) > summary');
    for (let i = 0; i < 10 && (await folded.count()) > 0; i += 1) await folded.first().click();
    await beats.getByLabel('Log paths (Filebeat)').fill('/var/log/app/*.log\n/var/log/nginx/access.log');
    await beats.getByLabel('Compression').selectOption('lz4');
    await beats.getByLabel('Max message bytes').fill('500000');
    const collectd = page.getByTestId('agent-options-collectd');
    await collectd.getByRole('radio', { name: 'RHEL / CentOS / Rocky / Alma' }).check();
    await collectd.getByLabel('Store counters as rates (StoreRates)').uncheck();
    const telegraf = page.getByTestId('agent-options-telegraf');
    await telegraf.getByRole('radio', { name: '1.17 – 1.24' }).check();
    await telegraf.getByLabel('Max retries').fill('5');
    const fluentd = page.getByTestId('agent-options-fluentd');
    await fluentd.getByLabel('Match pattern').fill('app.**');
    await fluentd.getByRole('radio', { name: 'A PEM file' }).check();
    await fluentd.getByRole('textbox', { name: 'CA path' }).fill('/etc/pki/tls/certs/ca-bundle.crt');
    await fluentd.getByLabel('Chunk limit size').fill('2m');
    const logstash = page.getByTestId('agent-options-logstash');
    await logstash.getByLabel('Logstash version').selectOption('7.17');
    await logstash.getByRole('radio', { name: 'Beats (listen on a port)' }).check();
    await logstash.getByLabel('Beats port').fill('5045');

    await expect.poll(status).toBe('All settings are valid: the configs are ready.');
    expect(await page.locator('.settings-form .error').count()).toBe(0);
    expect(await page.getByTestId('bootstrap').textContent()).toBe(`${PROJECT}.eu-central-1-intranet.log.aliyuncs.com:10011`);
    // The controls hold what was chosen (numbers stay numbers: a number input reads them back).
    expect(await beats.getByLabel('Max message bytes').evaluate((el) => (el as HTMLInputElement).valueAsNumber)).toBe(500000);
    expect(await beats.getByLabel('Log paths (Filebeat)').inputValue()).toBe('/var/log/app/*.log\n/var/log/nginx/access.log');
    expect(await telegraf.getByRole('radio', { name: '1.17 – 1.24' }).isChecked()).toBe(true);
    // Telegraf's CA path only matters for the custom OS family: not shown.
    expect(await telegraf.getByRole('textbox', { name: 'CA path' }).count()).toBe(0);
  });

  it('adds and removes an agent’s options section as the agent is chosen, by mouse or keyboard', async () => {
    expect(await page.getByTestId('agent-options-telegraf').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Telegraf', exact: true }).check();
    await page.getByTestId('agent-options-telegraf').waitFor();
    expect(await page.getByTestId('agent-options-telegraf').getByRole('group', { name: 'Layout' }).count()).toBe(1);

    // Keyboard: focus the collectd box and press Space.
    await page.getByRole('checkbox', { name: 'collectd', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByTestId('agent-options-collectd').waitFor();

    await page.getByRole('checkbox', { name: 'Telegraf', exact: true }).uncheck();
    await expect.poll(() => page.getByTestId('agent-options-telegraf').count()).toBe(0);
    await page.getByRole('checkbox', { name: /^Beats/ }).uncheck();
    await page.getByRole('checkbox', { name: 'collectd', exact: true }).uncheck();
    await expect.poll(() => page.locator('.agent-options').count()).toBe(0);
    expect(await textOf(page.locator('.form-section [role="status"]'))).toBe('Choose at least one agent to get a config.');

    // Chosen again, an agent comes back with the schema's defaults.
    await page.getByRole('checkbox', { name: /^Beats/ }).check();
    const beats = page.getByTestId('agent-options-beats');
    await beats.waitFor();
    expect(await beats.getByLabel('Compression').inputValue()).toBe('gzip');
    expect(await beats.getByRole('checkbox', { name: 'Filebeat' }).isChecked()).toBe(true);
    expect(await beats.getByRole('radio', { name: '8.x' }).isChecked()).toBe(true);
  });

  it('shows an agent option’s error beside the field, cross-field errors included, and clears it when fixed', async () => {
    const beats = page.getByTestId('agent-options-beats');
    const compression = beats.getByLabel('Compression');
    await compression.selectOption('zstd');
    await expect.poll(() => errorBeside(compression)).toBe(
      'Compression: Beats 8 has no zstd; choose gzip (or lz4, snappy, none), or set Beats version to 9.',
    );
    expect(await compression.getAttribute('aria-invalid')).toBe('true');
    expect(await status()).toContain('Beats: Compression');
    // Fixing the other field clears it.
    await beats.getByRole('radio', { name: '9.x' }).check();
    await expect.poll(() => errorBeside(compression)).toBeNull();
    expect(await compression.getAttribute('aria-invalid')).toBeNull();

    // A number out of range, then fixed.
    // Max message bytes is an advanced option: folded until opened.
    await beats.getByTestId('advanced-beats').locator('summary').click();
    const maxBytes = beats.getByLabel('Max message bytes');
    await maxBytes.fill('2000000');
    await maxBytes.blur();
    await expect.poll(() => errorBeside(maxBytes)).toBe('Max message bytes: enter at most 1048576; SLS accepts log entries of up to 1 MB.');
    await maxBytes.fill('');
    await expect.poll(() => errorBeside(maxBytes)).toBe('Max message bytes: enter a whole number such as 1000000.');
    await maxBytes.fill('900000');
    await expect.poll(() => errorBeside(maxBytes)).toBeNull();

    // One entry per line: the error names the line.
    await beats.getByRole('radio', { name: 'Complete minimal config' }).check();
    const paths = beats.getByLabel('Log paths (Filebeat)');
    await paths.fill('/var/log/ok.log\nrelative/app.log');
    await paths.blur();
    await expect.poll(() => errorBeside(paths)).toBe(
      'Line 2: Log paths: use an absolute path such as /var/log/*.log or C:\\logs\\*.log.',
    );
    // The text typed is kept as typed while it is wrong.
    expect(await paths.inputValue()).toBe('/var/log/ok.log\nrelative/app.log');
    await paths.fill('/var/log/ok.log\n/srv/app.log');
    await expect.poll(() => errorBeside(paths)).toBeNull();

    // A field required by another choice appears with its error, and clears when filled in.
    await page.getByRole('checkbox', { name: 'Telegraf', exact: true }).check();
    const telegraf = page.getByTestId('agent-options-telegraf');
    await telegraf.getByTestId('advanced-telegraf').locator('summary').click();
    await telegraf.getByRole('radio', { name: 'Other (enter the CA path)' }).check();
    const caPath = telegraf.getByRole('textbox', { name: 'CA path' });
    await expect.poll(() => errorBeside(caPath)).toMatch(/^CA path: enter the PEM file that holds your CA bundle/);
    await caPath.fill('/etc/ssl/certs/ca-certificates.crt');
    await expect.poll(() => errorBeside(caPath)).toBeNull();
  });

  it('hides the secret behind a password input with a show/hide toggle and never puts it in the page’s text', async () => {
    await page.getByLabel('Project', { exact: true }).fill(PROJECT);
    await page.getByLabel('Logstore', { exact: true }).fill(LOGSTORE);
    await page.getByLabel('AccessKey ID').fill(ACCESS_KEY_ID);
    const secret = page.getByLabel('AccessKey secret');
    await secret.fill(SECRET);
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.getAttribute('autocomplete')).toBe('off');
    const toggle = page.getByRole('button', { name: 'Show secret' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(status).toBe('All settings are valid: the configs are ready.');
    const pageText = () => page.evaluate(() => document.body.innerText);
    expect(await pageText()).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await secret.getAttribute('type')).toBe('text');
    expect(await secret.inputValue()).toBe(SECRET);
    // By keyboard: Enter on the focused toggle hides it again.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.inputValue()).toBe(SECRET);
    expect(await pageText()).not.toContain(SECRET);

    // An error about the secret does not quote it.
    await secret.fill('abcdefghij!klmnopqrstu');
    await expect.poll(() => errorBeside(secret)).toBe(
      'AccessKey secret: remove the character that is not a letter or digit; AccessKeys have only letters and digits.',
    );
    expect(await pageText()).not.toContain('abcdefghij');
  });

  it('switches labels, help and error messages to Simplified Chinese and back', async () => {
    await page.getByLabel('Project', { exact: true }).fill('My_Project');
    await page.getByLabel('Project', { exact: true }).blur();
    await expect.poll(() => textOf(page.locator('#project-error'))).toBe('Project: use lowercase letters only; try “my-project”.');
    const compression = page.getByTestId('agent-options-beats').getByLabel('Compression');
    await compression.selectOption('zstd');
    await expect.poll(() => errorBeside(compression)).toMatch(/^Compression: Beats 8 has no zstd/);

    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => textOf(page.locator('#project-error'))).toBe('项目：只能使用小写字母；可以改为“my-project”。');
    expect(await page.getByLabel('项目', { exact: true }).inputValue()).toBe('My_Project');
    expect(await page.getByLabel('日志库', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('AccessKey Secret').count()).toBe(1);
    expect(await page.getByRole('switch', { name: '沙箱模式' }).count()).toBe(1);
    expect(await page.getByText('要生成配置的采集器').count()).toBe(1);
    const beats = page.getByTestId('agent-options-beats');
    expect(await textOf(beats.locator('legend').first())).toBe('Beats 选项');
    const compressionZh = beats.getByLabel('压缩方式');
    expect(await errorBeside(compressionZh)).toBe('压缩方式：Beats 8 不支持 zstd；请选择 gzip（或 lz4、snappy、none），或把 Beats 版本设为 9。');
    // Empty fields are placeholders in the output; only the wrong ones are still to fix.
    expect(await status()).toMatch(/^还需填写或修正：项目、Beats：压缩方式。$/);
    // New errors come in Chinese too.
    await beats.getByTestId('advanced-beats').locator('summary').click();
    await beats.getByLabel('单条消息最大字节数').fill('0');
    await beats.getByLabel('单条消息最大字节数').blur();
    await expect.poll(() => errorBeside(beats.getByLabel('单条消息最大字节数'))).toBe('单条消息最大字节数：请输入不小于 1 的数（默认为 1000000）。');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => textOf(page.locator('#project-error'))).toBe('Project: use lowercase letters only; try “my-project”.');
    expect(await page.getByLabel('Project', { exact: true }).inputValue()).toBe('My_Project');
  });

  it('keeps the endpoint summary in step with region, network, host form, JSON and sandbox choices', async () => {
    await page.getByLabel('Project', { exact: true }).fill(PROJECT);
    await page.getByLabel('Logstore', { exact: true }).fill(LOGSTORE);
    const bootstrap = () => textOf(page.getByTestId('bootstrap'));
    await expect.poll(bootstrap).toBe(`${PROJECT}.cn-hangzhou.log.aliyuncs.com:10012`);
    await chooseRegion(page, 'ap-southeast-1');
    await expect.poll(bootstrap).toBe(`${PROJECT}.ap-southeast-1.log.aliyuncs.com:10012`);
    await page.getByRole('radio', { name: /Intranet/ }).check();
    await expect.poll(bootstrap).toBe(`${PROJECT}.ap-southeast-1-intranet.log.aliyuncs.com:10011`);
    expect(await textOf(page.getByTestId('port'))).toBe('10011');
    await page.getByRole('radio', { name: /Region only/ }).check();
    await expect.poll(bootstrap).toBe('ap-southeast-1-intranet.log.aliyuncs.com:10011');
    await page.getByRole('radio', { name: /Internet/ }).check();
    await expect.poll(bootstrap).toBe('ap-southeast-1.log.aliyuncs.com:10012');
    expect(await textOf(page.getByTestId('sasl-username'))).toBe(PROJECT);
    expect(await textOf(page.getByTestId('topic'))).toBe(LOGSTORE);

    const summary = page.getByTestId('endpoint-summary');
    expect(await summary.textContent()).toContain('(the Logstore)');
    await page.getByLabel('Expand JSON into fields').check();
    await expect.poll(() => summary.textContent()).toContain('expands JSON');
    expect(await page.getByTestId('summary-sandbox').count()).toBe(0);
    await page.getByRole('switch', { name: 'Sandbox mode' }).check();
    await page.getByTestId('summary-sandbox').waitFor();
    await page.getByRole('switch', { name: 'Sandbox mode' }).uncheck();
    await expect.poll(() => page.getByTestId('summary-sandbox').count()).toBe(0);

    // A broken name takes the summary away rather than showing a wrong host.
    await page.getByLabel('Project', { exact: true }).fill('no');
    await expect.poll(() => page.getByTestId('bootstrap').count()).toBe(0);
  });

  it('keeps what was typed before the page became interactive', async () => {
    const other = await browser.context.newPage();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the page's scripts back, so the server-rendered inputs are typed into before React takes over.
    await other.route('**/_next/static/**/*.js', async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await other.goto(inject('appUrl'), { waitUntil: 'domcontentloaded' });
      await other.locator('input[name="project"]').fill(PROJECT);
      await other.locator('input[name="logstore"]').fill(LOGSTORE);
      expect(await other.getByTestId('agent-options-beats').count()).toBe(0);
      release();
      await other.getByTestId('agent-options-beats').waitFor();
      await expect.poll(() => textOf(other.getByTestId('bootstrap'))).toBe(`${PROJECT}.cn-hangzhou.log.aliyuncs.com:10012`);
      expect(await other.getByLabel('Project', { exact: true }).inputValue()).toBe(PROJECT);
      expect(await other.getByLabel('Logstore', { exact: true }).inputValue()).toBe(LOGSTORE);
    } finally {
      release();
      await other.close();
    }
  });

  it('lays the form out in one column at phone width, without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('checkbox', { name: 'Logstash', exact: true }).check();
    const grid = page.getByTestId('agent-options-logstash').locator('.option-grid').first();
    await grid.waitFor();
    const columns = await grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    // Nothing in the form is wider than the phone: every control ends inside the viewport.
    const widest = await page.locator('.settings-form').evaluate((form) =>
      Math.max(...Array.from(form.querySelectorAll('input, select, textarea, button, legend, p, label')).map((el) => el.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    expect(await page.locator('.settings-form').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length)).toBe(2);
  });
});
