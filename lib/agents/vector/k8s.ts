/**
 * Vector as a Kubernetes DaemonSet: the wizard's complete config (file source
 * and kafka sink) at /etc/vector, data_dir on the host. docs/agents/vector.md (V11, K1).
 */
import { buildK8sObjects, type K8sObjects } from '../../deploy/k8s/objects';
import type { RenderContext } from '../context';
import { DATA_DIR, VECTOR_CONFIG_DIR, sandboxCaPath } from './config';
import { renderVectorConfig } from './render';
import type { VectorOptions } from './schema';

/** No version option: the release docs/agents/vector.md was checked against. */
export const VECTOR_K8S_IMAGE = 'timberio/vector:0.57.0-debian';

export function vectorKubernetes(ctx: RenderContext, options: VectorOptions): K8sObjects {
  const k8sOptions: VectorOptions = { ...options, mode: 'complete' };
  const [file] = renderVectorConfig(ctx, k8sOptions).files;
  if (!file) throw new Error('vector: the config is missing');
  const path = `${VECTOR_CONFIG_DIR}/${file.path}`;
  return buildK8sObjects(ctx, {
    agent: 'vector',
    image: VECTOR_K8S_IMAGE,
    files: [{ name: file.path, content: file.content, mountPath: path }],
    args: ['--config', path],
    caMountPath: sandboxCaPath(ctx),
    stateMountPath: DATA_DIR,
  });
}
