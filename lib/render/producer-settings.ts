/**
 * Reads back what a rendered file really tells the agent's Kafka producer to
 * do, by parsing it with the parser of its language (js-yaml, smol-toml, and
 * the grammar-faithful parsers in lib/config-parsers), and compares it with
 * the settings. /api/validate runs this before the doctor, so a template bug
 * is reported as one instead of as a network problem.
 */
import { load as loadYaml, YAML11_SCHEMA } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { parseCollectdConfig, type CollectdItem } from '../config-parsers/collectd';
import { parseFluentdConfig, type FluentdElement } from '../config-parsers/fluentd';
import { parseJaasFile, parseSaslJaasConfig } from '../config-parsers/jaas';
import { parseLogstashConfig, type LogstashValue } from '../config-parsers/logstash';
import type { Codec } from '../kafka/protocol/records/compression';
import type { AgentId } from '../settings/agents';
import type { RenderContext } from './context';
import type { RenderedFile } from './types';

export interface ProducerSettings {
  agent: AgentId;
  path: string;
  bootstrap?: string;
  topic?: string;
  username?: string;
  /** The literal password, or the reference the agent resolves (`${SLS_KAFKA_PASSWORD}`, …). */
  password?: string;
  mechanism?: string;
  tls: boolean;
  /** A constant message key (what breaks shard spread), if the file sets one. */
  constantKey?: string;
  codec: Codec;
  acks: -1 | 0 | 1;
}

export interface ProducerCheck {
  settings: ProducerSettings[];
  problems: string[];
}

