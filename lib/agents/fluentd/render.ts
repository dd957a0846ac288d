/**
 * Fluentd renderer: one `<match>` block for fluent-plugin-kafka's buffered
 * `kafka2` output (ruby-kafka), to include from the main Fluentd config, and
 * the steps around it (codec gems, the sandbox CA, the password in the service
 * environment, placing the file, dry run, restart, checking delivery).
 *
 * Fixes over the vendor example: `kafka2` with a file buffer instead of the
 * unbuffered `kafka` output; no constant `default_message_key` (it pinned all
 * records to one shard); `<format>`/`<inject>` instead of the legacy
 * `output_*` options; TLS verification stated explicitly.
 */
import type { FluentdOptions } from './schema';
import type { RenderContext } from '../context';
import type { AgentRender, RenderStep } from '../types';
import { shellQuote } from '../../config-languages/shell/quote';
import { fluentdDirectiveArg, fluentdEnvReference, fluentdString } from '../../config-languages/fluentd/quote';
import { hostFormCommentLines, hostFormNote } from '../host-form';
import { sayer } from '../common/say';
import texts from './step-texts.json';

/**
 * The Ruby the file runs for its client id: the host name, read when Fluentd
 * starts (the config language evaluates `#{…}` in double quotes; docs.fluentd.org
 * uses `"#{Socket.gethostname}"` for the same purpose).
 */
export const FLUENTD_HOSTNAME_CODE = 'Socket.gethostname';

/** The header SLS reads to expand JSON values into fields (docs/sls.md#json-parsing). */
const JSON_PARSE_HEADERS = '{"data-parse-format":"json"}';

export const FLUENTD_FILE_NAME = 'sls-kafka.conf';

/** Where a Fluentd package keeps its files and how its commands are named. */
export interface PackageLayout {
  label: string;
  service: string;
  confDir: string;
  mainConf: string;
  /** Group the service runs as, so it can read the included file. */
  groupCommand: string;
  /** The package's own gem command (not the system gem). */
  gem: string;
  fluentdCommand: string;
  fluentCat: string;
  logFile: string;
  bufferPath: string;
  /** Where `<secondary>` writes chunks that could not be sent. */
  failedPath: string;
  /**
   * A test that succeeds when Fluentd loads conf.d/*.conf by itself, so the
   * @include line must not be added: Fluentd 1.19+ (fluent-package 6) has
   * `config_include_dir` (default /etc/fluent/conf.d), and 1.19.0–1.19.1 load a
   * file that is also @included twice and fail to start (fluent/fluentd#5228).
   * (docs/agents/fluentd.md#package-commands)
   */
  autoIncludeTest?: string;
}

export const FLUENTD_LAYOUTS: Readonly<Record<FluentdOptions['package'], PackageLayout>> = {
  'fluent-package': {
    label: 'fluent-package',
    service: 'fluentd',
    confDir: '/etc/fluent',
    mainConf: '/etc/fluent/fluentd.conf',
    // deb packages run as _fluentd, rpm packages as fluentd.
    groupCommand: '"$(id -gn _fluentd 2>/dev/null || id -gn fluentd)"',
    gem: 'fluent-gem',
    fluentdCommand: 'sudo fluentd',
    fluentCat: '/opt/fluent/bin/fluent-cat',
    logFile: '/var/log/fluent/fluentd.log',
    bufferPath: '/var/log/fluent/buffer/sls-kafka',
    failedPath: '/var/log/fluent/failed/sls-kafka',
    // `fluentd --version` of the package prints "fluent-package X fluentd 1.19.1 (…)".
    autoIncludeTest: "sudo fluentd --version | grep -Eq 'fluentd (1\\.(19|[2-9][0-9])|[2-9][0-9]*)\\.'",
  },
  'td-agent': {
    label: 'td-agent 4',
    service: 'td-agent',
    confDir: '/etc/td-agent',
    mainConf: '/etc/td-agent/td-agent.conf',
    groupCommand: 'td-agent',
    gem: 'td-agent-gem',
    fluentdCommand: 'sudo td-agent',
    fluentCat: '/opt/td-agent/bin/fluent-cat',
    logFile: '/var/log/td-agent/td-agent.log',
    bufferPath: '/var/log/td-agent/buffer/sls-kafka',
    failedPath: '/var/log/td-agent/failed/sls-kafka',
  },
};

