#!/usr/bin/env node
// `sls-kafka`: the command line (cli/main.ts). The CLI is TypeScript in the
// source tree, loaded through tsx's CommonJS hook (tsx is a runtime
// dependency), as the sandbox worker loads its entry (lib/sandbox/
// worker-client.ts): no build step, from a checkout or an installed tarball,
// from any directory. The CommonJS hook rather than tsImport: the library's own
// lazy `import('fflate')` does not resolve from tsImport's namespaced modules.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The project's tsconfig, not whatever tsconfig the current directory has (the worker thread inherits it).
process.env.TSX_TSCONFIG_PATH = path.join(root, 'tsconfig.json');
const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const cli = require(path.join(root, 'cli', 'main.ts'));
// Exit at once with the code (stdout and stderr writes to pipes and files are synchronous on Linux and macOS).
process.exit(await cli.main(process.argv.slice(2), { root }));