type Tree = Record<string, unknown>;
const obj = (v: unknown): Tree => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Tree) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const CODECS: readonly Codec[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
const codecOf = (v: unknown): Codec => {
  const s = str(v)?.toLowerCase();
  return CODECS.includes(s as Codec) ? (s as Codec) : 'none';
};
const acksOf = (v: unknown): -1 | 0 | 1 => {
  const s = str(v);
  return s === '0' ? 0 : s === '-1' || s === 'all' ? -1 : 1;
};

function beats(file: RenderedFile): ProducerSettings {
  const doc = obj(loadYaml(file.content, { schema: YAML11_SCHEMA }));
  // Dotted keys (`output.kafka`, `sasl.mechanism`) are how Beats configs name nested settings.
  const out = obj(doc['output.kafka'] ?? obj(doc.output).kafka);
  const ssl = obj(out.ssl);
  const unescape = (v: unknown) => str(v)?.replace(/\$\$/g, '$');
  const headers = Array.isArray(out.headers) ? out.headers.map(obj) : [];
  const topic = unescape(out.topic);
  const jsonHeader = headers.some((h) => h.key === 'data-parse-format' && h.value === 'json');
  return {
    agent: 'beats',
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

function collectd(file: RenderedFile): ProducerSettings {
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
    agent: 'collectd',
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

const TELEGRAF_CODECS: readonly Codec[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

function telegraf(file: RenderedFile): ProducerSettings {
  const doc = parseToml(file.content) as Tree;
  const list = obj(doc.outputs).kafka;
  const out = obj(Array.isArray(list) ? list[0] : undefined);
  const brokers = Array.isArray(out.brokers) ? out.brokers : [];
  return {
    agent: 'telegraf',
    path: file.path,
    bootstrap: str(brokers[0]),
    topic: str(out.topic),
    username: str(out.sasl_username),
    password: str(out.sasl_password),
    mechanism: str(out.sasl_mechanism),
    tls: out.enable_tls === true || typeof out.tls_ca === 'string',
    constantKey: out.routing_key !== undefined && out.routing_key !== 'random' ? str(out.routing_key) : undefined,
    codec: TELEGRAF_CODECS[Number(out.compression_codec ?? 0)] ?? 'none',
    acks: acksOf(out.required_acks ?? -1),
  };
}

function fluentd(file: RenderedFile): ProducerSettings {
  const doc = parseFluentdConfig(file.content, { interpolation: 'marker' });
  const find = (el: FluentdElement): FluentdElement | undefined =>
    el.params.some((p) => p.key === '@type' && p.value === 'kafka2') ? el : el.elements.map(find).find(Boolean);
  const out = find(doc.root);
  const param = (k: string) => out?.params.find((p) => p.key === k)?.value;
  const password = param('password');
  return {
    agent: 'fluentd',
    path: file.path,
    bootstrap: param('brokers')?.replace(/^\[?"?|"?\]?$/g, '').split(',')[0],
    topic: param('topic') ?? param('default_topic'),
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

function logstashString(v: LogstashValue | undefined): string | undefined {
  return v && v.kind === 'string' ? v.value : v && (v.kind === 'bareword' || v.kind === 'number') ? String(v.value) : undefined;
}

function logstash(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings {
  const config = parseLogstashConfig(file.content);
  const kafka = config.sections.filter((s) => s.type === 'output').flatMap((s) => s.plugins).find((p) => p.name === 'kafka');
  const attr = (name: string) => logstashString(kafka?.attributes.find((a) => a.name === name)?.value);
  let options: Record<string, string> | undefined;
  const inline = attr('sasl_jaas_config');
  if (inline) options = parseSaslJaasConfig(inline)[0]?.options;
  const jaasFile = files.find((f) => f.agent === 'logstash' && f.language === 'jaas');
  if (!options && jaasFile && attr('jaas_path')) options = parseJaasFile(jaasFile.content).get('KafkaClient')?.[0]?.options;
  return {
    agent: 'logstash',
    path: file.path,
    bootstrap: attr('bootstrap_servers')?.split(',')[0],
    topic: attr('topic_id'),
    username: options?.username,
    password: options?.password,
    mechanism: attr('sasl_mechanism'),
    tls: attr('security_protocol') === 'SASL_SSL',
    constantKey: attr('message_key'),
    codec: codecOf(attr('compression_type')),
    acks: acksOf(attr('acks') ?? '1'),
  };
}

/** Parse every producer config among the files and compare it with the settings. */
export function checkProducerSettings(ctx: RenderContext, files: readonly RenderedFile[]): ProducerCheck {
  const settings: ProducerSettings[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let s: ProducerSettings;
    try {
      if (file.agent === 'beats' && file.language === 'yaml') s = beats(file);
      else if (file.agent === 'collectd' && file.language === 'collectd') s = collectd(file);
      else if (file.agent === 'telegraf' && file.language === 'toml') s = telegraf(file);
      else if (file.agent === 'fluentd' && file.language === 'fluentd') s = fluentd(file);
      else if (file.agent === 'logstash' && file.language === 'logstash') s = logstash(file, files);
      else continue;
    } catch (err) {
      problems.push(`${file.agent}/${file.path} does not parse: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    settings.push(s);
    const where = `${file.agent}/${file.path}`;
    const expectEqual = (what: string, got: string | undefined, want: string) => {
      if (got !== want) problems.push(`${where}: ${what} is ${got === undefined ? 'missing' : `“${got}”`}, expected “${want}”`);
    };
    expectEqual('bootstrap server', s.bootstrap, ctx.endpoint.bootstrap);
    expectEqual('topic', s.topic, ctx.topic);
    expectEqual('SASL username', s.username, ctx.username);
    if (s.mechanism !== 'PLAIN') problems.push(`${where}: SASL mechanism is ${s.mechanism ?? 'missing'}, expected PLAIN`);
    if (!s.tls) problems.push(`${where}: TLS is not switched on`);
    if (s.constantKey !== undefined) problems.push(`${where}: a constant message key “${s.constantKey}” pins every record to one shard`);
    const inline = s.password === ctx.password;
    const reference = s.password !== undefined && s.password.includes(ctx.passwordEnvVar);
    if (ctx.secretMode === 'inline' ? !inline : !(reference || (file.agent === 'collectd' && inline))) {
      problems.push(`${where}: the SASL password is ${s.password === undefined ? 'missing' : 'not the AccessKey pair or its reference'}`);
    }
  }
  return { settings, problems };
}
