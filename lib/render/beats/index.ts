import type { BeatsOptions } from '../../settings/agents/beats';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';

export function renderBeatsConfig(_ctx: RenderContext, _options: BeatsOptions): AgentRender {
  return { files: [], steps: [] };
}
