import type { TelegrafOptions } from '../../settings/agents/telegraf';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';

export function renderTelegrafConfig(_ctx: RenderContext, _options: TelegrafOptions): AgentRender {
  return { files: [], steps: [] };
}
