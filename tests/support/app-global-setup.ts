/** Vitest global setup for browser tests: one production build, one server. */
import type { TestProject } from 'vitest/node';
import { buildApp, startApp } from './app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  buildApp();
  const app = await startApp();
  project.provide('appUrl', app.url);
  return async () => {
    await app.stop();
  };
}
