/** Reads back the producer settings of a rendered collectd `write_kafka` block, parsed as liboconfig does. */
import { parseCollectdConfig, type CollectdItem } from '../../config-languages/collectd/parser';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackCollectd(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'collectd') return undefined;
  const items = parseCollectdConfig(file.content);
  const plugin = items.find((i) => i.key === 'Plugin' && i.values[0] === 'write_kafka');
  const props = new Map<string, string>();
  const topicBlock = plugin?.children.find((c) => c.key === 'Topic');
  const collect = (list: CollectdItem[] | undefined) => {
    for (const c of list ?? []) if (c.key === 'Property') props.set(String(c.values[0]), String(c.values[1]));
  };
  collect(plugin?.children);
  collect(topicBlock?.children);
  const key = topicBlock?.children.find((c) => c.key === 'Key');
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: props.get('metadata.broker.list') ?? props.get('bootstrap.servers'),
    topic: topicBlock ? String(topicBlock.values[0]) : undefined,
    username: props.get('sasl.username'),
    password: props.get('sasl.password'),
    mechanism: props.get('sasl.mechanisms') ?? props.get('sasl.mechanism'),
    tls: (props.get('security.protocol') ?? '').toLowerCase() === 'sasl_ssl',
    constantKey: key ? String(key.values[0]) : undefined,
    codec: codecOf(props.get('compression.codec')),
    acks: acksOf(props.get('request.required.acks') ?? props.get('acks') ?? '-1'),
  };
}
