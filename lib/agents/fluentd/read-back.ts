/** Reads back the producer settings of a rendered Fluentd `kafka2` output, parsed as Fluentd's v1 config. */
import { parseFluentdConfig, type FluentdElement } from '../../config-languages/fluentd/parser';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackFluentd(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'fluentd') return undefined;
  const doc = parseFluentdConfig(file.content, { interpolation: 'marker' });
  const find = (el: FluentdElement): FluentdElement | undefined =>
    el.params.some((p) => p.key === '@type' && p.value === 'kafka2') ? el : el.elements.map(find).find(Boolean);
  const out = find(doc.root);
  const param = (k: string) => out?.params.find((p) => p.key === k)?.value;
  const password = param('password');
  const topic = param('topic') ?? param('default_topic');
  // The data-parse-format header does what the `.json` topic suffix does; report it the same way.
  const jsonHeader = /"data-parse-format"\s*:\s*"json"/.test(param('headers') ?? '');
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: param('brokers')?.replace(/^\[?"?|"?\]?$/g, '').split(',')[0],
    topic: jsonHeader && topic !== undefined ? `${topic}.json` : topic,
    username: param('username'),
    // The env lookup is Ruby code the parser marks; report it as the reference it is.
    password: password?.includes('⟦ruby:') ? password.replace(/⟦ruby:(.*)⟧/, '#{$1}') : password,
    mechanism: param('scram_mechanism') ? 'SCRAM' : 'PLAIN',
    tls: param('sasl_over_ssl') === 'true' && (param('ssl_ca_certs_from_system') === 'true' || param('ssl_ca_cert') !== undefined),
    constantKey: param('default_message_key'),
    codec: codecOf(param('compression_codec')),
    acks: acksOf(param('required_acks') ?? -1),
  };
}
