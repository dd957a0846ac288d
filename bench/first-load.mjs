// First-load JavaScript budget of the wizard page: builds the app if needed,
// starts it (`next start`, SANDBOX=off) on a free port, fetches `/`, gzips every
// `<script src>` of the page at zlib level 9 and compares the sum with the
// budget. `nomodule` scripts (the legacy polyfills) are left out: browsers
// that run ES modules never fetch them, and the 131 kB of an empty Next 16
// page the budget is measured against does not count them either. Lazily loaded chunks (shiki, fflate) are not in the page's script
// tags, so a static import of either shows up here as a jump in size.
//
//   node bench/first-load.mjs            # prints one BENCH line, exit 1 when over
//   node bench/first-load.mjs --verbose  # plus one line per script
import { spawn } from 'node:child_process';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { nextBin, root } from '../scripts/build-if-needed.mjs';
// The same build lock as the test suites' build setup, so two builds never share .next.
import { buildWithLock, freePort } from './app.mjs';

const BUDGET_KB = 190;
const verbose = process.argv.includes('--verbose');

async function waitForServer(url, child, output) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `src` of every <script> tag, resolved against the page URL, in page order, without duplicates. */
function scriptSources(html, pageUrl) {
  const sources = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    const src = (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&');
    // `nomodule` scripts (Next's legacy polyfills) are never fetched by browsers that run modules.
    if (!src || /\bnomodule\b/i.test(match[0])) continue;
    const url = new URL(src, pageUrl).href;
    if (!sources.includes(url)) sources.push(url);
  }
  return sources;
}

async function main() {
  await buildWithLock();
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), SANDBOX: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const pageUrl = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(pageUrl, child, () => log);
    const html = await (await fetch(pageUrl)).text();
    const sources = scriptSources(html, pageUrl);
    if (sources.length === 0) throw new Error('the page has no <script src>: is this the Next.js app?');
    let total = 0;
    for (const src of sources) {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`GET ${src} answered ${res.status}`);
      const body = Buffer.from(await res.arrayBuffer());
      const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
      total += gz;
      if (verbose) console.log(`  ${(gz / 1024).toFixed(1).padStart(7)} kB gzip  ${(body.length / 1024).toFixed(1).padStart(7)} kB raw  ${new URL(src).pathname}`);
    }
    const kb = total / 1024;
    console.log(`BENCH first-load JS ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
    if (kb > BUDGET_KB) {
      console.error(`first-load JS is ${(kb - BUDGET_KB).toFixed(1)} kB over budget: load heavy modules with dynamic import()`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
