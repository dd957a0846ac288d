import type { FluentdOptions } from '../../settings/agents/fluentd';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';

export function renderFluentdConfig(_ctx: RenderContext, _options: FluentdOptions): AgentRender {
  return { files: [], steps: [] };
}
