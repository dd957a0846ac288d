/**
 * The librdkafka properties every librdkafka-based agent passes through
 * (collectd `Property`, Fluent Bit `rdkafka.*`, rsyslog `confParam`,
 * syslog-ng `config()`, Vector `librdkafka_options`, kcat `-X`/`-F`), read
 * into the parts of a Reading the shared SLS rules check. The agent's reader
 * supplies a Block whose keys are the librdkafka property names (written back
 * in its own syntax). Defaults are librdkafka's (CONFIGURATION.md): plaintext,
 * GSSAPI, acks -1, no idempotence; it negotiates the protocol version
 * (api.version.request), so there is no version to pin.
 */
import type { Block, Entry, Problem, Reading, WriteValue } from '../model';
import { acksFrom, numberFrom, PASSWORD_ENV } from './common';

export type LibrdkafkaParts = Pick<Reading, 'username' | 'mechanism' | 'tls' | 'verifyOff' | 'compression' | 'acks' | 'maxBytes' | 'idempotence' | 'transactions'> & {
  password?: Entry;
  /** The codec as written (lower case), `none` when unset. */
  codec: string;
  acksValue: -1 | 0 | 1;
  caPath?: string;
};

export interface LibrdkafkaSource {
  block: Block;
  /** Where a finding about a missing property points (the output block's first line). */
  header: number;
  /** Looks a property up; `acks`/`compression` may also live in topic-level settings the agent maps here. */
  get?: (name: string) => Entry | undefined;
  /** Property names tried first for acks (topic-level settings, rsyslog `topicConfParam`). */
  acksNames?: readonly string[];
  /** Property names tried for the codec, after compression.codec and compression.type. */
  codecNames?: readonly string[];
  /** How TLS is switched on in this agent (default: security.protocol=SASL_SSL). */
  tlsFix?: () => ReturnType<Block['set']>[];
  /** The value written for security.protocol (collectd's examples use lower case). */
  protocolSpelling?: string;
}

export function librdkafkaParts(src: LibrdkafkaSource): LibrdkafkaParts {
  const { block, header } = src;
  const prop = src.get ?? block.get;
  const either = (...names: string[]) => names.map(prop).find((e) => e !== undefined);
  const protocol = prop('security.protocol');
  const mechanism = either('sasl.mechanisms', 'sasl.mechanism');
  const hostCheck = prop('ssl.endpoint.identification.algorithm');
  const certCheck = prop('enable.ssl.certificate.verification');
  const codec = either('compression.codec', 'compression.type', ...(src.codecNames ?? []));
  const acks = either(...(src.acksNames ?? []), 'request.required.acks', 'acks');
  const maxBytes = prop('message.max.bytes');
  const idempotence = prop('enable.idempotence');
  const transactional = prop('transactional.id');
  const verifyOff: Reading['verifyOff'] = [];
  if (hostCheck && /^none$/i.test(hostCheck.value ?? '')) {
    verifyOff.push({ line: hostCheck.line, what: 'ssl.endpoint.identification.algorithm is “none”', fix: () => [block.set(hostCheck.key, { text: 'https' })] });
  }
  if (certCheck && /^false$/i.test(certCheck.value ?? '')) {
    verifyOff.push({ line: certCheck.line, what: 'enable.ssl.certificate.verification is false', fix: () => [block.set(certCheck.key, { text: 'true' })] });
  }
  const codecName = codec?.value?.toLowerCase() || 'none';
  const acksValue = acksFrom(acks?.value ?? '-1');
  return {
    username: prop('sasl.username'),
    password: prop('sasl.password'),
    // librdkafka's default mechanism is GSSAPI.
    mechanism: { value: mechanism?.value ?? 'GSSAPI (librdkafka default)', line: mechanism?.line ?? header, fix: () => block.set(mechanism?.key ?? 'sasl.mechanisms', { text: 'PLAIN' }) },
    tls: {
      on: /^(sasl_)?ssl$/i.test(protocol?.value ?? ''),
      why: protocol ? `security.protocol is “${protocol.value}”` : 'security.protocol is not set (librdkafka defaults to plaintext)',
      fix: src.tlsFix ?? (() => [block.set(protocol?.key ?? 'security.protocol', { text: src.protocolSpelling ?? 'SASL_SSL' })]),
    },
    verifyOff,
    compression: codec?.value ? { codec: codecName, line: codec.line, fix: (c) => block.set(codec.key, { text: c }) } : undefined,
    acks: acks?.value !== undefined ? { value: acksValue, line: acks.line, fix: () => block.set(acks.key, { text: '1' }) } : undefined,
    maxBytes: maxBytes?.value !== undefined ? { value: numberFrom(maxBytes.value), line: maxBytes.line, fix: () => block.set(maxBytes.key, { text: '1000000' }) } : undefined,
    idempotence: idempotence && /^true$/i.test(idempotence.value ?? '') ? { line: idempotence.line, fix: () => block.set(idempotence.key, { text: 'false' }) } : undefined,
    transactions: transactional ? { line: transactional.line, fix: () => block.remove(transactional.key) } : undefined,
    codec: codecName,
    acksValue,
    caPath: prop('ssl.ca.location')?.value,
  };
}

