/**
 * The "Deploy on" choice (host, Kubernetes, Docker): which deploy files the
 * zip carries and which steps the panel and the README show. Pure, so the
 * browser's zip and `sls-kafka bundle --deploy …` hold the same files.
 *
 * - host: the configs, install.sh / install-<beat>.sh / install-<beat>.ps1,
 *   the sandbox CA; steps: "install with the script" first, then the manual
 *   steps for Linux and Windows (Docker- and Kubernetes-only steps dropped).
 * - docker: the configs, compose.yaml (and the files it mounts), the CA;
 *   steps of an agent with a compose file: the compose step, its Docker
 *   steps and its warnings.
 * - kubernetes: the kubernetes/ folder (configs inside ConfigMaps, the CA as a
 *   Secret); steps of a per-node agent: kubectl apply, rollout, logs, and
 *   its warnings.
 * An agent the choice cannot deploy (collectd on Kubernetes, say) keeps its
 * config files and its host steps.
 */
import { createRenderContext, type RenderOptions } from '../agents/context';
import type { AgentId } from '../agents/meta';
import { stepPlatforms } from '../agents/step-platforms';
import type { RenderResult, RenderStep, StepPlatform } from '../agents/types';
import type { Settings } from '../settings/schema';
import { kubernetesObjects } from './k8s/agents';
import { K8S_NAMESPACE, type K8sObjects } from './k8s/objects';
import { COMPOSE_ENV_FILE } from './compose';
import { deployFiles, type DeployFile } from './index';
import type { DeployTarget } from './targets';
import { sayer, type Say } from '../agents/common/say';
import deployTexts from './step-texts.json';

type DeploySay = Say<typeof deployTexts>;

export { DEFAULT_DEPLOY_TARGET, DEPLOY_TARGETS, type DeployTarget } from './targets';

/** The step platform a choice shows for the agents it covers (host: the Linux/Windows pick stays the user's). */
export function deployPlatform(target: DeployTarget, hostPlatform: StepPlatform): StepPlatform {
  if (target === 'kubernetes' || target === 'docker') return target;
  return hostPlatform === 'windows' ? 'windows' : 'linux';
}

export interface DeployPlan {
  target: DeployTarget;
  /** install scripts (host) or compose files (docker) of the choice. */
  files: DeployFile[];
  /** Agents the choice deploys with its own files (Kubernetes: the per-node agents). */
  covered: ReadonlySet<AgentId>;
  /** Every agent's steps for the choice, in the result's order, the deploy steps first. */
  steps: RenderStep[];
  /** Kubernetes: the per-node agents' objects, so the bundle's kubernetes/ folder need not build them again. */
  kubernetes?: { agent: AgentId; objects: K8sObjects }[];
}

function hostSteps(files: readonly DeployFile[], say: DeploySay): RenderStep[] {
  return files.map((file) => {
    const path = `${file.agent}/${file.path}`;
    const windows = file.path.endsWith('.ps1');
    return {
      agent: file.agent,
      title: say(windows ? 'installWindowsTitle' : 'installLinuxTitle', { file: file.path }),
      detail: say(windows ? 'installWindowsDetail' : 'installLinuxDetail'),
      commands: windows ? [`powershell -ExecutionPolicy Bypass -File .\\${path.replaceAll('/', '\\')} -WhatIf`, `powershell -ExecutionPolicy Bypass -File .\\${path.replaceAll('/', '\\')}`] : [`sudo sh ${path} --dry-run`, `sudo sh ${path}`],
      platforms: [windows ? 'windows' : 'linux'],
    };
  });
}

function composeSteps(files: readonly DeployFile[], settings: Settings, passwordEnvVar: string, say: DeploySay): RenderStep[] {
  return files
    .filter((f) => f.path === 'compose.yaml')
    .map((file) => ({
      agent: file.agent,
      title: say('composeTitle', { file: `${file.agent}/compose.yaml` }),
      detail: say(settings.secretMode === 'env' ? 'composeDetailEnv' : 'composeDetailInline') + say('composeDetail'),
      commands: [
        `cd ${file.agent}`,
        ...(settings.secretMode === 'env'
          ? [`read -rsp 'AccessKeyId#AccessKeySecret: ' P && echo && (umask 077 && printf '${passwordEnvVar}=%s\\n' "$P" > ${COMPOSE_ENV_FILE}); unset P`]
          : []),
        'docker compose up -d',
        'docker compose logs -f',
      ],
      platforms: ['docker'],
    }));
}

