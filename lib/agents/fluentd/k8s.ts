/**
 * Fluentd as a Kubernetes DaemonSet on fluent/fluentd-kubernetes-daemonset's
 * kafka2 image (fluent-plugin-kafka included): the image reads
 * /fluentd/etc/fluent.conf, which here tails the node's container logs and
 * includes the wizard's kafka2 block (rendered with the fluent-package layout:
 * buffer under /var/log/fluent, so /var/log is writable for this agent, as in
 * upstream's DaemonSet). docs/agents/fluentd.md (K1).
 */
import { buildK8sObjects, type K8sObjects } from '../../deploy/k8s/objects';
import type { RenderContext } from '../context';
import { FLUENTD_FILE_NAME, renderFluentdConfig } from './render';
import type { FluentdOptions } from './schema';

/** No version option: the multi-plugin image the daemonset repository publishes for Kafka. */
export const FLUENTD_K8S_IMAGE = 'fluent/fluentd-kubernetes-daemonset:v1.16-debian-kafka2-amd64-1';

const ETC = '/fluentd/etc';

/** The image's main config: container logs in, the wizard's block out. */
export const FLUENTD_K8S_MAIN = [
  '# Tails every container log on this node; the lines go out through sls-kafka.conf.',
  '<source>',
  '  @type tail',
  '  path /var/log/containers/*.log',
  '  pos_file /var/log/fluent/containers.log.pos',
  '  tag kubernetes.*',
  '  read_from_head true',
  '  follow_inodes true',
  '  <parse>',
  '    @type none',
  '  </parse>',
  '</source>',
  `@include ${FLUENTD_FILE_NAME}`,
  '',
].join('\n');

export function fluentdKubernetes(ctx: RenderContext, options: FluentdOptions): K8sObjects {
  const k8sOptions: FluentdOptions = { ...options, package: 'fluent-package', caMode: 'system', caPath: '' };
  const file = renderFluentdConfig(ctx, k8sOptions).files.find((f) => f.path === FLUENTD_FILE_NAME);
  if (!file) throw new Error('fluentd: the kafka2 block is missing');
  return buildK8sObjects(ctx, {
    agent: 'fluentd',
    image: FLUENTD_K8S_IMAGE,
    files: [
      { name: 'fluent.conf', content: FLUENTD_K8S_MAIN, mountPath: `${ETC}/fluent.conf` },
      { name: file.path, content: file.content, mountPath: `${ETC}/${file.path}` },
    ],
    caMountPath: ctx.sandbox ? `/etc/fluent/${ctx.sandbox.caFileName}` : undefined,
    varLogWritable: true,
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  });
}
