import type { CollectdOptions } from '../../settings/agents/collectd';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';

export function renderCollectdConfig(_ctx: RenderContext, _options: CollectdOptions): AgentRender {
  return { files: [], steps: [] };
}
