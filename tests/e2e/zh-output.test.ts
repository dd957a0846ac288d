/**
 * zh-CN all the way, in Chromium: with 简体中文 chosen, every agent's output
 * (all twelve, the steps for each platform it offers and each of its files)
 * and the connection check's report (a real check against the sandbox) show
 * no text left in English. Every visible text node of the output panel and
 * the check panel is read, except code (files, commands), which stays as it
 * is; tests/support/zh-text.ts says what counts as English (names, options,
 * file names and quoted log lines are allowed).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AGENT_IDS, agentTitle } from '@/lib/agents/meta';
import type { SettingsInput } from '@/lib/settings/schema';
import { shareHash } from '@/lib/share/url-state';
import { chromiumTool, useChromiumPage } from '../support/chromium';
import { untranslated } from '../support/zh-text';
import { EXAMPLE_INPUT } from '../support/settings';

/** Every agent, sandbox mode, env mode: the steps with the most variety; no AccessKey (share links carry none). */
const SETTINGS: SettingsInput = {
  ...EXAMPLE_INPUT,
  accessKeyId: '',
  accessKeySecret: '',
  secretMode: 'env',
  target: 'sandbox',
  agents: Object.fromEntries(AGENT_IDS.map((id) => [id, {}])),
};

/** The agents' short names are names in both languages (lib/agents/<id>/meta.json). */
const AGENT_TITLES = new Set(AGENT_IDS.map((id) => agentTitle(id)));

/** The visible text nodes under `root`, outside code, pre and form controls. */
function visibleTexts(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.closest('pre, code, textarea, script, style, .sr-only')) continue;
      // Hidden tab panels (inactive agents, files) are not on screen.
      if (parent.closest('[hidden]') || parent.getClientRects().length === 0) continue;
      out.push(text);
    }
    return out;
  });
}

/** Comments inside the visible commands (a `#` after a space, to the end of the line). */
function commandComments(root: Locator): Promise<string[]> {
  return root.locator('.output-command code').evaluateAll((codes) =>
    codes
      .filter((code) => code.getClientRects().length > 0)
      .flatMap((code) => (code.textContent ?? '').split('\n'))
      .map((line) => /(?:^|\s)#\s+(.*)$/.exec(line)?.[1] ?? '')
      .filter((comment) => comment !== ''),
  );
}

/** Open the wizard on a share link of `settings` and switch it to Simplified Chinese. */
async function openInChinese(page: Page, settings: SettingsInput): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${inject('appUrl')}/${shareHash(settings)}`);
  await expect.poll(() => page.locator('input[name="project"]').inputValue()).toBe(settings.project);
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
}

function english(texts: readonly string[]): string[] {
  return texts.filter((text) => !AGENT_TITLES.has(text) && untranslated(text) !== undefined);
}

describe.skipIf(!chromiumTool.path)('zh-CN output and check report in Chromium', () => {
  let page: Page;
  useChromiumPage({ timeoutMs: 20_000 }, (opened) => (page = opened));

  it('shows every agent’s steps, for every platform and file, without English', async () => {
    await openInChinese(page, SETTINGS);
    const panel = page.getByTestId('output-panel');
    const agents = panel.getByRole('tablist', { name: '采集代理' });
    await expect.poll(() => agents.getByRole('tab').count()).toBe(AGENT_IDS.length);

    const found = new Set<string>();
    let views = 0;
    let read = 0;
    for (const id of AGENT_IDS) {
      const tab = agents.getByRole('tab', { name: agentTitle(id), exact: true });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      const agentPanel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
      const fileTabs = agentPanel.locator('.output-file-tabs [role="tab"]');
      const platforms = agentPanel.locator('[data-testid="platform-picker"] input[type="radio"]');
      const platformCount = Math.max(await platforms.count(), 1);
      for (let p = 0; p < platformCount; p += 1) {
        if ((await platforms.count()) > 0) await platforms.nth(p).check();
        for (let f = 0; f < Math.max(await fileTabs.count(), 1); f += 1) {
          if ((await fileTabs.count()) > 0) await fileTabs.nth(f).click();
          // The steps are rendered: at least one on screen, in Chinese already.
          await expect.poll(async () => (await agentPanel.locator('[data-testid="step"]').count()) > 0).toBe(true);
          views += 1;
          const texts = await visibleTexts(panel);
          read += texts.length;
          for (const text of english([...texts, ...(await commandComments(agentPanel))])) found.add(`${id}: ${text}`);
        }
      }
    }
    expect(views).toBeGreaterThanOrEqual(AGENT_IDS.length + 3);
    // Not vacuous: each view showed the panel's strings and several steps.
    expect(read).toBeGreaterThan(views * 10);
    expect([...found]).toEqual([]);
  });

  it('shows the page around it (title, intro, form, status) without English', async () => {
    await openInChinese(page, SETTINGS);
    await expect.poll(() => page.getByTestId('output-panel').locator('[data-testid="step"]').count()).toBeGreaterThan(0);
    const texts = await visibleTexts(page.locator('body'));
    expect(texts.length).toBeGreaterThan(50);
    expect(english(texts)).toEqual([]);
    await expect.poll(() => page.title()).toBe('SLS Kafka 配置向导');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.title()).toBe('SLS Kafka wizard');
  });

  it('titles the inbox and the checker in the chosen language', async () => {
    await page.goto(`${inject('appUrl')}/sandbox`);
    await expect.poll(() => page.title()).toBe('Sandbox inbox · SLS Kafka wizard');
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect.poll(() => page.title()).toBe('沙箱收件箱 · SLS Kafka 配置向导');
    // The choice carries over to the checker.
    await page.goto(`${inject('appUrl')}/check`);
    await expect.poll(() => page.title()).toBe('检查现有配置 · SLS Kafka 配置向导');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.title()).toBe('Check my config · SLS Kafka wizard');
  });

  it('shows the check report against the sandbox without English', async () => {
    // The check runs against the sandbox for configs that target SLS (the default), with the AccessKey typed in
    // (inline mode: env mode folds the optional AccessKey fields away).
    await openInChinese(page, { ...SETTINGS, target: 'sls', secretMode: 'inline', agents: { beats: {} } });
    await page.locator('input[name="accessKeyId"]').fill('LTAI5tZhE2eKeyId00000001');
    await page.locator('input[name="accessKeySecret"]').fill('ZhE2eSecret0123456789abcdefgh');
    const button = page.getByTestId('validate-button');
    await expect.poll(() => button.isDisabled()).toBe(false);
    await button.click();
    const report = page.getByTestId('validate-report');
    await expect.poll(() => report.getAttribute('data-ok'), { timeout: 30_000 }).toBe('true');
    const details = await report.locator('.validate-step-detail').allTextContents();
    expect(details.length).toBeGreaterThanOrEqual(8);
    const check = page.locator('section:has([data-testid="validate-button"])');
    expect(english([...(await visibleTexts(check)), ...details])).toEqual([]);
  });
});
