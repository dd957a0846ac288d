/**
 * The SLS rules every agent shares, run on an agent reader's `Reading`.
 * Each rule has a stable id (./types) and its source in docs/lint-rules.md.
 */
import { accessKeyIdProblem, accessKeySecretProblem, LOGSTORE_RULE, nameProblem, PROJECT_RULE } from '../settings/names';
import { KAFKA_PORTS, regionFromHost, SLS_DOMAIN } from '../sls/endpoints';
import { findRegion } from '../sls/regions';
import { ID_PLACEHOLDER, SECRET_PLACEHOLDER } from './agents/common';
import { cannotReadEnv, type Edit, type Problem, type Reading } from './model';

/** SLS stores one log entry of at most 1 MB (docs/sls-limits.md). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** Codecs each agent can send (docs/agents/<id>.md "Compression"). */
const AGENT_CODECS: Partial<Record<Reading['agent'], readonly string[]>> = {
  // zstd: Beats 9 only (8.x lists none, snappy, lz4, gzip); the version rule below still needs 2.1.0 for it.
  beats: ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
  telegraf: ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
  collectd: ['none', 'gzip', 'snappy', 'lz4', 'zstd', 'inherit'],
  fluentd: ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
  logstash: ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
};

const versionParts = (v: string) => v.split('.').map((x) => Number.parseInt(x, 10) || 0);
function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface HostReading {
  host: string;
  port?: number;
  region?: string;
  network?: 'internet' | 'intranet';
  /** The project prefix, if the host has one. */
  project?: string;
}

export function readHost(server: string): HostReading {
  const m = /^(?:[a-z]+:\/\/)?([^:/\s]+)(?::(\d+))?/i.exec(server.trim());
  const host = (m?.[1] ?? server).toLowerCase();
  const port = m?.[2] ? Number(m[2]) : undefined;
  const where = regionFromHost(host);
  const labels = host.slice(0, -(SLS_DOMAIN.length + 1)).split('.');
  return { host, port, region: where?.region, network: where?.network, project: where && labels.length > 1 ? labels[0] : undefined };
}

