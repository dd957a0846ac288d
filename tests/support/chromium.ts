/** Launches Debian's Chromium through playwright-core with a fresh profile, and opens one page per describe block. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { findTool } from './tools';

export const chromiumTool = findTool('/usr/bin/chromium', 'chromium');

export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!chromiumTool.path) throw new Error(chromiumTool.missing);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'sls-wizard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumTool.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface ChromiumPageOptions {
  /** Playwright's default wait for every action and locator of the page. */
  timeoutMs: number;
  /** Grant clipboard read and write to the app's origin (the copy buttons). */
  clipboard?: boolean;
  /** Runs on the fresh context before the page opens (init scripts and the like). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

/**
 * One Chromium page for the describe block that calls this: launched in its
 * beforeAll, handed to `opened`, closed with its profile in its afterAll. The
 * returned context opens more pages in the same profile.
 */
export function useChromiumPage(options: ChromiumPageOptions, opened: (page: Page) => void): { readonly context: BrowserContext } {
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    browser.context.setDefaultTimeout(options.timeoutMs);
    if (options.clipboard) {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('appUrl')).origin });
    }
    await options.prepare?.(browser.context);
    opened(await browser.context.newPage());
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get context() {
      if (!browser) throw new Error('Chromium is not running: use the context inside a test of the block that called useChromiumPage');
      return browser.context;
    },
  };
}
