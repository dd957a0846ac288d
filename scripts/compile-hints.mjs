// Marks the client chunks every page runs at start-up with V8's explicit
// compile hint (`//# allFunctionsCalledOnLoad` as the file's first line), so
// Chromium compiles their functions on the background thread that streams the
// script instead of lazily on the main thread when each module is first run.
// On the wizard that lazy compiling was most of the start-up's longest task
// (about three quarters of it on a phone, issue 13 point 11); see
// docs/performance.md#explicit-compile-hints for the source and the trade-off.
//
// Only chunks that a page always loads get the hint: the framework's root
// main files (build-manifest.json) and each app page's entry chunks (its
// client reference manifest). Lazily imported chunks (zod, shiki, the live
// output panel) keep V8's lazy compiling, which is right for code that may
// never run. Run by next.config.js's `compiler.runAfterProductionCompile`, so
// every `next build` applies it; running it twice changes nothing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function findFiles(dir, name, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, name, found);
    else if (entry.name === name) found.push(full);
  }
  return found;
}

/** The `static/chunks/…` paths every page loads at start-up, from the build's manifests. */
export function startupChunks(distDir) {
  const buildManifest = path.join(distDir, 'build-manifest.json');
  if (!existsSync(buildManifest)) throw new Error(`compile hints: ${buildManifest} is missing; run after next build's compile step`);
  const chunks = new Set(JSON.parse(readFileSync(buildManifest, 'utf8')).rootMainFiles ?? []);
  // Each manifest is a script that assigns globalThis.__RSC_MANIFEST[page]; run it in an empty context to read it.
  for (const file of findFiles(path.join(distDir, 'server', 'app'), 'page_client-reference-manifest.js')) {
    const context = vm.createContext({});
    vm.runInContext('globalThis.__RSC_MANIFEST = {};\n' + readFileSync(file, 'utf8'), context);
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const f of files) chunks.add(f);
    }
  }
  return [...chunks].filter((f) => f.endsWith('.js'));
}

/** Prepends the hint to each start-up chunk that lacks it; returns the files changed. */
export function addCompileHints(distDir) {
  const changed = [];
  for (const chunk of startupChunks(distDir)) {
    const file = path.join(distDir, chunk);
    if (!existsSync(file)) throw new Error(`compile hints: ${file} is listed in the build's manifests but missing`);
    const code = readFileSync(file, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + code);
    changed.push(chunk);
  }
  return changed;
}