/** ruby-kafka loads these gems for the codecs that are not built in. */
const CODEC_GEMS: Readonly<Partial<Record<FluentdOptions['compression'], string>>> = {
  snappy: 'snappy',
  lz4: 'extlz4',
  zstd: 'zstd-ruby',
};

const REQUIRED_ACKS: Readonly<Record<FluentdOptions['acks'], number>> = { all: -1, leader: 1 };

/** ruby-kafka's array parser reads a leading `[` as JSON, so an IPv6 `[host]:port` goes in a JSON list. */
function brokersValue(bootstrap: string): string {
  return bootstrap.startsWith('[') ? JSON.stringify([bootstrap]) : bootstrap;
}

/** A tag the `<match>` pattern accepts, for the test event: `**` → sls.test, `*` → test, `{a,b}` → a. */
export function sampleTag(pattern: string): string {
  const first = pattern.split(' ')[0] ?? pattern;
  const tag = first
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/\*\*/g, 'sls.test')
    .replace(/\*/g, 'test')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
  return tag === '' ? 'sls.test' : tag;
}

/** Why each overflow_action, in one comment line (docs.fluentd.org buffer section). */
const OVERFLOW_COMMENT: Readonly<Record<FluentdOptions['overflowAction'], string>> = {
  block: '# Buffer full (SLS down for long): inputs wait (in_tail pauses) instead of dropping events.',
  drop_oldest_chunk: '# Buffer full (SLS down for long): the oldest chunk is dropped to keep fresh events.',
  throw_exception: '# Buffer full (SLS down for long): new events are refused with an error in the log.',
};

