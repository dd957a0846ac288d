// JavaScript transferred by network idle on the empty wizard form, measured
// from the browser's network events (not the build's first-load figure): every
// script response's encoded body size (what came over the wire, gzip) until
// the network has been idle for 500 ms, in a phone-sized Chromium with no
// interaction. Budget: 190 kB.
//
//   node bench/js-by-idle.mjs            # one BENCH line, exit 1 when over
//   node bench/js-by-idle.mjs --verbose  # plus one line per script
import { chromium } from 'playwright-core';
import { buildWithLock, CHROME_FLAGS, CHROME_PATH, startApp } from './app.mjs';

const BUDGET_KB = 190;
const verbose = process.argv.includes('--verbose');

/** Sum of script bytes transferred until networkidle; `url` is the page. */
export async function scriptBytesByIdle(browser, url, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: false });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: e.response.url, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const list = [...scripts.values()];
  await context.close();
  return list;
}

async function main() {
  await buildWithLock();
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS.filter((f) => f !== '--headless') });
  try {
    const list = await scriptBytesByIdle(browser, app.url);
    const total = list.reduce((sum, s) => sum + s.bytes, 0);
    if (verbose) for (const s of list) console.log(`  ${(s.bytes / 1024).toFixed(1).padStart(7)} kB  ${new URL(s.url).pathname}`);
    const kb = total / 1024;
    console.log(`BENCH JS by idle (empty form, network events) ${kb.toFixed(1)} kB transferred in ${list.length} scripts (budget ${BUDGET_KB} kB)`);
    if (list.length === 0) throw new Error('no script responses seen: is this the Next.js app?');
    if (kb > BUDGET_KB) process.exitCode = 1;
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
