/**
 * Reads back the producer settings of a rendered Logstash pipeline: the kafka
 * output's attributes, and the JAAS login from `sasl_jaas_config` or from the
 * JAAS file `jaas_path` names (another of the agent's files). A record header
 * `data-parse-format: json` (`message_headers`) expands JSON like the `.json`
 * topic does, so it reads back as that topic.
 */
import { parseJaasFile, parseSaslJaasConfig } from '../../config-languages/jaas/parser';
import { parseLogstashConfig, type LogstashValue } from '../../config-languages/logstash/parser';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

function logstashString(v: LogstashValue | undefined): string | undefined {
  return v && v.kind === 'string' ? v.value : v && (v.kind === 'bareword' || v.kind === 'number') ? String(v.value) : undefined;
}

export function readBackLogstash(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings | undefined {
  if (file.language !== 'logstash') return undefined;
  const config = parseLogstashConfig(file.content);
  const kafka = config.sections.filter((s) => s.type === 'output').flatMap((s) => s.plugins).find((p) => p.name === 'kafka');
  const attr = (name: string) => logstashString(kafka?.attributes.find((a) => a.name === name)?.value);
  const headers = kafka?.attributes.find((a) => a.name === 'message_headers')?.value;
  const jsonHeader =
    headers?.kind === 'hash' && headers.entries.some((e) => e.key === 'data-parse-format' && logstashString(e.value) === 'json');
  const topic = attr('topic_id');
  let options: Record<string, string> | undefined;
  const inline = attr('sasl_jaas_config');
  if (inline) options = parseSaslJaasConfig(inline)[0]?.options;
  const jaasFile = files.find((f) => f.agent === file.agent && f.language === 'jaas');
  if (!options && jaasFile && attr('jaas_path')) options = parseJaasFile(jaasFile.content).get('KafkaClient')?.[0]?.options;
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: attr('bootstrap_servers')?.split(',')[0],
    topic: jsonHeader && topic ? `${topic}.json` : topic,
    username: options?.username,
    password: options?.password,
    mechanism: attr('sasl_mechanism'),
    tls: attr('security_protocol') === 'SASL_SSL',
    constantKey: attr('message_key'),
    codec: codecOf(attr('compression_type')),
    acks: acksOf(attr('acks') ?? '1'),
  };
}
