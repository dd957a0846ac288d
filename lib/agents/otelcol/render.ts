/**
 * OpenTelemetry Collector renderer: one YAML file, either a complete
 * config.yaml (receiver → batch → kafka exporter) or the exporter alone,
 * plus the steps to install, place, check and restart. Pure.
 */
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import { renderOtelcolText } from './config';
import type { OtelcolOptions } from './schema';
import { otelcolFileName, otelcolSteps } from './steps';

export function renderOtelcolConfig(ctx: RenderContext, options: OtelcolOptions): AgentRender {
  return {
    files: [{ agent: 'otelcol', path: otelcolFileName(options), language: 'yaml', content: renderOtelcolText(ctx, options) }],
    steps: otelcolSteps(ctx, options),
  };
}
