/**
 * Fluent Bit as a Kubernetes DaemonSet: the wizard's complete config rendered
 * for the container layout (platform `kubernetes`: /fluent-bit/etc, the tail
 * DB in /fluent-bit/state, kept on the host). docs/agents/fluentbit.md (S11, K1).
 */
import { buildK8sObjects, type K8sObjects } from '../../deploy/k8s/objects';
import type { RenderContext } from '../context';
import { renderFluentbitConfig } from './render';
import { caLocation, fileName, mainConfigPath } from './layout';
import type { FluentbitOptions } from './schema';

/** No version option: the release docs/agents/fluentbit.md was checked against. */
export const FLUENTBIT_K8S_IMAGE = 'fluent/fluent-bit:4.2.8';

export function fluentbitKubernetes(ctx: RenderContext, options: FluentbitOptions): K8sObjects {
  // A host CA path means nothing in the pod: OpenSSL's store (or the sandbox CA) instead.
  const k8sOptions: FluentbitOptions = { ...options, platform: 'kubernetes', mode: 'complete', caFile: '' };
  const file = renderFluentbitConfig(ctx, k8sOptions).files.find((f) => f.path === fileName(k8sOptions));
  if (!file) throw new Error('fluentbit: the complete config is missing');
  const main = mainConfigPath(k8sOptions);
  return buildK8sObjects(ctx, {
    agent: 'fluentbit',
    image: FLUENTBIT_K8S_IMAGE,
    files: [{ name: file.path, content: file.content, mountPath: main }],
    args: ['-c', main],
    caMountPath: caLocation(ctx, k8sOptions),
    stateMountPath: '/fluent-bit/state',
  });
}
