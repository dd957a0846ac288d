/** Reads back the producer settings of a rendered syslog-ng kafka-c() destination, parsed as syslog-ng config. */
import { parseSyslogNgConfig, syslogNgOptions, syslogNgPairs, syslogNgValue, type SyslogNgOption } from '../../config-languages/syslog-ng/parser';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackSyslogNg(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'syslog-ng') return undefined;
  const drivers: SyslogNgOption[] = parseSyslogNgConfig(file.content).flatMap((s) =>
    s.kind === 'block' && s.type === 'destination' ? s.items.filter((i) => i.name === 'kafka-c' || i.name === 'kafka') : [],
  );
  const kafka = drivers[0];
  if (!kafka) throw new Error('no kafka-c() destination in the file');
  const one = (name: string) => syslogNgValue(syslogNgOptions(kafka, name)[0]);
  const configs = syslogNgOptions(kafka, 'config');
  const props = configs[0] ? syslogNgPairs(configs[0]) : new Map<string, string>();
  const key = one('key');
  const syncSend = (one('sync-send') ?? 'no').toLowerCase();
  if (syncSend === 'yes' || syncSend === 'true') throw new Error('sync-send(yes) uses transactions, which SLS does not support');
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: one('bootstrap-servers') ?? props.get('bootstrap.servers'),
    topic: one('topic'),
    username: props.get('sasl.username'),
    password: props.get('sasl.password'),
    mechanism: props.get('sasl.mechanisms') ?? props.get('sasl.mechanism'),
    tls: (props.get('security.protocol') ?? '').toLowerCase() === 'sasl_ssl',
    constantKey: key !== undefined && key !== '' ? key : undefined,
    codec: codecOf(props.get('compression.codec') ?? props.get('compression.type')),
    acks: acksOf(props.get('request.required.acks') ?? props.get('acks') ?? '-1'),
  };
}
