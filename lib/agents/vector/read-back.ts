/** Reads back the producer settings of a rendered Vector config's `kafka` sink, parsed as YAML or TOML. */
import { parse as parseTomlText } from 'smol-toml';
import { load } from 'js-yaml';
import { acksOf, codecOf, obj, str } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackVector(file: RenderedFile): ProducerSettings | undefined {
  let doc: unknown;
  // Vector's own parsers: serde_yaml (YAML 1.2 core schema) and toml.
  if (file.language === 'yaml') doc = load(file.content);
  else if (file.language === 'toml') doc = parseTomlText(file.content);
  else return undefined;
  const sinks = Object.values(obj(obj(doc).sinks)).map(obj);
  const sink = sinks.find((s) => s.type === 'kafka');
  if (!sink) return undefined;
  const sasl = obj(sink.sasl);
  const tls = obj(sink.tls);
  const rdkafka = obj(sink.librdkafka_options);
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: str(sink.bootstrap_servers),
    topic: str(sink.topic),
    username: str(sasl.username),
    password: str(sasl.password),
    // Vector sends SASL only when sasl.enabled is true.
    mechanism: sasl.enabled === true ? str(sasl.mechanism) : undefined,
    tls: tls.enabled === true && tls.verify_certificate !== false && tls.verify_hostname !== false,
    constantKey: str(sink.key_field),
    codec: codecOf(sink.compression ?? 'none'),
    // librdkafka's default is all in-sync replicas.
    acks: acksOf(rdkafka['request.required.acks'] ?? rdkafka.acks ?? -1),
  };
}
