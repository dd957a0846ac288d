/** Reads back the producer settings of a rendered `<beat>.yml`, parsed as YAML 1.1 the way Beats reads it. */
import { parseYaml } from '../../config-languages/yaml/parser';
import { acksOf, codecOf, obj, str } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackBeats(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'yaml') return undefined;
  const doc = obj(parseYaml(file.content));
  // Dotted keys (`output.kafka`, `sasl.mechanism`) are how Beats configs name nested settings.
  const out = obj(doc['output.kafka'] ?? obj(doc.output).kafka);
  const ssl = obj(out.ssl);
  const unescape = (v: unknown) => str(v)?.replace(/\$\$/g, '$');
  const headers = Array.isArray(out.headers) ? out.headers.map(obj) : [];
  const topic = unescape(out.topic);
  const jsonHeader = headers.some((h) => h.key === 'data-parse-format' && h.value === 'json');
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: Array.isArray(out.hosts) ? unescape(out.hosts[0]) : undefined,
    topic: jsonHeader && topic ? `${topic}.json` : topic,
    username: unescape(out.username),
    password: str(out.password)?.startsWith('${') ? str(out.password) : unescape(out.password),
    mechanism: str(out['sasl.mechanism'] ?? obj(out.sasl).mechanism),
    tls: ssl.enabled !== false && Object.keys(ssl).length > 0,
    constantKey: str(out.key),
    codec: codecOf(out.compression ?? 'gzip'),
    acks: acksOf(out.required_acks ?? 1),
  };
}
