/**
 * Reads back the producer settings of a rendered Fluent Bit file: the classic
 * format with the grammar-faithful parser (lib/config-languages/fluentbit-classic),
 * YAML with js-yaml; then the first kafka output, its keys compared
 * case-insensitively as Fluent Bit does.
 */
import { parseFluentBitClassic, propertyMap, sectionsNamed } from '../../config-languages/fluentbit-classic/parser';
import { parseYaml } from '../../config-languages/yaml/parser';
import { acksOf, codecOf, obj, str } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

/** The kafka output's properties (lower-case keys), or undefined when the file has none. */
export function kafkaOutputProperties(file: RenderedFile): Map<string, string> | undefined {
  if (file.language === 'fluentbit-classic') {
    const output = sectionsNamed(parseFluentBitClassic(file.content), 'OUTPUT')
      .map(propertyMap)
      .find((props) => props.get('name')?.toLowerCase() === 'kafka');
    return output;
  }
  if (file.language === 'yaml') {
    const outputs = obj(parseYaml(file.content)).pipeline;
    const list = obj(outputs).outputs;
    if (!Array.isArray(list)) return undefined;
    const found = list.map(obj).find((o) => str(o.name)?.toLowerCase() === 'kafka');
    if (!found) return undefined;
    return new Map(Object.entries(found).flatMap(([k, v]) => (str(v) === undefined ? [] : [[k.toLowerCase(), String(v)]])));
  }
  return undefined;
}

export function readBackFluentbit(file: RenderedFile): ProducerSettings | undefined {
  const props = kafkaOutputProperties(file);
  if (!props) return undefined;
  const rd = (key: string) => props.get(`rdkafka.${key}`);
  const protocol = (rd('security.protocol') ?? 'plaintext').toLowerCase();
  const verified = (rd('enable.ssl.certificate.verification') ?? 'true').toLowerCase() !== 'false';
  const hostChecked = (rd('ssl.endpoint.identification.algorithm') ?? 'https').toLowerCase() !== 'none';
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: props.get('brokers')?.split(',')[0]?.trim(),
    topic: props.get('topics')?.split(',')[0]?.trim() ?? 'fluent-bit',
    username: rd('sasl.username'),
    password: rd('sasl.password'),
    mechanism: rd('sasl.mechanisms') ?? rd('sasl.mechanism'),
    tls: (protocol === 'sasl_ssl' || protocol === 'ssl') && verified && hostChecked,
    constantKey: props.get('message_key'),
    codec: codecOf(rd('compression.codec') ?? rd('compression.type') ?? 'none'),
    acks: acksOf(rd('request.required.acks') ?? rd('acks') ?? '-1'),
  };
}
