/**
 * scripts/compile-hints.mjs: the start-up chunks named by a build's manifests
 * (root main files, each app page's entry chunks) get V8's compile hint as
 * their first line, once; lazily imported chunks are left alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, addCompileHints, startupChunks } from '../../scripts/compile-hints.mjs';

let dist: string | undefined;
afterEach(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
  dist = undefined;
});

function fakeBuild(): string {
  dist = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
  const chunks = path.join(dist, 'static', 'chunks');
  mkdirSync(chunks, { recursive: true });
  for (const name of ['main.js', 'runtime.js', 'page.js', 'lazy.js', 'sandbox.js']) writeFileSync(path.join(chunks, name), `/* ${name} */1;`);
  writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/main.js', 'static/chunks/runtime.js'] }));
  const manifest = (page: string, files: string[]) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({
      clientModules: { x: { chunks: ['/_next/static/chunks/lazy.js'] } },
      entryJSFiles: { [`[project]/app${page}`]: files },
    })};`;
  mkdirSync(path.join(dist, 'server', 'app', 'sandbox'), { recursive: true });
  writeFileSync(path.join(dist, 'server', 'app', 'page_client-reference-manifest.js'), manifest('/page', ['static/chunks/page.js']));
  writeFileSync(
    path.join(dist, 'server', 'app', 'sandbox', 'page_client-reference-manifest.js'),
    manifest('/sandbox/page', ['static/chunks/sandbox.js', 'static/chunks/main.js']),
  );
  return dist;
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, 'static', 'chunks', name), 'utf8');

describe('compile hints', () => {
  it('lists the root main files and every page entry chunk, not lazily imported ones', () => {
    const dir = fakeBuild();
    expect(startupChunks(dir).sort()).toEqual(
      ['static/chunks/main.js', 'static/chunks/page.js', 'static/chunks/runtime.js', 'static/chunks/sandbox.js'].sort(),
    );
  });

  it('prepends the hint once and leaves other chunks as they were', () => {
    const dir = fakeBuild();
    expect(addCompileHints(dir).length).toBe(4);
    expect(read(dir, 'page.js')).toBe(`${COMPILE_HINT}/* page.js */1;`);
    expect(read(dir, 'main.js').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(read(dir, 'lazy.js')).toBe('/* lazy.js */1;');
    // A second run changes nothing.
    expect(addCompileHints(dir)).toEqual([]);
    expect(read(dir, 'page.js')).toBe(`${COMPILE_HINT}/* page.js */1;`);
  });

  it('fails with the missing file named when the build is incomplete', () => {
    const dir = fakeBuild();
    rmSync(path.join(dir, 'static', 'chunks', 'page.js'));
    expect(() => addCompileHints(dir)).toThrow(/page\.js is listed in the build's manifests but missing/);
    rmSync(path.join(dir, 'build-manifest.json'));
    expect(() => startupChunks(dir)).toThrow(/build-manifest\.json is missing/);
  });
});
