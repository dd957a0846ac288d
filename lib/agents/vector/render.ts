/**
 * Vector renderer: one YAML or TOML file, either a complete config (file
 * source → kafka sink for SLS) or the sink alone, plus the steps to install,
 * place, check and restart. Pure: settings in, text out.
 */
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import { renderVectorText } from './config';
import type { VectorOptions } from './schema';
import { vectorFileName, vectorSteps } from './steps';

export function renderVectorConfig(ctx: RenderContext, options: VectorOptions): AgentRender {
  return {
    files: [
      {
        agent: 'vector',
        path: vectorFileName(options),
        language: options.format,
        content: renderVectorText(ctx, options),
      },
    ],
    steps: vectorSteps(ctx, options),
  };
}
