import type { LogstashOptions } from '../../settings/agents/logstash';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';

export function renderLogstashConfig(_ctx: RenderContext, _options: LogstashOptions): AgentRender {
  return { files: [], steps: [] };
}
