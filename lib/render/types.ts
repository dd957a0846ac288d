/**
 * What renderers produce: files to paste or download, and the numbered steps
 * around them (install a plugin, store a secret, place the file, restart, verify).
 */
import type { AgentId } from '../settings/agents';

export type ConfigLanguage = 'yaml' | 'toml' | 'collectd' | 'fluentd' | 'logstash' | 'jaas' | 'shell' | 'pem' | 'text';

export interface RenderedFile {
  agent: AgentId;
  /** File name inside the agent's folder of the bundle, e.g. `filebeat.yml`. */
  path: string;
  language: ConfigLanguage;
  content: string;
}

export interface RenderStep {
  agent: AgentId;
  title: string;
  /** One or two sentences: why this step, what to look for. */
  detail?: string;
  /** Shell commands, each ready to paste. */
  commands?: string[];
  /** `warning`: a known pitfall the user must read. */
  kind?: 'step' | 'warning';
}

export interface AgentRender {
  files: RenderedFile[];
  steps: RenderStep[];
}

export interface RenderResult {
  files: RenderedFile[];
  steps: RenderStep[];
}
