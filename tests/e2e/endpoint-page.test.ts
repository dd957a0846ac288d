import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseRegion } from '../support/region';
import { chromiumTool, useChromiumPage } from '../support/chromium';

describe.skipIf(!chromiumTool.path)('endpoint page in Chromium', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 10_000 }, (opened) => (page = opened));


  it('shows the field error for an invalid project, beside the field', async () => {
    await page.goto(inject('appUrl'));
    await page.getByLabel('Project', { exact: true }).fill('My_Project');
    // Checked on blur (or paste), not on each key.
    await page.getByLabel('Project', { exact: true }).blur();
    const error = page.locator('#project-error');
    await expect.poll(() => error.textContent()).toBe('Project: use lowercase letters only; try “my-project”.');
    expect(await page.getByLabel('Project', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Project', { exact: true }).getAttribute('aria-describedby')).toContain('project-error');
    await page.getByLabel('Project', { exact: true }).fill('my.project');
    await expect.poll(() => error.textContent()).toMatch(/^Project: “\.” is not allowed/);
    expect(await page.getByTestId('bootstrap').count()).toBe(0);
  });

  it('shows the resolved endpoint for a valid form and follows region and network', async () => {
    await page.goto(inject('appUrl'));
    await page.getByLabel('Project', { exact: true }).fill('test-project-1');
    await page.getByLabel('Logstore', { exact: true }).fill('test-logstore-1');
    await expect.poll(() => page.getByTestId('bootstrap').textContent()).toBe('test-project-1.cn-hangzhou.log.aliyuncs.com:10012');
    expect(await page.getByTestId('port').textContent()).toBe('10012');
    expect(await page.getByTestId('sasl-username').textContent()).toBe('test-project-1');
    expect(await page.getByTestId('topic').textContent()).toBe('test-logstore-1');
    expect(await page.getByTestId('sasl-password').textContent()).toContain('#••••');

    // Search narrows the region list; choose Singapore by keyboard-accessible select.
    await chooseRegion(page, 'ap-southeast-1', '新加坡');
    await page.getByRole('radio', { name: /Intranet/ }).check();
    await expect.poll(() => page.getByTestId('bootstrap').textContent()).toBe(
      'test-project-1.ap-southeast-1-intranet.log.aliyuncs.com:10011',
    );
    // The combobox lists only the matches.
    await page.locator('input#region').fill('新加坡');
    const options = await page.locator('[role="listbox"] [role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    await page.keyboard.press('Escape');
    expect(options).toContain('ap-southeast-1');
    expect(options).not.toContain('cn-beijing');
    expect(options).not.toContain('ap-southeast-2'); // closed regions are never offered

    await page.getByRole('radio', { name: /Region only/ }).check();
    await expect.poll(() => page.getByTestId('bootstrap').textContent()).toBe('ap-southeast-1-intranet.log.aliyuncs.com:10011');
  });
});