export interface LibrdkafkaReadingInput extends LibrdkafkaSource {
  agent: Reading['agent'];
  language: Reading['language'];
  keys: Reading['keys'];
  /** The bootstrap servers' entry (a comma-separated value or a list). */
  bootstrap?: Entry;
  topic?: Entry;
  constantKey?: Reading['constantKey'];
  /** Whether the password entry is a reference the agent resolves (not a literal secret). */
  isReference: (password: Entry) => boolean;
  /** How the fixed file refers to the secret (default: the SLS_KAFKA_PASSWORD environment variable). */
  passwordReference?: WriteValue;
  jsonHeader?: Reading['jsonHeader'];
  problems?: Problem[];
  options?: Record<string, unknown>;
}

/** The producer settings every librdkafka reading hands on as read. */
export function producerParts(rd: LibrdkafkaParts): Pick<Reading, 'acks' | 'maxBytes' | 'idempotence' | 'transactions'> {
  return { acks: rd.acks, maxBytes: rd.maxBytes, idempotence: rd.idempotence, transactions: rd.transactions };
}

/** A whole Reading for an agent that hands librdkafka its properties. */
export function librdkafkaReading(input: LibrdkafkaReadingInput): Reading {
  const rd = librdkafkaParts(input);
  const { block } = input;
  const pw = rd.password;
  const servers = input.bootstrap?.list ?? (input.bootstrap?.value ?? '').split(',');
  return {
    agent: input.agent,
    language: input.language,
    block,
    keys: input.keys,
    bootstrap: servers.map((s) => s.trim()).filter((s) => s !== ''),
    bootstrapEntry: input.bootstrap,
    topic: input.topic,
    username: rd.username,
    password:
      pw?.value !== undefined
        ? {
            value: pw.value,
            line: pw.line,
            reference: input.isReference(pw),
            replaceWithReference: () => block.set(pw.key, input.passwordReference ?? { env: PASSWORD_ENV }),
          }
        : undefined,
    mechanism: rd.mechanism,
    constantKey: input.constantKey,
    tls: rd.tls,
    verifyOff: rd.verifyOff,
    compression: rd.compression,
    ...producerParts(rd),
    jsonHeader: input.jsonHeader,
    problems: input.problems ?? [],
    options: { compression: rd.codec, caPath: rd.caPath, acks: rd.acksValue, ...input.options },
  };
}

/**
 * A view of `block` keyed by librdkafka property names: a dotted name is the
 * file's `prefix + name` (Fluent Bit `rdkafka.`, Vector `librdkafka_options.`),
 * other keys pass through unchanged.
 */
export function prefixedBlock(block: Block, prefix: string, matchCase = true): Block {
  const fileKey = (k: string) => (k.includes('.') ? prefix + k : k);
  return {
    line: block.line,
    endLine: block.endLine,
    get: (k) => {
      const e = block.get(fileKey(k)) ?? (matchCase ? undefined : block.get(fileKey(k).toLowerCase()));
      return e ? { ...e, key: k } : undefined;
    },
    set: (k, v) => block.set(fileKey(k), v),
    remove: (k) => block.remove(fileKey(k)),
  };
}
