/**
 * Vitest global setup for suites that start the app: build it once when the
 * sources are newer than the build, under the lock that keeps two projects'
 * setups (or a bench) from running `next build` in the same folder at once.
 */
import { ensureBuildLocked } from '../../scripts/build-if-needed.mjs';

export default async function setup(): Promise<void> {
  await ensureBuildLocked({ quiet: true });
}
