/** Vitest global setup for browser tests: one production build, one server. */
import type { TestProject } from 'vitest/node';
import { startApp } from './app-server';
import build from './build-global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await build();
  const app = await startApp();
  project.provide('appUrl', app.url);
  return async () => {
    await app.stop();
  };
}