function kubernetesSteps(agents: readonly { agent: AgentId; daemonSet: string }[], say: DeploySay): RenderStep[] {
  return agents.map(({ agent, daemonSet }) => ({
    agent,
    title: say('kubernetesTitle'),
    detail: say('kubernetesDetail', { namespace: K8S_NAMESPACE, agent }),
    commands: [`kubectl apply -k kubernetes/`, `kubectl -n ${K8S_NAMESPACE} rollout status daemonset/${daemonSet}`, `kubectl -n ${K8S_NAMESPACE} logs daemonset/${daemonSet} --tail=50 -f`],
    platforms: ['kubernetes'],
  }));
}

/** Why an agent has no compose file, where the reason is not just its options. */
const NO_COMPOSE: Partial<Record<AgentId, keyof typeof deployTexts>> = {
  collectd: 'noComposeCollectd',
  rsyslog: 'noComposeRsyslog',
};

/** The note at the head of an agent's steps when the choice cannot deploy it. */
function notCoveredStep(agent: AgentId, target: 'docker' | 'kubernetes', say: DeploySay): RenderStep {
  const detail = say(target === 'docker' ? (NO_COMPOSE[agent] ?? 'noComposeOptions') : 'noKubernetes');
  return { agent, kind: 'warning', title: say(target === 'docker' ? 'noComposeTitle' : 'noKubernetesTitle'), detail, platforms: ['linux', 'windows'] };
}

/** Does a step belong to a covered agent under `target`: its platform's steps and its warnings. */
function keepForTarget(step: RenderStep, target: 'docker' | 'kubernetes'): boolean {
  const platforms = stepPlatforms(step);
  // Untagged steps are the host's; only a warning without commands (about the config itself) applies here too.
  if (platforms === 'all') return step.kind === 'warning' && !step.commands?.length;
  return platforms.includes(target);
}

export function deployPlan(target: DeployTarget, settings: Settings, result: RenderResult, renderOptions: RenderOptions = {}): DeployPlan {
  const { passwordEnvVar } = createRenderContext(settings, renderOptions);
  const say = sayer(deployTexts, renderOptions.lang ?? 'en');
  let files: DeployFile[] = [];
  let covered = new Set<AgentId>();
  let extra: RenderStep[] = [];
  let kubernetes: DeployPlan['kubernetes'];
  if (target === 'kubernetes') {
    kubernetes = kubernetesObjects(settings, renderOptions);
    const agents = kubernetes.map(({ agent, objects }) => ({ agent, daemonSet: objects.daemonSet.metadata?.name ?? agent }));
    covered = new Set(agents.map((a) => a.agent));
    extra = kubernetesSteps(agents, say);
  } else {
    const kind = target === 'host' ? 'host' : 'docker';
    files = deployFiles(settings, result, renderOptions).filter((f) => f.kind === kind);
    covered = new Set(files.map((f) => f.agent));
    extra = target === 'host' ? hostSteps(files, say) : composeSteps(files, settings, passwordEnvVar, say);
  }
  const steps: RenderStep[] = [];
  const agents = Array.from(new Set([...result.steps.map((s) => s.agent), ...extra.map((s) => s.agent)]));
  for (const agent of agents) {
    const own = result.steps.filter((s) => s.agent === agent);
    const kept = own.filter((step) => {
      if (target !== 'host' && covered.has(agent)) return keepForTarget(step, target);
      // Host steps: Docker- and Kubernetes-only ones belong to the other choices.
      const platforms = stepPlatforms(step);
      return platforms === 'all' || platforms.some((p) => p === 'linux' || p === 'windows');
    });
    const deploySteps = extra.filter((s) => s.agent === agent);
    if (target !== 'host' && !covered.has(agent)) deploySteps.push(notCoveredStep(agent, target, say));
    // An agent with no host steps at all (one set up for Docker only) keeps what it has.
    steps.push(...deploySteps, ...(kept.length === 0 && deploySteps.length === 0 ? own : kept));
  }
  return kubernetes === undefined ? { target, files, covered, steps } : { target, files, covered, steps, kubernetes };
}
