/**
 * Which platforms a rendered step is for (Linux deb/rpm, Windows, Docker,
 * Kubernetes): its `platforms` tag, else its title's wording ("on Windows",
 * "in Docker"); a step that names no platform is for every platform. Shared
 * by the output panel's step filter (components/output/step-filter.ts) and
 * the bundle README's steps for the "Deploy on" choice (lib/deploy/choice.ts).
 */
import type { RenderStep, StepPlatform } from './types';

// Checked in this order: "Filebeat in Docker on a Linux host" is a Docker step.
const WORDING: ReadonlyArray<[StepPlatform, RegExp]> = [
  ['kubernetes', /\b(kubernetes|kubectl|helm|daemonset)\b/i],
  ['docker', /\bdocker\b/i],
  ['windows', /\bwindows\b/i],
  ['linux', /\b(linux|deb\/rpm)\b/i],
];

/** The platforms a step is for, or 'all'. */
export function stepPlatforms(step: RenderStep): readonly StepPlatform[] | 'all' {
  if (step.platforms && step.platforms.length > 0) return step.platforms;
  for (const [platform, pattern] of WORDING) if (pattern.test(step.title)) return [platform];
  return 'all';
}