function renderMatchBlock(ctx: RenderContext, options: FluentdOptions, layout: PackageLayout): string {
  const lines: string[] = [];
  const line = (indent: number, text: string) => lines.push(`${'  '.repeat(indent)}${text}`);

  line(0, '# Fluentd -> Alibaba Cloud SLS through its Kafka-compatible endpoint');
  line(0, '# (fluent-plugin-kafka, buffered output kafka2; SASL_SSL with PLAIN).');
  line(0, `# Save as ${layout.confDir}/conf.d/${FLUENTD_FILE_NAME}; ${layout.mainConf} must contain`);
  line(0, '#   @include conf.d/*.conf');
  lines.push('');
  line(0, "# Fluentd's own log events (tag fluent.*) go to this label instead of the");
  line(0, '# <match> below: otherwise a catch-all pattern sends them to SLS through the');
  line(0, '# same buffer (a send error would log, and be sent, again) and Fluentd warns');
  line(0, '# at start that catching fluent.** in a top-level <match> is deprecated.');
  line(0, '# The log file keeps every line; only these event copies are dropped.');
  line(0, '# Remove this block if your main config already has a <label @FLUENT_LOG>.');
  line(0, '<label @FLUENT_LOG>');
  line(1, '<match fluent.**>');
  line(2, '@type null');
  line(1, '</match>');
  line(0, '</label>');
  lines.push('');
  line(0, `<match ${fluentdDirectiveArg(options.match)}>`);
  line(1, '@type kafka2');
  lines.push('');

  line(1, ctx.sandbox ? '# The sandbox endpoint (TLS only).' : '# SLS Kafka endpoint (TLS only).');
  for (const comment of hostFormCommentLines(ctx, '#', '  ')) lines.push(comment);
  line(1, `brokers ${fluentdString(brokersValue(ctx.endpoint.bootstrap))}`);
  line(1, '# Names this host and agent in the broker\'s logs (the sandbox inbox shows it).');
  line(1, `client_id "fluentd-#{${FLUENTD_HOSTNAME_CODE}}"`);
  const headers = ctx.expandJson && options.format === 'json';
  const topic = headers ? ctx.logstore : ctx.topic;
  line(1, '# The Logstore. `topic` is fixed, so a record\'s own "topic" field cannot');
  line(1, '# redirect it; default_topic repeats it for the plugin\'s fallback check.');
  line(1, `topic ${fluentdString(topic)}`);
  line(1, `default_topic ${fluentdString(topic)}`);
  if (headers) {
    line(1, '# This header makes SLS store each JSON value as a field (kafka2 sends');
    line(1, '# record headers since fluent-plugin-kafka 0.11.0; fluent-package 5 and');
    line(1, '# td-agent 4 bundle later releases).');
    line(1, `headers ${JSON_PARSE_HEADERS}`);
  } else if (ctx.expandJson) {
    line(1, '# The .json suffix makes SLS expand each JSON value into fields.');
  }
  lines.push('');

  line(1, '# SASL PLAIN (no scram_mechanism): username = project,');
  line(1, '# password = AccessKeyId#AccessKeySecret.');
  line(1, `username ${fluentdString(ctx.username)}`);
  if (ctx.secretMode === 'env') {
    line(1, `# Read from the service environment (${ctx.passwordEnvVar}), see the steps.`);
    line(1, `password ${fluentdEnvReference(ctx.passwordEnvVar)}`);
  } else {
    line(1, '# Single quotes: taken literally, "#" included, nothing evaluated.');
    line(1, `password ${fluentdString(ctx.password)}`);
  }
  line(1, '# TLS on and verified. With sasl_over_ssl true, ruby-kafka refuses to');
  line(1, '# send the password unless TLS is configured.');
  line(1, 'sasl_over_ssl true');
  if (ctx.sandbox) {
    line(1, '# The sandbox endpoint\'s own CA (downloaded in the steps).');
    line(1, `ssl_ca_cert ${fluentdString(`${layout.confDir}/${ctx.sandbox.caFileName}`)}`);
  } else if (options.caMode === 'file') {
    line(1, `ssl_ca_cert ${fluentdString(options.caPath)}`);
  } else {
    line(1, '# SLS certificates chain to a public root: the OS trust store is enough.');
    line(1, 'ssl_ca_certs_from_system true');
  }
  line(1, 'ssl_verify_hostname true');
  lines.push('');

  line(1, '# No default_message_key or default_partition_key: without a key ruby-kafka');
  line(1, '# picks a random partition (= SLS shard) per record. A constant key, as in');
  line(1, '# the vendor\'s example, pins every record to one shard. kafka2 would also');
  line(1, '# route by a record\'s own "partition", "partition_key" or "message_key"');
  line(1, '# field; these point at field names logs do not use.');
  line(1, 'partition_key __sls_kafka_partition');
  line(1, 'partition_key_key __sls_kafka_partition_key');
  line(1, 'message_key_key __sls_kafka_message_key');
  lines.push('');
  line(1, `required_acks ${REQUIRED_ACKS[options.acks]}`);
  line(1, 'max_send_retries 2');
  if (options.compression === 'none') {
    line(1, '# compression_codec unset: no compression.');
  } else {
    line(1, `compression_codec ${options.compression}`);
  }
  line(1, '# Off, as in the SLS samples: SLS supports no transactions or idempotence.');
  line(1, 'idempotent false');
  if (options.useEventTime) {
    line(1, '# The event time becomes the Kafka timestamp, which SLS stores as __time__.');
    line(1, 'use_event_time true');
  } else {
    line(1, '# The send time becomes the Kafka timestamp (SLS __time__).');
    line(1, 'use_event_time false');
  }
  line(1, '# Skip (and log) a record over 1 MB instead of failing its whole chunk on every retry.');
  line(1, 'max_send_limit_bytes 1000000');
  line(1, "# true: ruby-kafka's own log lines go to the Fluentd log.");
  line(1, `get_kafka_client_log ${options.kafkaClientLog}`);
  lines.push('');

  line(1, '<format>');
  if (options.format === 'single_value') {
    line(2, '@type single_value');
    line(2, 'message_key message');
    line(2, 'add_newline false');
    line(1, '</format>');
    line(1, '# single_value sends only the message field, so no tag or time is added.');
  } else {
    line(2, '@type json');
    line(1, '</format>');
    if (options.includeTag || options.includeTime) {
      line(1, '<inject>');
      if (options.includeTag) line(2, 'tag_key tag');
      if (options.includeTime) {
        line(2, 'time_key time');
        line(2, 'time_type string');
        line(2, 'time_format %Y-%m-%dT%H:%M:%S.%3NZ');
        line(2, 'utc true');
      }
      line(1, '</inject>');
    }
  }
  lines.push('');

  line(1, '# File buffer: events survive a restart or an SLS outage.');
  line(1, '<buffer>');
  line(2, '@type file');
  line(2, `path ${fluentdString(options.bufferPath === '' ? layout.bufferPath : options.bufferPath)}`);
  line(2, 'flush_mode interval');
  line(2, `# Send what has gathered every ${options.flushInterval} s: the linger that batches small events.`);
  line(2, `flush_interval ${options.flushInterval}s`);
  line(2, '# One chunk is one flush: kafka2 produces each record as its own Kafka');
  line(2, '# message and ruby-kafka groups them per partition into produce requests,');
  line(2, '# so a chunk bounds the data of one flush, not one message. Keeping it');
  line(2, '# small keeps every request well under the 5 MB SLS write limit, and a');
  line(2, '# failed chunk is retried whole.');
  line(2, `chunk_limit_size ${options.chunkLimitSize}`);
  line(2, `total_limit_size ${options.totalLimitSize}`);
  line(2, OVERFLOW_COMMENT[options.overflowAction]);
  line(2, `overflow_action ${options.overflowAction}`);
  line(2, 'retry_type exponential_backoff');
  line(2, 'retry_wait 1s');
  line(2, 'retry_max_interval 30s');
  line(2, 'retry_timeout 72h');
  line(1, '</buffer>');
  line(1, '# Chunks still failing after 80% of retry_timeout (about 58 h) are written');
  line(1, '# here instead of being dropped; resend one with fluent-cat (see the steps).');
  line(1, '<secondary>');
  line(2, '@type secondary_file');
  line(2, `directory ${fluentdString(layout.failedPath)}`);
  line(1, '</secondary>');
  line(0, '</match>');
  return `${lines.join('\n')}\n`;
}

