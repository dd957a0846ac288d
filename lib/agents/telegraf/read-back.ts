/** Reads back the producer settings of a rendered Telegraf `[[outputs.kafka]]` block, parsed as TOML. */
import { parseToml } from '../../config-languages/toml/parser';
import { CODECS } from '../common/codecs';
import { acksOf, obj, str } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

export function readBackTelegraf(file: RenderedFile): ProducerSettings | undefined {
  if (file.language !== 'toml') return undefined;
  const doc = parseToml(file.content);
  const list = obj(doc.outputs).kafka;
  const out = obj(Array.isArray(list) ? list[0] : undefined);
  const brokers = Array.isArray(out.brokers) ? out.brokers : [];
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: str(brokers[0]),
    topic: str(out.topic),
    username: str(out.sasl_username),
    password: str(out.sasl_password),
    mechanism: str(out.sasl_mechanism),
    tls: out.enable_tls === true || typeof out.tls_ca === 'string',
    constantKey: out.routing_key !== undefined && out.routing_key !== 'random' ? str(out.routing_key) : undefined,
    // Telegraf names codecs by number, in Kafka's attribute-id order.
    codec: CODECS[Number(out.compression_codec ?? 0)] ?? 'none',
    acks: acksOf(out.required_acks ?? -1),
  };
}
