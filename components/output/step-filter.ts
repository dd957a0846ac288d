/**
 * Which of an agent's steps to show: those for the platform the user picked
 * (Linux deb/rpm, Windows, Docker, Kubernetes) and, for an agent with several
 * config files (three Beats), those for the file whose tab is open. A step
 * tagged with `platforms` (lib/agents/types.ts) is filtered by the tag; an
 * untagged one by its title's wording ("on Windows", "in Docker"), and a step
 * that names no platform is for every platform.
 */
import type { RenderedFile, RenderStep, StepPlatform } from '@/lib/agents/types';
import { stepPlatforms } from '@/lib/agents/step-platforms';

export { stepPlatforms };

export const STEP_PLATFORMS: readonly StepPlatform[] = ['linux', 'windows', 'docker', 'kubernetes'];
export const DEFAULT_PLATFORM: StepPlatform = 'linux';

export function isStepPlatform(value: unknown): value is StepPlatform {
  return typeof value === 'string' && (STEP_PLATFORMS as readonly string[]).includes(value);
}

/** The platforms an agent's steps distinguish, in STEP_PLATFORMS order (empty or one: no choice to offer). */
export function platformsOf(steps: readonly RenderStep[]): StepPlatform[] {
  const seen = new Set<StepPlatform>();
  for (const step of steps) {
    const p = stepPlatforms(step);
    if (p !== 'all') for (const one of p) seen.add(one);
  }
  return STEP_PLATFORMS.filter((p) => seen.has(p));
}

/** The platform whose steps are shown: the chosen one when the agent has it, else its first. */
export function effectivePlatform(steps: readonly RenderStep[], chosen: StepPlatform): StepPlatform | undefined {
  const offered = platformsOf(steps);
  if (offered.length < 2) return undefined;
  return offered.includes(chosen) ? chosen : offered[0];
}

/** A file's name without its extension, lower case: `filebeat.yml` → `filebeat`. */
function stem(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.[^.]+$/, '').toLowerCase();
}

function mentions(title: string, word: string): boolean {
  return word.length >= 3 && title.toLowerCase().includes(word);
}

/**
 * The steps to show for `platform` (undefined: all) and the open file (undefined: all).
 * A step whose title names another of the agent's files, and not the open
 * one, belongs to that file ("Metricbeat on Linux" while metricbeat.yml is closed).
 */
export function visibleSteps(
  steps: readonly RenderStep[],
  { platform, files, selectedFile }: { platform?: StepPlatform; files: readonly RenderedFile[]; selectedFile?: string },
): RenderStep[] {
  const stems = Array.from(new Set(files.map((f) => stem(f.path))));
  const selectedStem = selectedFile !== undefined && stems.length > 1 ? stem(selectedFile) : undefined;
  return steps.filter((step) => {
    if (platform) {
      const p = stepPlatforms(step);
      if (p !== 'all' && !p.includes(platform)) return false;
    }
    if (selectedStem !== undefined && !mentions(step.title, selectedStem)) {
      if (stems.some((s) => s !== selectedStem && mentions(step.title, s))) return false;
    }
    return true;
  });
}
