/**
 * The bundle's `kubernetes/` folder: for every chosen per-node log agent
 * (AgentDefinition.kubernetes) a folder with its Secret, ConfigMap and
 * DaemonSet and a kustomization.yaml, plus the namespace, the sandbox CA
 * Secret (target sandbox, when the CA is at hand) and a top kustomization, so
 * `kubectl apply -k kubernetes/` deploys all of it.
 *
 * The agents are rendered again here with secretMode `env` whatever the form
 * says: the ConfigMap names SLS_KAFKA_PASSWORD and the password lives only in
 * the Secret. kubernetes-models (its classes and their OpenAPI schemas) and
 * js-yaml load on first use, so the wizard's first load never carries them;
 * every object is validated against its schema before it is written.
 */
import { SANDBOX_CA_FILE_NAME, type RenderOptions } from '../agents/context';
import type { AgentId } from '../agents/meta';
import { kubernetesObjects } from '../deploy/k8s/agents';
import { K8S_NAMESPACE, SANDBOX_CA_SECRET, type K8sObjects } from '../deploy/k8s/objects';

import type { Settings } from '../settings/schema';
import { README_PATH, bundleEntriesFor, bundlePlan, type BundleEntry, type BundleInput } from './index';
import { readmeSay } from './readme';
import type { Lang } from '../i18n/core';

/** What the code needs of a kubernetes-models object. */
interface Model {
  validate(): void;
  toJSON(): unknown;
}

export const KUBERNETES_DIR = 'kubernetes';
export const KUSTOMIZATION = 'kustomization.yaml';

export interface KubernetesBundleInput {
  settings: Settings;
  /** The same render options as the bundle's configs (the sandbox's advertised address). */
  renderOptions?: RenderOptions;
  /** PEM of the sandbox CA; written as a Secret (for target sandbox) when given. */
  sandboxCaPem?: string;
  /** The agents' objects when the caller has them already (the deploy plan's); built from the settings otherwise. */
  objects?: { agent: AgentId; objects: K8sObjects }[];
}

/**
 * The whole zip's entries: the configs, README and settings (bundleEntries)
 * and the kubernetes/ folder. The browser's download and `sls-kafka bundle`
 * both call this, so they write the same files.
 */
export async function fullBundleEntries(input: BundleInput & { renderOptions?: RenderOptions }): Promise<BundleEntry[]> {
  const plan = bundlePlan(input);
  const entries = bundleEntriesFor(input, plan);
  if (input.deploy !== 'kubernetes') return entries;
  const k8s = await kubernetesEntries({ ...input, objects: plan.kubernetes });
  if (k8s.length === 0) return entries;
  // The main README points at the folder and says which of its files hold the password.
  const secrets = k8s.filter((e) => e.path.endsWith('/secret.yaml')).map((e) => `\`${e.path}\``);
  const say = readmeSay(input.renderOptions?.lang);
  const section = [
    '## Kubernetes',
    '',
    say('k8sIntro', { dir: `\`${KUBERNETES_DIR}/\``, apply: `\`kubectl apply -k ${KUBERNETES_DIR}/\``, readme: `${KUBERNETES_DIR}/README.md` }),
    say(secrets.length === 1 ? 'k8sSecretOne' : 'k8sSecretMany', { files: secrets.join(', ') }),
    '',
  ].join('\n');
  return [...entries.map((e) => (e.path === README_PATH ? { ...e, content: `${e.content.trimEnd()}\n\n${section}` } : e)), ...k8s];
}

function kustomization(resources: readonly string[]): object {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] };
}

