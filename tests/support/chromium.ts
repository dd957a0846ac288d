/** Launches Debian's Chromium through playwright-core with a fresh profile. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
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
