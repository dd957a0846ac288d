/**
 * Lint reader for Logstash: the kafka output of a pipeline (parsed with
 * offsets, lib/config-languages/logstash) with the JAAS login from
 * `sasl_jaas_config`; and a JAAS file on its own (`jaas_path`'s target),
 * checked for the syntax the JDK's ConfigFile accepts. Facts:
 * docs/agents/logstash.md.
 */
import { JaasParseError, parseJaasFile, parseSaslJaasConfig, type JaasLoginModule } from '../../config-languages/jaas/parser';
import { LogstashParseError, parseLogstashConfig, type LogstashPlugin, type LogstashValue } from '../../config-languages/logstash/parser';
import { logstashString } from '../../config-languages/logstash/string';
import { indentOf, lineOf, type Block, type Edit, type Entry, type Problem, type Reading, type WriteValue } from '../model';
import { acksFrom, entriesBlock, isReference, LintParseError, NotThisKind, numberFrom, PASSWORD_ENV, placeholderPassword } from './common';

const PLAIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';

function scalar(v: LogstashValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'bareword' || v.kind === 'number') return String(v.value);
  return undefined;
}

function valueText(v: WriteValue): string {
  if ('text' in v) return logstashString(v.text);
  if ('env' in v) return logstashString({ variable: v.env });
  if ('number' in v) return String(v.number);
  if ('boolean' in v) return v.boolean ? 'true' : 'false';
  if ('list' in v) return logstashString(v.list.join(','));
  return v.raw;
}

/** Problems of one JAAS login-module list (shared by sasl_jaas_config and JAAS files). */
function moduleProblems(modules: readonly JaasLoginModule[], line: number): Problem[] {
  const m = modules[0];
  if (!m) return [{ rule: 'logstash-jaas-syntax', severity: 'error', line, message: 'The JAAS login has no login module.', fix: `Write “${PLAIN_MODULE} required username="…" password="…";”.` }];
  const out: Problem[] = [];
  if (m.loginModule !== PLAIN_MODULE) {
    out.push({ rule: 'logstash-jaas-syntax', severity: 'error', line, message: `The login module is “${m.loginModule}”; SASL PLAIN needs ${PLAIN_MODULE}.`, fix: `Use ${PLAIN_MODULE}.` });
  }
  if (m.flag !== 'required') {
    out.push({ rule: 'logstash-jaas-syntax', severity: 'warning', line, message: `The control flag is “${m.flag}”.`, fix: 'Use “required”.' });
  }
  return out;
}

/** A JAAS file (Logstash's `jaas_path`): syntax, the KafkaClient entry, the login. */
export function readJaasFile(content: string): Reading {
  const lines = content.split('\n');
  let entries: Map<string, JaasLoginModule[]>;
  try {
    entries = parseJaasFile(content);
  } catch (err) {
    if (!(err instanceof JaasParseError)) throw err;
    // The JDK's tokenizer keeps no lines: point at the likeliest one.
    const optionLines = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => /\w+\s*=\s*\S/.test(l));
    const last = optionLines[optionLines.length - 1];
    const smart = lines.findIndex((l) => /[“”‘’]/.test(l)) + 1;
    const noSemicolon = last && !/;\s*$/.test(last.l) ? last.n : 0;
    const where = smart || noSemicolon || lines.findIndex((l) => /}\s*$/.test(l) && !/};\s*$/.test(l)) + 1 || 1;
    throw new LintParseError(
      `JAAS file: ${err.message}. ${smart ? 'Typographic quotes (“ ”) are not quotes in JAAS; use ".' : noSemicolon ? 'The last option of a login module ends with “;”.' : 'Each entry is “Name { module flag key="value" …; };”.'}`,
      where,
    );
  }
  const kafka = entries.get('KafkaClient');
  if (!kafka) throw new NotThisKind(`a JAAS file without a KafkaClient entry (entries: ${[...entries.keys()].join(', ') || 'none'})`);
  const headLine = lines.findIndex((l) => /KafkaClient\s*\{/.test(l)) + 1 || 1;
  const optionLine = (key: string) => lines.findIndex((l) => new RegExp(`\\b${key}\\s*=`).test(l)) + 1 || headLine;
  const set = (key: string, value: WriteValue): Edit => {
    const n = optionLine(key);
    const old = lines[n - 1] ?? '';
    const text = 'text' in value ? value.text : 'env' in value ? `\${${value.env}}` : '';
    const replaced = old.replace(new RegExp(`(\\b${key}\\s*=\\s*)("[^"]*"|\\S+?)(\\s*;?\\s*)$`), (_m, a: string, _b: string, c: string) => `${a}"${text}"${c}`);
    return { from: n, to: n, lines: [replaced] };
  };
  const block: Block = {
    line: headLine,
    endLine: lines.length,
    get: (key) => {
      const v = kafka[0]?.options[key];
      return v === undefined ? undefined : { key, value: v, line: optionLine(key), endLine: optionLine(key) };
    },
    set,
    remove: () => undefined,
  };
  const options = kafka[0]?.options ?? {};
  return {
    agent: 'logstash',
    language: 'jaas',
    block,
    keys: { bootstrap: '', topic: '' },
    bootstrap: [],
    username: block.get('username'),
    password: options.password !== undefined
      ? {
          value: options.password,
          line: optionLine('password'),
          reference: isReference(options.password),
          // The JVM reads JAAS files without environment variables: keep the ID, leave a placeholder for the secret.
          replaceWithReference: () => set('password', { text: placeholderPassword(options.password!) }),
        }
      : undefined,
    tls: { on: true, why: '', fix: () => [] },
    verifyOff: [],
    problems: moduleProblems(kafka, headLine),
    options: {},
  };
}

