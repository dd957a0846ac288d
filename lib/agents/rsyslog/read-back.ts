/** Reads back the producer settings of a rendered rsyslog omkafka action, parsed as RainerScript. */
import { parseRainerScript, rainerParam, rainerStringParam, type RainerValue } from '../../config-languages/rainerscript/parser';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

/** `name=value` librdkafka settings of a confParam array; a backtick element is read as its `echo` text. */
function librdkafkaParams(value: RainerValue | undefined): Map<string, string> {
  const props = new Map<string, string>();
  for (const item of value?.kind === 'array' ? value.items : value ? [value] : []) {
    const text = item.kind === 'string' ? item.value : item.kind === 'backtick' ? item.text.replace(/^echo\s+/, '') : '';
    const eq = text.indexOf('=');
    if (eq > 0) props.set(text.slice(0, eq).trim(), text.slice(eq + 1));
  }
  return props;
}

export function readBackRsyslog(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'rainerscript') return undefined;
  const action = parseRainerScript(file.content).find((o) => o.type === 'action' && rainerStringParam(o, 'type') === 'omkafka');
  if (!action) throw new Error('no action(type="omkafka") in the file');
  const props = librdkafkaParams(rainerParam(action, 'confParam'));
  const topicProps = librdkafkaParams(rainerParam(action, 'topicConfParam'));
  const broker = rainerParam(action, 'broker');
  const brokers = broker?.kind === 'array' ? broker.items : broker ? [broker] : [];
  const first = brokers[0];
  const key = rainerStringParam(action, 'key');
  // partitions.auto off: omkafka round-robins over partitions.number (default 1), as good as a constant key.
  const autoPartitions = (rainerStringParam(action, 'partitions.auto') ?? 'off').toLowerCase() === 'on';
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: first?.kind === 'string' ? first.value : undefined,
    topic: rainerStringParam(action, 'topic'),
    username: props.get('sasl.username'),
    password: props.get('sasl.password'),
    mechanism: props.get('sasl.mechanisms') ?? props.get('sasl.mechanism'),
    tls: (props.get('security.protocol') ?? '').toLowerCase() === 'sasl_ssl',
    constantKey: key !== undefined && key !== '' ? key : autoPartitions ? undefined : 'partitions.auto="off" (every record to one shard)',
    codec: codecOf(props.get('compression.codec') ?? props.get('compression.type')),
    acks: acksOf(topicProps.get('request.required.acks') ?? topicProps.get('acks') ?? props.get('acks') ?? '-1'),
  };
}
