/**
 * Finds the system tools a test needs. On a developer's machine a missing tool
 * skips the test with the Debian package to install; under CI (CI=true) it fails.
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface Tool {
  path: string | undefined;
  /** Why it is missing, naming the Debian package, or undefined when present. */
  missing: string | undefined;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(name: string): string | undefined {
  if (name.includes('/')) return executable(name) ? name : undefined;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const isCI = process.env.CI === 'true';

/** Look for `name` (a command or an absolute path) provided by Debian package `debPackage`. */
export function findTool(name: string, debPackage: string): Tool {
  const found = which(name);
  if (found) return { path: found, missing: undefined };
  const missing = `${name} not found: install it with \`apt-get install -y ${debPackage}\``;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { path: undefined, missing };
}
