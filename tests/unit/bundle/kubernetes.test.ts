/**
 * The bundle's kubernetes/ folder: every object validates against its
 * Kubernetes schema (kubernetes-models), the password is only in the Secrets'
 * stringData, each DaemonSet mounts its config and reads SLS_KAFKA_PASSWORD
 * from its Secret, runs on every node with the host logs read-only, and every
 * kustomization.yaml lists exactly the resources beside it.
 */
import { load } from 'js-yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { describe, expect, it } from 'vitest';
import { FILEBEAT_K8S_IMAGES } from '@/lib/agents/beats/k8s';
import { HOST_PLACEHOLDER } from '@/lib/agents/client-id';
import { OTELCOL_K8S_IMAGES } from '@/lib/agents/otelcol/k8s';
import { README_PATH, type BundleEntry } from '@/lib/bundle';
import { KUBERNETES_DIR, fullBundleEntries, kubernetesEntries } from '@/lib/bundle/kubernetes';
import { renderSettings } from '@/lib/agents';
import { K8S_NAMESPACE, SANDBOX_CA_SECRET } from '@/lib/deploy/k8s/objects';
import type { SettingsInput } from '@/lib/settings/schema';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD, exampleSettings } from '../../support/settings';

const SANDBOX = { host: 'sandbox.example', port: 10099, caUrl: 'http://127.0.0.1:3000/api/sandbox/ca' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const PER_NODE = ['beats', 'fluentd', 'fluentbit', 'vector', 'otelcol'] as const;

/** How each agent's env-mode config names the variable. */
const ENV_REFERENCE: Record<(typeof PER_NODE)[number], string> = {
  beats: '${SLS_KAFKA_PASSWORD}',
  fluentd: "ENV['SLS_KAFKA_PASSWORD']",
  fluentbit: '${SLS_KAFKA_PASSWORD}',
  vector: '${SLS_KAFKA_PASSWORD}',
  otelcol: '${env:SLS_KAFKA_PASSWORD}',
};

const CASES: Array<{ name: string; input: Partial<SettingsInput>; ca?: string }> = [
  { name: 'sls inline, defaults', input: { agents: { beats: {}, fluentd: {}, fluentbit: {}, vector: {}, otelcol: {} } } },
  {
    name: 'sls env, other options',
    input: {
      secretMode: 'env',
      network: 'intranet',
      expandJson: true,
      agents: {
        beats: { beats: ['metricbeat', 'filebeat'], version: '7.17', paths: ['/var/log/containers/*.log'] },
        fluentd: { package: 'td-agent', caMode: 'file', caPath: '/etc/ssl/my-ca.pem' },
        fluentbit: { format: 'yaml', mode: 'output-only', platform: 'systemd', caFile: '/etc/ssl/my-ca.pem' },
        vector: { format: 'toml', mode: 'output-only' },
        otelcol: { version: 'pre124', receiver: 'otlp' },
      },
    },
  },
  { name: 'sandbox with the CA', input: { target: 'sandbox', agents: { beats: { version: '9' }, fluentd: {}, fluentbit: { platform: 'docker' }, vector: {}, otelcol: {} } }, ca: PEM },
  { name: 'sandbox without the CA', input: { target: 'sandbox', secretMode: 'env', agents: { fluentbit: {}, otelcol: { extraSignals: ['metrics'], receiver: 'otlp' } } } },
];

type Doc = { kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };

function yamlDocs(entries: readonly BundleEntry[]): Map<string, Doc> {
  const out = new Map<string, Doc>();
  for (const e of entries) if (e.path.endsWith('.yaml')) out.set(e.path, load(e.content) as Doc);
  return out;
}

function validate(doc: Doc): void {
  const models = { Secret, ConfigMap, Namespace, DaemonSet } as const;
  const Model = models[doc.kind as keyof typeof models];
  expect(Model, `no model for ${doc.kind}`).toBeDefined();
  // as never: each model's constructor takes its own kind's data; the doc's kind picked the model.
  expect(() => new Model(doc as never).validate()).not.toThrow();
}

describe.each(CASES)('kubernetes/: $name', ({ input, ca }) => {
  const settings = exampleSettings(input);
  const chosen = PER_NODE.filter((id) => settings.agents[id] !== undefined);

  it('every object validates against its Kubernetes schema; namespaces and kustomizations are complete', async () => {
    const entries = await kubernetesEntries({ settings, renderOptions: { sandbox: SANDBOX }, sandboxCaPem: ca });
    const docs = yamlDocs(entries);
    const paths = entries.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [path, doc] of docs) {
      if (path.endsWith('/kustomization.yaml')) continue;
      validate(doc);
      if (doc.kind !== 'Namespace') expect(doc.metadata.namespace, path).toBe(K8S_NAMESPACE);
    }
    // Each kustomization lists exactly the YAML files (and, at the top, the agent folders) beside it.
    for (const [path, doc] of docs) {
      if (!path.endsWith('/kustomization.yaml')) continue;
      const dir = path.slice(0, -'kustomization.yaml'.length);
      const beside = new Set<string>();
      for (const p of paths) {
        if (!p.startsWith(dir) || p === path || p.endsWith('.md')) continue;
        const rest = p.slice(dir.length);
        beside.add(rest.includes('/') ? rest.split('/')[0]! : rest);
      }
      expect(doc.kind).toBe('Kustomization');
      expect([...(doc.resources as string[])].sort(), path).toEqual([...beside].sort());
    }
    expect(docs.has(`${KUBERNETES_DIR}/kustomization.yaml`)).toBe(true);
    const agentDirs = new Set(paths.filter((p) => p.split('/').length === 3).map((p) => p.split('/')[1]));
    const withFilebeat = chosen.filter((id) => id !== 'beats' || settings.agents.beats?.beats.includes('filebeat'));
    expect([...agentDirs].sort()).toEqual([...withFilebeat].sort());
    expect(docs.has(`${KUBERNETES_DIR}/sandbox-ca.yaml`)).toBe(settings.target === 'sandbox' && ca !== undefined);
  });

  it('the password is only in the Secrets; the DaemonSet reads it from there and mounts the env-mode config', async () => {
    const entries = await kubernetesEntries({ settings, renderOptions: { sandbox: SANDBOX }, sandboxCaPem: ca });
    const docs = yamlDocs(entries);
    for (const e of entries) {
      const isSecret = /\/secret\.yaml$/.test(e.path);
      expect(e.content.includes(EXAMPLE_INPUT.accessKeySecret), e.path).toBe(isSecret);
    }
    for (const id of chosen) {
      const dir = `${KUBERNETES_DIR}/${id}`;
      if (!docs.has(`${dir}/daemonset.yaml`)) continue;
      const secret = docs.get(`${dir}/secret.yaml`) as Doc & { stringData: Record<string, string>; data?: unknown };
      const configMap = docs.get(`${dir}/configmap.yaml`) as Doc & { data: Record<string, string> };
      const ds = docs.get(`${dir}/daemonset.yaml`) as unknown as {
        spec: { template: { spec: { tolerations: unknown[]; automountServiceAccountToken: boolean; containers: Container[]; volumes: Volume[] } } };
      };
      expect(secret.stringData).toEqual({ SLS_KAFKA_PASSWORD: EXAMPLE_PASSWORD });
      expect(secret.data).toBeUndefined();
      for (const content of Object.values(configMap.data)) {
        expect(content, id).not.toContain(EXAMPLE_INPUT.accessKeyId);
        // No install step runs in a pod to fill in a placeholder.
        expect(content, id).not.toContain(HOST_PLACEHOLDER);
      }
      expect(Object.values(configMap.data).some((c) => c.includes(ENV_REFERENCE[id])), `${id} names SLS_KAFKA_PASSWORD`).toBe(true);

      const pod = ds.spec.template.spec;
      expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
      expect(pod.automountServiceAccountToken).toBe(false);
      const [container] = pod.containers;
      expect(container!.env.find((v) => v.name === 'SLS_KAFKA_PASSWORD')?.valueFrom).toEqual({
        secretKeyRef: { name: secret.metadata.name, key: 'SLS_KAFKA_PASSWORD' },
      });
      expect(container!.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container!.resources.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });

      // Every ConfigMap key is projected and mounted; the CA (sandbox) where the config names it.
      const config = pod.volumes.find((v) => v.name === 'config')!;
      const cmSource = config.projected!.sources.find((s) => s.configMap)!.configMap!;
      expect(cmSource.name).toBe(configMap.metadata.name);
      for (const key of Object.keys(configMap.data)) {
        expect(cmSource.items.map((i) => i.key)).toContain(key);
        expect(container!.volumeMounts.some((m) => m.name === 'config' && m.subPath === key)).toBe(true);
      }
      const caSource = config.projected!.sources.find((s) => s.secret);
      if (settings.target === 'sandbox') {
        expect(caSource?.secret?.name).toBe(SANDBOX_CA_SECRET);
        const caMount = container!.volumeMounts.find((m) => m.subPath === 'sls-sandbox-ca.pem')!;
        expect(caMount).toBeDefined();
        // The config names the very path the CA is mounted at (Filebeat through ${path.config}).
        const named = caMount.mountPath.replace('/usr/share/filebeat', '${path.config}');
        expect(Object.values(configMap.data).some((c) => c.includes(named)), `${id} CA at ${caMount.mountPath}`).toBe(true);
      } else {
        expect(caSource).toBeUndefined();
      }

      // Host logs: /var/log (read-only except Fluentd's buffer) and the Docker container logs read-only.
      const hostPaths = new Map(pod.volumes.filter((v) => v.hostPath).map((v) => [v.name, v.hostPath!.path]));
      const mountOf = (hostPath: string) => container!.volumeMounts.find((m) => hostPaths.get(m.name) === hostPath);
      expect(mountOf('/var/log')?.readOnly).toBe(id !== 'fluentd');
      expect(mountOf('/var/lib/docker/containers')?.readOnly).toBe(true);
    }
  });

  it('images follow the version options', async () => {
    const entries = await kubernetesEntries({ settings, renderOptions: { sandbox: SANDBOX }, sandboxCaPem: ca });
    const docs = yamlDocs(entries);
    const image = (id: string) => (docs.get(`${KUBERNETES_DIR}/${id}/daemonset.yaml`) as unknown as { spec: { template: { spec: { containers: Container[] } } } } | undefined)?.spec.template.spec.containers[0]!.image;
    if (settings.agents.beats) expect(image('beats')).toBe(FILEBEAT_K8S_IMAGES[settings.agents.beats.version]);
    if (settings.agents.otelcol) expect(image('otelcol')).toBe(OTELCOL_K8S_IMAGES[settings.agents.otelcol.version]);
    for (const id of chosen) if (image(id)) expect(image(id)).toMatch(/^[a-z0-9./-]+:[A-Za-z0-9._-]+$/);
  });
});

