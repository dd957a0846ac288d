/** The config linter: `lintConfig({ content, filename?, agent? })` → findings, settings read, fixed file. */
export { lintConfig } from './lint';
export * from './types';
