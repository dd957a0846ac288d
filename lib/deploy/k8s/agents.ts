/**
 * Which chosen agents run per node on Kubernetes, with their objects (plain
 * data, no kubernetes-models classes): the bundle's kubernetes/ folder
 * (lib/bundle/kubernetes.ts) and the "Deploy on Kubernetes" steps
 * (lib/deploy/choice.ts) both start here.
 */
import { AGENTS, renderAgent } from '../../agents';
import { createRenderContext, type RenderOptions } from '../../agents/context';
import type { AgentId } from '../../agents/meta';
import type { AgentDefinition } from '../../agents/types';
import type { Settings } from '../../settings/schema';
import type { K8sObjects } from './objects';

/** The plain Kubernetes objects per chosen per-node agent, in registry order (pure, synchronous). */
export function kubernetesObjects(settings: Settings, renderOptions: RenderOptions = {}): { agent: AgentId; objects: K8sObjects }[] {
  const ctx = createRenderContext({ ...settings, secretMode: 'env' }, renderOptions);
  const out: { agent: AgentId; objects: K8sObjects }[] = [];
  for (const agent of AGENTS as readonly AgentDefinition[]) {
    const id = agent.id as AgentId;
    const options = settings.agents[id];
    if (options === undefined || agent.kubernetes === undefined) continue;
    const files = renderAgent(id, ctx, options).files;
    const objects = agent.kubernetes(ctx, options, files);
    if (objects) out.push({ agent: id, objects });
  }
  return out;
}

