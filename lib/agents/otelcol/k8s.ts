/**
 * The OpenTelemetry Collector (contrib) as a Kubernetes DaemonSet: the
 * wizard's complete config with the filelog receiver at the image's default
 * path; the image tag follows the version choice. docs/agents/otelcol.md (K1).
 */
import { buildK8sObjects, type K8sObjects } from '../../deploy/k8s/objects';
import type { RenderContext } from '../context';
import { OTELCOL_CONFIG_DIR } from './config';
import { renderOtelcolConfig } from './render';
import type { OtelcolOptions } from './schema';

/** post124: a release checked for docs/agents/otelcol.md; pre124: the last release before v0.124.0. */
export const OTELCOL_K8S_IMAGES: Readonly<Record<OtelcolOptions['version'], string>> = {
  post124: 'otel/opentelemetry-collector-contrib:0.150.0',
  pre124: 'otel/opentelemetry-collector-contrib:0.123.0',
};

export function otelcolKubernetes(ctx: RenderContext, options: OtelcolOptions): K8sObjects {
  // A node agent reads the node's files; OTLP from applications needs a Service, not a DaemonSet.
  const k8sOptions: OtelcolOptions = { ...options, mode: 'complete', receiver: 'filelog', extraSignals: [] };
  const [file] = renderOtelcolConfig(ctx, k8sOptions).files;
  if (!file) throw new Error('otelcol: the config is missing');
  const path = `${OTELCOL_CONFIG_DIR}/${file.path}`;
  return buildK8sObjects(ctx, {
    agent: 'otelcol',
    image: OTELCOL_K8S_IMAGES[options.version],
    files: [{ name: file.path, content: file.content, mountPath: path }],
    args: [`--config=${path}`],
    caMountPath: ctx.sandbox ? `${OTELCOL_CONFIG_DIR}/${ctx.sandbox.caFileName}` : undefined,
  });
}
