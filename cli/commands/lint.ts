/**
 * `sls-kafka lint FILE ...`: the linter's findings (lib/lint, the same code as
 * POST /api/lint) as `file:line: severity rule message`, or `--format json`;
 * exit 1 on any error. `--fix` writes the linter's fixed file beside the
 * original (`filebeat.yml` → `filebeat.fixed.yml`), never over it.
 *
 * lib/lint comes from a parallel branch (i14lint); until it is merged it is
 * loaded at run time by path and typed here by its documented contract
 * (`lintConfig({ content, filename?, agent? })`, DESIGN.md "POST /api/lint"),
 * and the command says plainly when it is missing.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, EXIT, errorMessage } from '../errors';
import type { Io } from '../io';

export interface LintFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info' | string;
  line: number;
  column?: number;
  message: string;
  fix?: unknown;
}

export interface LintResult {
  agent?: string;
  language?: string;
  findings: LintFinding[];
  settings?: unknown;
  fixed?: string;
}

export type LintConfig = (input: { content: string; filename?: string; agent?: string }) => LintResult | Promise<LintResult>;

/** Largest file linted: configs are a few kB; the same order as the routes' body limit. */
const MAX_FILE_BYTES = 1024 * 1024;

export function loadLinter(root: string): LintConfig {
  const entry = ['index.ts', 'index.tsx'].map((f) => path.join(root, 'lib', 'lint', f)).find((f) => existsSync(f));
  if (!entry) throw new CliError('lint: the linter (lib/lint) is not part of this build.', EXIT.environment);
  // Loaded through tsx's CommonJS hook (bin/sls-kafka.mjs registers it); `require` is that hook's.
  const mod = require(entry) as { lintConfig?: LintConfig };
  if (typeof mod.lintConfig !== 'function') throw new CliError('lint: lib/lint has no lintConfig function.', EXIT.environment);
  return mod.lintConfig;
}

/** `filebeat.yml` → `filebeat.fixed.yml`; `pipeline.conf` → `pipeline.fixed.conf`; `Makefile` → `Makefile.fixed`. */
export function fixedPath(file: string): string {
  const ext = path.extname(file);
  return ext ? `${file.slice(0, -ext.length)}.fixed${ext}` : `${file}.fixed`;
}

export interface LintFlags {
  format: 'text' | 'json';
  fix?: boolean;
  agent?: string;
}

export async function lintCommand(io: Io, root: string, files: string[], flags: LintFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new CliError(`--format: “${String(flags.format)}” is not text or json.`);
  const lintConfig = loadLinter(root);
  const report: Array<{ file: string; agent?: string; language?: string; findings: LintFinding[]; fixedFile?: string }> = [];
  let errors = 0;
  for (const file of files) {
    let content: string;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) throw new CliError(`${file}: larger than ${MAX_FILE_BYTES / 1024} KiB; an agent config is a few kB.`);
      content = readFileSync(file, 'utf8');
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}).`);
    }
    let result: LintResult;
    try {
      result = await lintConfig({ content, filename: path.basename(file), ...(flags.agent ? { agent: flags.agent } : {}) });
    } catch (err) {
      // Content of no known kind (the route's 422) and the like: the linter's message, never the content.
      throw new CliError(`${file}: ${errorMessage(err)}`);
    }
    let fixedFile: string | undefined;
    if (flags.fix && result.fixed !== undefined && result.fixed !== content) {
      fixedFile = fixedPath(file);
      try {
        writeFileSync(fixedFile, result.fixed, { mode: statSync(file).mode & 0o777 });
      } catch (err) {
        throw new CliError(`${fixedFile}: cannot write (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}).`, EXIT.environment);
      }
    }
    errors += result.findings.filter((f) => f.severity === 'error').length;
    report.push({ file, agent: result.agent, language: result.language, findings: result.findings, ...(fixedFile ? { fixedFile } : {}) });
  }
  if (flags.format === 'json') {
    io.out(JSON.stringify({ ok: errors === 0, files: report }, null, 2));
  } else {
    for (const r of report) {
      for (const f of r.findings) io.out(`${r.file}:${f.line}: ${f.severity} ${f.rule} ${f.message}`);
      if (r.fixedFile) io.err(`${r.file}: fixed file written to ${r.fixedFile}`);
    }
    const total = report.reduce((n, r) => n + r.findings.length, 0);
    io.err(`${files.length} file${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${total - errors} other finding${total - errors === 1 ? '' : 's'}`);
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}