export function slsRules(r: Reading): Problem[] {
  const out: Problem[] = [];
  const at = r.block.line;
  const add = (p: Problem) => out.push(p);
  const username = r.username?.value;
  const validProject = username !== undefined && !username.includes('${') && nameProblem(username, PROJECT_RULE) === undefined ? username : undefined;

  // ---- bootstrap host and port
  if (r.keys.bootstrap !== '') {
    if (r.bootstrap.length === 0) {
      add({ rule: 'bootstrap-missing', severity: 'error', line: r.bootstrapEntry?.line ?? at, message: `No bootstrap server (${r.keys.bootstrap}).`, fix: 'Set it to {project}.{region}.log.aliyuncs.com:10012 (10011 from inside Alibaba Cloud).' });
    } else {
      const line = r.bootstrapEntry?.line ?? at;
      const fixed: string[] = [];
      let changed = false;
      let fixable = true;
      for (const server of r.bootstrap) {
        const h = readHost(server);
        if (!h.region || !findRegion(h.region)) {
          fixable = false;
          add({
            rule: 'host-not-sls',
            severity: 'error',
            line,
            message: h.region ? `“${h.host}” names “${h.region}”, which is not an SLS region.` : `“${h.host}” is not an SLS Kafka endpoint (*.log.aliyuncs.com).`,
            fix: 'Use {project}.{region}.log.aliyuncs.com, with the region your project is in.',
          });
          fixed.push(server);
          continue;
        }
        let host = h.host;
        if (!h.project) {
          add({
            rule: 'host-region-form',
            severity: 'warning',
            line,
            message: `“${h.host}” is the 2019 host form without the project; SLS's documentation has used {project}.{region}.log.aliyuncs.com since 2020.`,
            fix: validProject ? `Use ${validProject}.${h.host}.` : 'Put the project name in front: {project}.' + h.host + '.',
          });
          if (validProject) {
            host = `${validProject}.${h.host}`;
            changed = true;
          }
        }
        const want = KAFKA_PORTS[h.network ?? 'internet'];
        if (h.port !== want) {
          add({
            rule: 'port-network',
            severity: 'error',
            line,
            message: `${h.host}${h.port ? `:${h.port}` : ''}: ${h.network === 'intranet' ? 'an intranet host (-intranet) listens on 10011' : 'an internet host listens on 10012 (10011 is for -intranet hosts)'}.`,
            fix: `Use port ${want}.`,
          });
          changed = true;
        }
        fixed.push(`${host}:${want}`);
      }
      if (changed && fixable && r.bootstrapEntry) {
        const edit = r.block.set(r.bootstrapEntry.key, r.bootstrapEntry.list ? { list: fixed } : { text: fixed.join(',') });
        for (const p of out) if (p.rule === 'port-network' || p.rule === 'host-region-form') p.edits = [edit];
      }
    }
  }

  // ---- topic
  if (r.keys.topic !== '') {
    const topic = r.topic?.value;
    if (topic === undefined || topic === '') {
      add({ rule: 'topic-missing', severity: 'error', line: r.topic?.line ?? at, message: 'No topic: SLS takes the Logstore name as the topic.', fix: 'Set the topic to your Logstore name.' });
    } else if (!/[%$]\{/.test(topic)) {
      const logstore = topic.replace(/\.json$/, '');
      const problem = nameProblem(logstore, LOGSTORE_RULE);
      if (problem) add({ rule: 'topic-logstore', severity: 'error', line: r.topic!.line, message: `Topic “${topic}” is not a Logstore name: ${problem}`, fix: 'Use the Logstore name (optionally with “.json” to store JSON fields).' });
      if (topic.endsWith('.json') && r.jsonHeader) {
        add({
          rule: 'topic-json-twice',
          severity: 'warning',
          line: r.topic!.line,
          message: `The topic ends in “.json” and a data-parse-format: json header (line ${r.jsonHeader.line}) asks for the same thing.`,
          fix: `Keep one: use the topic “${logstore}” with the header.`,
          edits: [r.block.set(r.keys.topic, { text: logstore })],
        });
      }
    }
  }

  // ---- SASL
  if (!r.credentialsElsewhere) {
    const noUsername = r.username === undefined && !r.loginElsewhere;
    const noPassword = r.password === undefined && !r.loginElsewhere;
    if (noUsername || noPassword) {
      const missing = [noUsername ? 'username' : '', noPassword ? 'password' : ''].filter(Boolean).join(' and ');
      add({ rule: 'sasl-missing', severity: 'error', line: at, message: `No SASL ${missing}: SLS refuses a connection without the project and AccessKey.`, fix: 'Set the username to the project name and the password to AccessKeyId#AccessKeySecret.' });
    }
    if (username !== undefined && !username.includes('${') && !validProject) {
      add({ rule: 'username-project', severity: 'error', line: r.username!.line, message: `The SASL username must be the project name. ${nameProblem(username, PROJECT_RULE) ?? ''}`.trim(), fix: 'Use the SLS project name (3–63 lowercase letters, digits and hyphens).' });
    }
    const pw = r.password;
    if (pw && !pw.reference) {
      const parts = pw.value.split('#');
      const placeholder = parts[1] === SECRET_PLACEHOLDER || parts[0] === ID_PLACEHOLDER;
      if (parts.length !== 2) {
        add({ rule: 'password-shape', severity: 'error', line: pw.line, message: `The SASL password has ${parts.length - 1} “#”; it must be AccessKeyId#AccessKeySecret (exactly one).`, fix: 'Join the AccessKey ID and secret with one “#”.' });
      } else if (!placeholder) {
        const idProblem = accessKeyIdProblem(parts[0] ?? '');
        // The secret's own problem is described without quoting any of it.
        const secretBad = accessKeySecretProblem(parts[1] ?? '') !== undefined;
        if (idProblem || secretBad) {
          add({
            rule: 'password-shape',
            severity: 'error',
            line: pw.line,
            message: `The SASL password is not AccessKeyId#AccessKeySecret: ${idProblem ?? 'the part after “#” does not look like an AccessKey secret (16–64 letters and digits).'}`,
            fix: 'Use the AccessKey ID, “#”, then the AccessKey secret of a RAM user that may write to the Logstore.',
          });
        }
      }
      if (!placeholder) {
        const edit = pw.replaceWithReference?.();
        add({
          rule: 'secret-inline',
          severity: 'warning',
          line: pw.line,
          message: 'The AccessKey secret is written into the file (masked in this report).',
          fix:
            cannotReadEnv(r)
              ? 'This file cannot read an environment variable: keep the file root-only (chmod 600); the fixed file has a placeholder for the secret.'
              : 'Read it from the agent\'s keystore or the SLS_KAFKA_PASSWORD environment variable; the fixed file does.',
          edits: edit ? [edit] : undefined,
        });
      }
    }
    if (r.mechanism && r.mechanism.value.toUpperCase() !== 'PLAIN') {
      add({ rule: 'sasl-mechanism', severity: 'error', line: r.mechanism.line, message: `SASL mechanism is ${r.mechanism.value}; SLS accepts only PLAIN.`, fix: 'Use PLAIN.', edits: r.mechanism.fix ? [r.mechanism.fix()] : undefined });
    }
  }

  // ---- TLS
  if (!r.tls.on) {
    add({ rule: 'tls-off', severity: 'error', line: at, message: `TLS is not switched on: ${r.tls.why}. SLS accepts only SASL_SSL, so the connection fails.`, fix: 'Switch TLS on (the fixed file does; the system trust store verifies SLS).', edits: r.tls.fix() });
  }
  for (const v of r.verifyOff) {
    add({ rule: 'tls-verify-off', severity: 'error', line: v.line, message: `${v.what}: anyone on the path could read the AccessKey.`, fix: 'Verify the certificate and host name.', edits: v.fix() });
  }

  // ---- partitioning, version, codecs, sizes
  if (r.constantKey) {
    const edit = r.constantKey.remove();
    add({
      rule: 'constant-key',
      severity: 'warning',
      line: r.constantKey.line,
      message: `The constant message key “${r.constantKey.value}” sends every record to the same partition, i.e. one SLS shard; SLS asks for load-balanced writes.`,
      fix: 'Remove it: without a key, records spread over all shards.',
      edits: edit ? [edit] : undefined,
    });
  }
  const v = r.version;
  if (v && (compareVersions(v.value, '2.1.0') < 0 || compareVersions(v.value, '2.1.1') > 0)) {
    const low = compareVersions(v.value, '2.1.0') < 0;
    add({
      rule: 'protocol-version',
      severity: 'warning',
      line: v.line,
      message: v.default
        ? `No protocol version: the agent's default (${v.value}) is below the 2.x the SLS team asks for.`
        : low
          ? `Protocol version ${v.value} is below 2.1.0 (the SLS team asks for 2.x; zstd needs 2.1.0).`
          : `Protocol version ${v.value} is above 2.1.1, the newest SLS speaks.`,
      fix: 'Set the version to 2.1.0.',
      edits: [v.fix()],
    });
  }
  const c = r.compression;
  // librdkafka, sarama and franz-go agents send all four codecs.
  const codecs = AGENT_CODECS[r.agent] ?? ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
  if (c && codecs) {
    const tooOld = c.codec === 'zstd' && v !== undefined && compareVersions(v.value, '2.1.0') < 0;
    if (!codecs.includes(c.codec) || tooOld) {
      add({
        rule: 'compression-unsupported',
        severity: 'error',
        line: c.line,
        message: tooOld ? `zstd needs protocol version 2.1.0 or newer (the file asks for ${v?.value}).` : `This agent cannot send “${c.codec}” compression (it knows ${codecs.join(', ')}).`,
        fix: 'Use gzip, as SLS\'s own examples do.',
        edits: [c.fix('gzip')],
      });
    }
  }
  if (r.maxBytes && r.maxBytes.value > MAX_ENTRY_BYTES) {
    add({ rule: 'message-size', severity: 'warning', line: r.maxBytes.line, message: `Messages of up to ${r.maxBytes.value} bytes: SLS stores log entries of at most 1 MB, larger ones are refused.`, fix: 'Set it to 1000000.', edits: [r.maxBytes.fix()] });
  }
  if (r.acks?.value === 0) {
    add({ rule: 'acks-zero', severity: 'warning', line: r.acks.line, message: 'acks 0: the agent never learns whether SLS stored a message, so failures lose data silently.', fix: 'Use acks 1 (SLS acknowledges each batch).', edits: [r.acks.fix()] });
  }
  if (r.idempotence) {
    const edit = r.idempotence.fix();
    add({ rule: 'idempotence', severity: 'error', line: r.idempotence.line, message: 'The idempotent producer is on (InitProducerId); SLS does not support it.', fix: 'Switch idempotence off (SLS\'s own producer samples do).', edits: edit ? [edit] : undefined });
  }
  if (r.transactions) {
    const edit = r.transactions.fix();
    add({ rule: 'transactions', severity: 'error', line: r.transactions.line, message: 'A transactional producer: SLS supports no transactions (at-least-once only).', fix: 'Remove the transactional id.', edits: edit ? [edit] : undefined });
  }
  return out;
}

export type { Edit };