interface Container {
  image: string;
  env: { name: string; valueFrom?: unknown }[];
  resources: { requests: object; limits: object };
  volumeMounts: { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[];
}
interface Volume {
  name: string;
  hostPath?: { path: string };
  projected?: { sources: { configMap?: { name: string; items: { key: string }[] }; secret?: { name: string } }[] };
}

describe('kubernetes/ is only there for per-node log agents', () => {
  it('no folder for agents that do not run per node, nor for Beats without Filebeat', async () => {
    const settings = exampleSettings({ agents: { telegraf: {}, collectd: {}, beats: { beats: ['metricbeat'] } } });
    expect(await kubernetesEntries({ settings })).toEqual([]);
  });

  it('the full bundle appends the folder and warns in README.md which files hold the secret', async () => {
    const settings = exampleSettings({ secretMode: 'env', agents: { fluentbit: {}, telegraf: {} } });
    const result = renderSettings(settings, { sandbox: SANDBOX });
    const entries = await fullBundleEntries({ result, settings, renderOptions: { sandbox: SANDBOX }, deploy: 'kubernetes' });
    const readme = entries.find((e) => e.path === README_PATH)!.content;
    expect(readme).toContain('kubernetes/fluentbit/secret.yaml');
    // Deploy on Kubernetes: Fluent Bit's config is in its ConfigMap, Telegraf (no DaemonSet) keeps its file; no install script.
    expect(entries.some((e) => e.path.startsWith('fluentbit/'))).toBe(false);
    expect(entries.some((e) => e.path.startsWith('telegraf/sls-kafka.conf'))).toBe(true);
    expect(entries.some((e) => e.path.endsWith('install.sh'))).toBe(false);
    expect(readme).toContain('kubectl apply -k kubernetes/');
    // Host (the default) carries no kubernetes/ folder.
    const host = await fullBundleEntries({ result, settings, renderOptions: { sandbox: SANDBOX } });
    expect(host.some((e) => e.path.startsWith('kubernetes/'))).toBe(false);
    expect(entries.filter((e) => e.content.includes(EXAMPLE_INPUT.accessKeySecret)).map((e) => e.path)).toEqual(['kubernetes/fluentbit/secret.yaml']);
  });
});