function renderSteps(ctx: RenderContext, options: FluentdOptions, layout: PackageLayout): RenderStep[] {
  const steps: RenderStep[] = [];
  const step = (s: Omit<RenderStep, 'agent'>) => steps.push({ agent: 'fluentd', ...s });
  const say = sayer(texts, ctx.lang);
  const target = `${layout.confDir}/conf.d/${FLUENTD_FILE_NAME}`;

  step({
    title: say('plugin.title'),
    detail: say('plugin.detail', { label: layout.label }),
    commands: [`sudo ${layout.gem} list fluent-plugin-kafka ruby-kafka`],
  });

  const gem = CODEC_GEMS[options.compression];
  if (gem !== undefined) {
    step({
      kind: 'warning',
      title: say('gem.title', { gem, codec: options.compression }),
      detail: say('gem.detail', { gem, zstd: options.compression === 'zstd' ? say('gem.zstd') : '' }),
      commands: [`sudo ${layout.gem} install ${gem}`],
    });
  }

  if (ctx.sandbox) {
    const caFile = `${layout.confDir}/${ctx.sandbox.caFileName}`;
    step({
      title: say('ca.title'),
      detail: say('ca.detail'),
      commands: [`sudo curl -fsSo ${shellQuote(caFile)} ${shellQuote(ctx.sandbox.caUrl)}`],
    });
  } else if (options.caMode === 'file') {
    step({
      title: say('caFile.title'),
      detail: say('caFile.detail'),
      commands: [`sudo openssl x509 -noout -subject -in ${shellQuote(options.caPath)}`],
    });
  }

  if (ctx.secretMode === 'env') {
    const envFile = `${layout.confDir}/sls-kafka.env`;
    const dropInDir = `/etc/systemd/system/${layout.service}.service.d`;
    step({
      title: say('env.title', { variable: ctx.passwordEnvVar, service: layout.service }),
      detail: say('env.detail', { variable: ctx.passwordEnvVar }),
      commands: [
        `sudo install -m 600 -o root -g root /dev/null ${envFile}`,
        `printf 'AccessKeyId#AccessKeySecret: '; read -rs ${ctx.passwordEnvVar}; echo`,
        `printf '${ctx.passwordEnvVar}="%s"\\n' "$${ctx.passwordEnvVar}" | sudo tee ${envFile} >/dev/null; unset ${ctx.passwordEnvVar}`,
        `sudo install -d ${dropInDir}`,
        `printf '[Service]\\nEnvironmentFile=${envFile}\\n' | sudo tee ${dropInDir}/sls-kafka.conf >/dev/null`,
        'sudo systemctl daemon-reload',
      ],
    });
  }

  step({
    title: say('place.title', { file: FLUENTD_FILE_NAME }),
    detail: say('place.detail', {
      dir: `${layout.confDir}/conf.d`,
      secret: ctx.secretMode === 'inline' ? say('place.secret') : '',
      main: layout.mainConf,
    }),
    commands: [
      `sudo install -d ${layout.confDir}/conf.d`,
      `sudo install -m 640 -o root -g ${layout.groupCommand} ${FLUENTD_FILE_NAME} ${target}`,
      `${layout.autoIncludeTest ? `${layout.autoIncludeTest} || ` : ''}grep -q '^@include conf.d/\\*.conf' ${layout.mainConf} || echo '@include conf.d/*.conf' | sudo tee -a ${layout.mainConf} >/dev/null`,
    ],
  });

  step({
    kind: 'warning',
    title: say('match.title'),
    detail: say('match.detail', { main: layout.mainConf }),
  });

  if (ctx.expandJson && options.format === 'single_value') {
    step({
      kind: 'warning',
      title: say('plain.title'),
      detail: say('plain.detail'),
    });
  }

  step({
    title: say('label.title'),
    detail: say('label.detail', { file: FLUENTD_FILE_NAME, main: layout.mainConf }),
    commands: [`sudo grep -rn '<label @FLUENT_LOG>' ${layout.confDir}`],
  });

  step({
    title: say('dry.title'),
    detail: say('dry.detail'),
    commands: [`${layout.fluentdCommand} --dry-run -c ${layout.mainConf}`],
  });

  step({
    title: say('restart.title', { service: layout.service }),
    commands: [`sudo systemctl restart ${layout.service}`, `systemctl status ${layout.service} --no-pager`],
  });

  const tag = sampleTag(options.match);
  const verifyCommands = [
    `echo '{"message":"hello from fluentd"}' | ${layout.fluentCat} ${shellQuote(tag)}`,
    `sleep ${options.flushInterval + 5}`,
    `sudo grep -E 'kafka|Send exception|failed to flush|error' ${layout.logFile} | tail -n 20`,
  ];
  if (ctx.secretMode === 'env') {
    verifyCommands.unshift(
      `sudo cat /proc/$(systemctl show -p MainPID --value ${layout.service})/environ | tr '\\0' '\\n' | grep -c '^${ctx.passwordEnvVar}='`,
    );
  }
  step({
    title: say('test.title'),
    detail: say('test.detail', {
      env: ctx.secretMode === 'env' ? say('test.env', { variable: ctx.passwordEnvVar }) : '',
      tag,
      where: say(ctx.sandbox ? 'test.whereSandbox' : 'test.whereSls'),
      more: options.kafkaClientLog ? '' : say('test.more'),
    }),
    commands: verifyCommands,
  });

  step({
    title: say('failed.title'),
    detail: say('failed.detail', { path: layout.failedPath }),
    commands: [`sudo ls -l ${layout.failedPath}`, `sudo cat ${layout.failedPath}/dump.bin.0 | ${layout.fluentCat} --format msgpack ${shellQuote(tag)}`],
  });

  return steps;
}

export function renderFluentdConfig(ctx: RenderContext, options: FluentdOptions): AgentRender {
  const layout = FLUENTD_LAYOUTS[options.package];
  return {
    files: [{ agent: 'fluentd', path: FLUENTD_FILE_NAME, language: 'fluentd', content: renderMatchBlock(ctx, options, layout) }],
    steps: renderSteps(ctx, options, layout),
  };
}