export function readLogstash(content: string): Reading {
  let sections;
  try {
    sections = parseLogstashConfig(content, { positions: true }).sections;
  } catch (err) {
    if (err instanceof LogstashParseError) {
      throw new LintParseError(`Logstash pipeline: ${err.message.replace(/ at offset \d+$/, '')} (the linter reads input/filter/output sections without conditionals)`, lineOf(content, err.offset));
    }
    throw err;
  }
  const outputs = sections.filter((s) => s.type === 'output').flatMap((s) => s.plugins);
  const kafka = outputs.find((p) => p.name === 'kafka');
  if (!kafka) throw new NotThisKind('a Logstash pipeline without a kafka output');
  const lines = content.split('\n');
  const line = lineOf(content, kafka.offset ?? 0);
  const close = lineOf(content, kafka.endOffset ?? content.length);
  const entries = new Map<string, Entry>();
  for (const a of kafka.attributes) {
    entries.set(a.name, { key: a.name, value: scalar(a.value), line: lineOf(content, a.offset ?? 0), endLine: lineOf(content, a.endOffset ?? 0) });
  }
  const first = kafka.attributes[0];
  const indent = first ? indentOf(lines, lineOf(content, first.offset ?? 0)) : '    ';
  const last = [...entries.values()].reduce((m, e) => Math.max(m, e.endLine), line);
  const block = entriesBlock(line, close, entries, (key, value) => `${indent}${key} => ${valueText(value)}`, last + 1);
  const get = (k: string) => entries.get(k);
  const problems: Problem[] = [];
  const jaasPath = get('jaas_path');
  const jaasConfig = get('sasl_jaas_config');
  let login: Record<string, string> | undefined;
  if (jaasConfig?.value !== undefined) {
    try {
      const modules = parseSaslJaasConfig(jaasConfig.value);
      problems.push(...moduleProblems(modules, jaasConfig.line));
      login = modules[0]?.options;
    } catch (err) {
      if (!(err instanceof JaasParseError)) throw err;
      problems.push({
        rule: 'logstash-jaas-syntax',
        severity: 'error',
        line: jaasConfig.line,
        message: `sasl_jaas_config does not parse: ${err.message}.`,
        fix: `Write it as “${PLAIN_MODULE} required username='…' password='…';” (one login module, options quoted, ending in “;”).`,
      });
    }
    problems.push({
      rule: 'logstash-jaas-config-broken',
      severity: 'info',
      line: jaasConfig.line,
      message: 'sasl_jaas_config fails in logstash-integration-kafka 11.8.5–11.8.7 and 12.0.5–12.1.0 (the Logstash 9.2 branch ships 11.8.7).',
      fix: 'Check “bin/logstash-plugin list --verbose logstash-integration-kafka”; on those versions run “bin/logstash-plugin update logstash-integration-kafka” (fixed in 11.8.8 / 12.1.1).',
    });
  } else if (jaasPath) {
    problems.push({
      rule: 'logstash-jaas-path',
      severity: 'info',
      line: jaasPath.line,
      message: 'jaas_path sets a JVM-wide login file: every Kafka plugin in this Logstash shares it, and the linter cannot see its username and password here.',
      fix: 'Prefer sasl_jaas_config in the output (or check the JAAS file with this linter too: paste it alone).',
    });
  }
  const truststore = get('ssl_truststore_location');
  if (truststore) {
    problems.push({
      rule: 'logstash-truststore',
      severity: 'warning',
      line: truststore.line,
      message:
        'A truststore pinned to SLS\'s old root (“GlobalSign Root CA” only, as in the 2019 guide) stopped working when SLS changed server roots in 2025; its contents cannot be checked from here.',
      fix: 'Remove the ssl_truststore_* lines: the JVM default truststore (cacerts) already trusts SLS. If you must pin, rebuild the JKS with GlobalSign R1, R3, R5, R6, E46 and R46.',
      edits: ['ssl_truststore_location', 'ssl_truststore_password', 'ssl_truststore_type'].map((k) => block.remove(k)).filter((e): e is Edit => e !== undefined),
    });
  }
  const stdout = outputs.find((p: LogstashPlugin) => p.name === 'stdout');
  if (stdout) {
    const from = lineOf(content, stdout.offset ?? 0);
    const to = lineOf(content, stdout.endOffset ?? 0);
    const alone = (lines[from - 1] ?? '').trim().startsWith('stdout') && /^[^}]*}\s*$/.test(lines[to - 1] ?? '') && from !== line && to !== close;
    problems.push({
      rule: 'logstash-stdout',
      severity: 'warning',
      line: from,
      message: 'A stdout output prints every event into Logstash\'s log (the 2019 guide kept it for a connectivity test).',
      fix: 'Remove the stdout output once the pipeline works.',
      edits: alone ? [{ from, to, lines: [] }] : undefined,
    });
  }
  const username = login?.username;
  const password = login?.password;
  const protocol = get('security_protocol');
  const mechanism = get('sasl_mechanism');
  const hostCheck = get('ssl_endpoint_identification_algorithm');
  const acks = get('acks');
  const codec = get('compression_type');
  const maxBytes = get('max_request_size');
  const key = get('message_key');
  // A `${VAR}` reference cannot be escaped in a Logstash string: the reference part is written as a variable.
  const jaasFix = (pw: { env: string }) =>
    block.set('sasl_jaas_config', {
      raw: logstashString(`${PLAIN_MODULE} required username='${username ?? ''}' password='`, { variable: pw.env }, "';"),
    });
  const acksValue = acksFrom(acks?.value ?? '1');
  return {
    agent: 'logstash',
    language: 'logstash',
    block,
    keys: { bootstrap: 'bootstrap_servers', topic: 'topic_id', key: 'message_key' },
    bootstrap: get('bootstrap_servers')?.value?.split(',').map((s) => s.trim()) ?? [],
    bootstrapEntry: get('bootstrap_servers'),
    topic: get('topic_id'),
    username: username !== undefined && jaasConfig ? { key: 'username', value: username, line: jaasConfig.line, endLine: jaasConfig.line } : undefined,
    credentialsElsewhere: !jaasConfig && jaasPath !== undefined,
    password:
      password !== undefined && jaasConfig
        ? { value: password, line: jaasConfig.line, reference: isReference(password), replaceWithReference: () => jaasFix({ env: PASSWORD_ENV }) }
        : undefined,
    // The Kafka client's default mechanism is GSSAPI.
    mechanism: { value: mechanism?.value ?? 'GSSAPI (Kafka client default)', line: mechanism?.line ?? line, fix: () => block.set('sasl_mechanism', { text: 'PLAIN' }) },
    constantKey: key?.value !== undefined && !key.value.includes('%{') ? { value: key.value, line: key.line, remove: () => block.remove('message_key') } : undefined,
    tls: {
      on: protocol?.value === 'SASL_SSL' || protocol?.value === 'SSL',
      why: protocol ? `security_protocol is “${protocol.value}”` : 'security_protocol is not set (the Kafka client defaults to PLAINTEXT)',
      fix: () => [block.set('security_protocol', { text: 'SASL_SSL' })],
    },
    verifyOff:
      hostCheck && (hostCheck.value ?? '') === ''
        ? [{ line: hostCheck.line, what: 'ssl_endpoint_identification_algorithm is empty (no host-name check)', fix: () => [block.set('ssl_endpoint_identification_algorithm', { text: 'https' })] }]
        : [],
    compression: codec?.value ? { codec: codec.value.toLowerCase(), line: codec.line, fix: (c) => block.set('compression_type', { text: c }) } : undefined,
    acks: { value: acksValue, line: acks?.line ?? line, fix: () => block.set('acks', { text: '1' }) },
    maxBytes: maxBytes?.value ? { value: numberFrom(maxBytes.value), line: maxBytes.line, fix: () => block.set('max_request_size', { number: 1000000 }) } : undefined,
    // kafka-clients 3.x turn the idempotent producer on by default when acks is all (docs/agents/logstash.md#idempotence).
    idempotence: acksValue === -1 ? { line: acks?.line ?? line, fix: () => block.set('acks', { text: '1' }) } : undefined,
    problems,
    options: {
      compression: codec?.value?.toLowerCase() ?? 'none',
      acks: acksValue === -1 ? 'all' : String(acksValue),
      truststore: truststore ? 'jks' : 'jvm',
      jaasMode: jaasConfig ? 'inline' : jaasPath ? 'file' : undefined,
      clientId: get('client_id')?.value,
    },
  };
}
