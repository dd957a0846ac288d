/**
 * The "Deploy on" choice's values, alone so that the share link (lib/share)
 * and the panel's control read them without loading the deploy code.
 */
export const DEPLOY_TARGETS = ['host', 'kubernetes', 'docker'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];
export const DEFAULT_DEPLOY_TARGET: DeployTarget = 'host';

export function isDeployTarget(value: unknown): value is DeployTarget {
  return typeof value === 'string' && (DEPLOY_TARGETS as readonly string[]).includes(value);
}
