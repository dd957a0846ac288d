/**
 * Reads back the producer settings of a rendered collector config's `kafka`
 * exporter, parsed as YAML (the collector's confmap reads YAML 1.2 through
 * go-yaml; js-yaml's default schema matches it for what we write). Both
 * release lines: per-signal `logs.topic` and top-level `tls` (v0.124.0+), or
 * top-level `topic` and `auth.tls`.
 */
import { load } from 'js-yaml';
import { acksOf, codecOf, obj, str } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackOtelcol(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'yaml') return undefined;
  const exporters = obj(obj(load(file.content)).exporters);
  const key = Object.keys(exporters).find((k) => k === 'kafka' || k.startsWith('kafka/'));
  if (key === undefined) return undefined;
  const kafka = obj(exporters[key]);
  const auth = obj(kafka.auth);
  const sasl = obj(auth.sasl);
  // No TLS block at all means plain text; the top-level block wins over auth.tls.
  const tlsBlock = kafka.tls !== undefined ? kafka.tls : auth.tls;
  const tls = obj(tlsBlock);
  const producer = obj(kafka.producer);
  const brokers = Array.isArray(kafka.brokers) ? kafka.brokers : [];
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: str(brokers[0]),
    topic: str(obj(kafka.logs).topic ?? kafka.topic),
    username: str(sasl.username),
    password: str(sasl.password),
    mechanism: str(sasl.mechanism),
    tls: tlsBlock !== undefined && tlsBlock !== null && tls.insecure !== true && tls.insecure_skip_verify !== true,
    // The exporter sets no key with raw encoding; partitioning by resource attributes would.
    constantKey: kafka.partition_logs_by_resource_attributes === true ? 'resource attributes' : undefined,
    codec: codecOf(producer.compression ?? 'none'),
    acks: acksOf(producer.required_acks ?? 1),
  };
}
