/**
 * The Kubernetes objects of one per-node log agent, as plain data typed by the
 * kubernetes-models interfaces: a Secret with the SASL password, a ConfigMap
 * with the agent's env-mode config (which names SLS_KAFKA_PASSWORD, never the
 * password), and a DaemonSet that runs the agent on every node with the host's
 * logs mounted read-only. Imports are type-only, so this module (and every
 * agent's k8s.ts) costs the browser nothing until the bundle is built;
 * lib/bundle/kubernetes.ts wraps the data in the kubernetes-models classes,
 * validates it against the OpenAPI schema and writes the YAML.
 *
 * No ServiceAccount or RBAC: none of the rendered configs asks the API server
 * for Kubernetes metadata (they read files), so the pods get no token at all
 * (automountServiceAccountToken: false).
 */
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { RenderContext } from '../../agents/context';
import type { AgentId } from '../../agents/meta';

/** Every object goes into this namespace (kubernetes/namespace.yaml creates it). */
export const K8S_NAMESPACE = 'sls-kafka';
/** The Secret (one per namespace) that holds the sandbox CA for target sandbox. */
export const SANDBOX_CA_SECRET = 'sls-kafka-sandbox-ca';
/** Host folder under which each agent keeps its read positions and buffers. */
export const HOST_STATE_ROOT = '/var/lib/sls-kafka';

export interface K8sObjects {
  secret: ISecret;
  configMap: IConfigMap;
  daemonSet: IDaemonSet;
  /** The agent's pinned image, named in kubernetes/README.md. */
  image: string;
  /** Further one-line facts for kubernetes/README.md (English; the agents set none today). */
  notes: string[];
}

export interface K8sConfigFile {
  /** ConfigMap key and file name. */
  name: string;
  content: string;
  /** Where the file appears in the container. */
  mountPath: string;
}

export interface K8sAgentSpec {
  agent: AgentId;
  /** Image with its tag, e.g. `fluent/fluent-bit:4.2.8`. */
  image: string;
  files: readonly K8sConfigFile[];
  /** Container args (the image's entrypoint runs them). */
  args?: string[];
  /** Where the config expects the sandbox CA, for target sandbox. */
  caMountPath?: string;
  /** A writable host folder (HOST_STATE_ROOT/<agent>) mounted here for read positions and buffers. */
  stateMountPath?: string;
  /** Fluentd's buffer lives under /var/log, as in upstream's DaemonSet; every other agent gets it read-only. */
  varLogWritable?: boolean;
  resources?: IResourceRequirements;
  notes?: string[];
}

export const DEFAULT_RESOURCES: IResourceRequirements = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};

export function k8sName(agent: AgentId): string {
  return `sls-kafka-${agent}`;
}

function labels(agent: AgentId): Record<string, string> {
  return { 'app.kubernetes.io/name': k8sName(agent), 'app.kubernetes.io/part-of': 'sls-kafka' };
}

export function buildK8sObjects(ctx: RenderContext, spec: K8sAgentSpec): K8sObjects {
  const name = k8sName(spec.agent);
  const metadata = { name, namespace: K8S_NAMESPACE, labels: labels(spec.agent) };

  const secret: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'Opaque',
    stringData: { [ctx.passwordEnvVar]: ctx.password },
  };

  const configMap: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata,
    data: Object.fromEntries(spec.files.map((f) => [f.name, f.content])),
  };

  // One projected volume: the ConfigMap's files plus, for the sandbox, the CA from its Secret;
  // each file is mounted on its own (subPath) so the image's other files in that folder stay.
  const caFile = ctx.sandbox?.caFileName;
  const volumes: IVolume[] = [
    {
      name: 'config',
      projected: {
        defaultMode: 0o444,
        sources: [
          { configMap: { name, items: spec.files.map((f) => ({ key: f.name, path: f.name })) } },
          ...(caFile ? [{ secret: { name: SANDBOX_CA_SECRET, items: [{ key: caFile, path: caFile }] } }] : []),
        ],
      },
    },
    { name: 'varlog', hostPath: { path: '/var/log', type: 'Directory' } },
    // Where /var/log/containers and /var/log/pods link to under the Docker runtime.
    { name: 'dockercontainers', hostPath: { path: '/var/lib/docker/containers', type: 'DirectoryOrCreate' } },
  ];
  const mounts: IVolumeMount[] = [
    ...spec.files.map((f) => ({ name: 'config', mountPath: f.mountPath, subPath: f.name, readOnly: true })),
    { name: 'varlog', mountPath: '/var/log', readOnly: spec.varLogWritable !== true },
    { name: 'dockercontainers', mountPath: '/var/lib/docker/containers', readOnly: true },
  ];
  if (caFile) {
    if (!spec.caMountPath) throw new Error(`${spec.agent}: the sandbox CA needs a mount path`);
    mounts.push({ name: 'config', mountPath: spec.caMountPath, subPath: caFile, readOnly: true });
  }
  if (spec.stateMountPath) {
    volumes.push({ name: 'state', hostPath: { path: `${HOST_STATE_ROOT}/${spec.agent}`, type: 'DirectoryOrCreate' } });
    mounts.push({ name: 'state', mountPath: spec.stateMountPath });
  }

  const daemonSet: IDaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata,
    spec: {
      selector: { matchLabels: labels(spec.agent) },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: labels(spec.agent) },
        spec: {
          // The agents read files and never call the API server.
          automountServiceAccountToken: false,
          // Every node, the control plane included: tolerate every taint.
          tolerations: [{ operator: 'Exists' }],
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: spec.agent,
              image: spec.image,
              imagePullPolicy: 'IfNotPresent',
              ...(spec.args ? { args: spec.args } : {}),
              env: [
                { name: ctx.passwordEnvVar, valueFrom: { secretKeyRef: { name, key: ctx.passwordEnvVar } } },
                { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
              ],
              resources: spec.resources ?? DEFAULT_RESOURCES,
              // Root reads the host's root-owned logs; no privilege escalation beyond that.
              securityContext: { runAsUser: 0, allowPrivilegeEscalation: false },
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };

  return { secret, configMap, daemonSet, image: spec.image, notes: [...(spec.notes ?? [])] };
}
