/**
 * `sls-kafka render` and `sls-kafka bundle`: the wizard's output from this
 * host. Both run the same pure code as the browser and POST /api/render
 * (lib/agents renderSettings, lib/bundle bundleEntries), so `render --out DIR`
 * writes the files of the zip, a folder per agent, with the README as
 * STEPS.md, and `bundle` writes the very zip the browser builds (zipBundle,
 * reproducible: the same settings give the same bytes).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSettings, type RenderResult } from '../../lib/agents';
import { README_PATH, bundleFileName, type BundleEntry } from '../../lib/bundle';
import { fullBundleEntries } from '../../lib/bundle/kubernetes';
import { zipBundle } from '../../lib/bundle/zip';
import { DEFAULT_DEPLOY_TARGET, type DeployTarget } from '../../lib/deploy/choice';
import type { Settings } from '../../lib/settings/schema';
import { parseRuntimeConfig } from '../../lib/sandbox/config';
import { sandboxTarget } from '../../lib/sandbox/target';
import { CliError, EXIT, errorMessage } from '../errors';
import type { Io } from '../io';

export const STEPS_PATH = 'STEPS.md';

export interface RenderFlags {
  wizardUrl?: string;
  ca?: string;
  /** The "Deploy on" choice: which deploy files and steps (default host, as in the wizard). */
  deploy?: DeployTarget;
}

export interface Rendered {
  settings: Settings;
  result: RenderResult;
  entries: BundleEntry[];
  /** Bundle paths of the files that hold the AccessKey secret. */
  secretPaths: string[];
}

/** Render and lay out the bundle, exactly as the wizard does for the same settings. */
export async function renderBundle(settings: Settings, flags: RenderFlags, env: NodeJS.ProcessEnv): Promise<Rendered> {
  let config;
  try {
    config = parseRuntimeConfig(env);
  } catch (err) {
    throw new CliError(`environment: ${errorMessage(err)}`);
  }
  // As /api/render: the advertised sandbox address from SANDBOX_PUBLIC_HOST / SANDBOX_PUBLIC_PORT, the CA at the wizard's URL.
  const wizardUrl = flags.wizardUrl ?? `http://localhost:${config.http.port}`;
  try {
    new URL(wizardUrl);
  } catch {
    throw new CliError(`--wizard-url: “${wizardUrl}” is not a URL; give the wizard’s address, e.g. http://localhost:3000.`);
  }
  const renderOptions = { sandbox: sandboxTarget(wizardUrl, config) };
  const result = renderSettings(settings, renderOptions);
  let sandboxCaPem: string | undefined;
  if (flags.ca !== undefined) {
    try {
      sandboxCaPem = readFileSync(flags.ca, 'utf8');
    } catch (err) {
      throw new CliError(`--ca ${flags.ca}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the sandbox CA file (DATA_DIR/sandbox-ca.pem).`);
    }
    if (!sandboxCaPem.includes('-----BEGIN CERTIFICATE-----')) throw new CliError(`--ca ${flags.ca}: not a PEM certificate.`);
  }
  const entries = await fullBundleEntries({ result, settings, sandboxCaPem, renderOptions, deploy: flags.deploy ?? DEFAULT_DEPLOY_TARGET });
  const secret = settings.accessKeySecret;
  const secretPaths = entries.filter((e) => e.path !== README_PATH && e.content.includes(secret)).map((e) => e.path);
  return { settings, result, entries, secretPaths };
}

/** Owner-only for anything that holds the secret. */
function modeFor(holdsSecret: boolean): number {
  return holdsSecret ? 0o600 : 0o644;
}

function notes(io: Io, rendered: Rendered, flags: RenderFlags): void {
  if (rendered.secretPaths.length > 0) {
    io.err(`warning: ${rendered.secretPaths.join(', ')} hold${rendered.secretPaths.length === 1 ? 's' : ''} the AccessKey secret (written owner-only); keep ${rendered.secretPaths.length === 1 ? 'it' : 'them'} private.`);
  }
  if (rendered.settings.target === 'sandbox' && flags.ca === undefined) {
    io.err('note: target sandbox without --ca: the sandbox CA is not included; the steps say where to download it.');
  }
}

export function writeRenderDir(io: Io, rendered: Rendered, outDir: string, flags: RenderFlags): number {
  const written: string[] = [];
  try {
    mkdirSync(outDir, { recursive: true });
    for (const entry of rendered.entries) {
      const rel = entry.path === README_PATH ? STEPS_PATH : entry.path;
      const file = path.join(outDir, ...rel.split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      const holds = rendered.secretPaths.includes(entry.path);
      writeFileSync(file, entry.content, { mode: modeFor(holds) });
      written.push(rel);
    }
  } catch (err) {
    throw new CliError(`--out ${outDir}: cannot write (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}).`, EXIT.environment);
  }
  for (const rel of written) io.out(path.join(outDir, rel));
  notes(io, rendered, flags);
  return EXIT.ok;
}

export async function writeBundle(io: Io, rendered: Rendered, outFile: string | undefined, flags: RenderFlags): Promise<number> {
  const file = outFile ?? bundleFileName(rendered.settings);
  if (!file.toLowerCase().endsWith('.zip')) throw new CliError(`--out ${file}: name the zip file, ending in .zip.`);
  const bytes = await zipBundle(rendered.entries);
  try {
    writeFileSync(file, bytes, { mode: modeFor(rendered.secretPaths.length > 0) });
  } catch (err) {
    throw new CliError(`--out ${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}).`, EXIT.environment);
  }
  io.out(`${file} (${bytes.length} bytes, ${rendered.entries.length} files)`);
  notes(io, rendered, flags);
  return EXIT.ok;
}
