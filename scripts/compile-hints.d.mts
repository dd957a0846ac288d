/** Types for compile-hints.mjs (a plain ESM build script, also run by next.config.js). */
export declare const COMPILE_HINT: string;
/** The `static/chunks/…` paths every page loads at start-up, from the build's manifests. */
export declare function startupChunks(distDir: string): string[];
/** Prepends the hint to each start-up chunk that lacks it; returns the files changed. */
export declare function addCompileHints(distDir: string): string[];