export async function kubernetesEntries({ settings, renderOptions, sandboxCaPem, objects: given }: KubernetesBundleInput): Promise<BundleEntry[]> {
  const agents = given ?? kubernetesObjects(settings, renderOptions);
  if (agents.length === 0) return [];
  const [{ dump }, { Secret }, { ConfigMap }, { Namespace }, { DaemonSet }] = await Promise.all([
    import('js-yaml'),
    import('kubernetes-models/v1/Secret'),
    import('kubernetes-models/v1/ConfigMap'),
    import('kubernetes-models/v1/Namespace'),
    import('kubernetes-models/apps/v1/DaemonSet'),
  ]);
  const yaml = (data: object) => dump(data, { lineWidth: -1, noRefs: true });
  // Validate against the OpenAPI schema, then write what the model serialises.
  const manifest = (model: Model) => {
    model.validate();
    return yaml(model.toJSON() as object);
  };

  const entries: BundleEntry[] = [];
  const top: string[] = ['namespace.yaml'];
  entries.push({
    path: `${KUBERNETES_DIR}/namespace.yaml`,
    content: manifest(new Namespace({ metadata: { name: K8S_NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'sls-kafka' } } })),
  });
  const sandbox = settings.target === 'sandbox';
  if (sandbox && sandboxCaPem !== undefined) {
    top.push('sandbox-ca.yaml');
    const caSecret = new Secret({
      metadata: { name: SANDBOX_CA_SECRET, namespace: K8S_NAMESPACE },
      type: 'Opaque',
      stringData: { [SANDBOX_CA_FILE_NAME]: sandboxCaPem },
    });
    entries.push({ path: `${KUBERNETES_DIR}/sandbox-ca.yaml`, content: manifest(caSecret) });
  }
  for (const { agent, objects } of agents) {
    const dir = `${KUBERNETES_DIR}/${agent}`;
    const files: [string, Model][] = [
      ['secret.yaml', new Secret(objects.secret)],
      ['configmap.yaml', new ConfigMap(objects.configMap)],
      ['daemonset.yaml', new DaemonSet(objects.daemonSet)],
    ];
    for (const [name, model] of files) entries.push({ path: `${dir}/${name}`, content: manifest(model) });
    entries.push({ path: `${dir}/${KUSTOMIZATION}`, content: yaml(kustomization(files.map(([name]) => name))) });
    top.push(agent);
  }
  entries.push({ path: `${KUBERNETES_DIR}/${KUSTOMIZATION}`, content: yaml(kustomization(top)) });
  entries.push({ path: `${KUBERNETES_DIR}/README.md`, content: kubernetesReadme(agents, sandbox, sandboxCaPem !== undefined, renderOptions?.lang) });
  return entries;
}

function kubernetesReadme(agents: readonly { agent: AgentId; objects: K8sObjects }[], sandbox: boolean, caIncluded: boolean, lang: Lang | undefined): string {
  const say = readmeSay(lang);
  const lines = [
    '# Kubernetes',
    '',
    say('k8sReadmeIntro', { namespace: `\`${K8S_NAMESPACE}\`` }),
    '',
    '```sh',
    `kubectl apply -k ${KUBERNETES_DIR}/`,
    `kubectl -n ${K8S_NAMESPACE} get daemonsets,pods -o wide`,
    '```',
    '',
    say('k8sReadmeSecret', {
      secretFile: '`<agent>/secret.yaml`',
      command: `\`kubectl -n ${K8S_NAMESPACE} create secret generic sls-kafka-<agent> --from-literal=SLS_KAFKA_PASSWORD=…\``,
    }),
    '',
  ];
  if (sandbox && !caIncluded) {
    lines.push(say('k8sReadmeNoCa', { command: `\`kubectl -n ${K8S_NAMESPACE} create secret generic ${SANDBOX_CA_SECRET} --from-file=sls-sandbox-ca.pem\`` }), '');
  } else if (sandbox) {
    lines.push(say('k8sReadmeCa', { secret: SANDBOX_CA_SECRET }), '');
  }
  for (const { agent, objects } of agents) lines.push(`- ${agent}/: ${[say('k8sReadmeImage', { image: objects.image }), ...objects.notes].join('; ')}`);
  return `${lines.join('\n')}\n`;
}
