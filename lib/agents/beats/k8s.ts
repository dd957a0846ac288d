/**
 * Filebeat as a Kubernetes DaemonSet (the only Beat that reads the node's log
 * files): the complete filebeat.yml at the image's path.config
 * (/usr/share/filebeat), the registry under /usr/share/filebeat/data kept on
 * the host. The image tag follows the wizard's Beats version. docs/agents/beats.md (K1).
 */
import { buildK8sObjects, type K8sObjects } from '../../deploy/k8s/objects';
import { HOST_PLACEHOLDER } from '../client-id';
import type { RenderContext } from '../context';
import { renderBeatsConfig } from './render';
import type { BeatsOptions, BeatsVersion } from './schema';

/** The newest patch of each major checked for docs/agents/beats.md. */
export const FILEBEAT_K8S_IMAGES: Readonly<Record<BeatsVersion, string>> = {
  '7.17': 'docker.elastic.co/beats/filebeat:7.17.29',
  '8': 'docker.elastic.co/beats/filebeat:8.19.8',
  '9': 'docker.elastic.co/beats/filebeat:9.3.7',
};

const HOME = '/usr/share/filebeat';

export function beatsKubernetes(ctx: RenderContext, options: BeatsOptions): K8sObjects | undefined {
  if (!options.beats.includes('filebeat')) return undefined;
  const k8sOptions: BeatsOptions = { ...options, beats: ['filebeat'], mode: 'complete' };
  const file = renderBeatsConfig(ctx, k8sOptions).files.find((f) => f.path === 'filebeat.yml');
  if (!file) throw new Error('beats: filebeat.yml is missing');
  return buildK8sObjects(ctx, {
    agent: 'beats',
    image: FILEBEAT_K8S_IMAGES[options.version],
    // No install step runs in a pod to fill in the host name: Beats expands ${NODE_NAME} (the DaemonSet sets it) itself.
    files: [{ name: file.path, content: file.content.replaceAll(HOST_PLACEHOLDER, '${NODE_NAME}'), mountPath: `${HOME}/filebeat.yml` }],
    // -e: log to stderr (kubectl logs); strict.perms holds: root owns the read-only files.
    args: ['-c', `${HOME}/filebeat.yml`, '-e'],
    caMountPath: ctx.sandbox ? `${HOME}/${ctx.sandbox.caFileName}` : undefined,
    stateMountPath: `${HOME}/data`,
  });
}
