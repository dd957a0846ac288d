/**
 * The rsyslog omkafka template: one drop-in, /etc/rsyslog.d/60-sls-kafka.conf,
 * and the steps around it (install, CA, secret, check with `rsyslogd -N1`,
 * restart, verify).
 *
 * What the file must get right (rsyslog plugins/omkafka/omkafka.c, librdkafka
 * CONFIGURATION.md; docs/agents/rsyslog.md):
 * - `partitions.auto="on"`: librdkafka's partitioner picks the shard for the
 *   keyless records; without it omkafka round-robins over `partitions.number`
 *   (default 1), so every record lands on shard 0;
 * - no `key` (a constant key pins one shard);
 * - TLS on and verified, SASL PLAIN, through `confParam` (librdkafka 2.0+
 *   checks the host name by default); acks is a topic property, so it goes in
 *   `topicConfParam`;
 * - JSON built by rsyslog itself (`option.jsonf`, 8.33+); rsyslog 8.2302
 *   (Debian 12) has no `kafkaHeader`, so JSON expansion uses the `.json` topic.
 * Env mode: rsyslog before 8.2508 cannot splice `${VAR}` into a string, but a
 * backtick constant `echo sasl.password=$SLS_KAFKA_PASSWORD` (8.33+) can be a
 * whole confParam element; rsyslog expands the variable without a shell.
 * Every value goes through `rainerString`.
 */
import { rainerEcho, rainerString } from '../../config-languages/rainerscript/quote';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import type { RsyslogOptions } from './schema';
import { rsyslogSteps } from './steps';

export const RSYSLOG_FILE_NAME = '60-sls-kafka.conf';
export const RSYSLOG_DROP_IN = `/etc/rsyslog.d/${RSYSLOG_FILE_NAME}`;
export const RSYSLOG_TEMPLATE_NAME = 'sls_kafka_json';
/** Where the steps save the sandbox CA when no CA file is given (rsyslog.d includes only *.conf). */
export const RSYSLOG_SANDBOX_CA_DIR = '/etc/rsyslog.d';

export const RSYSLOG_CA_BUNDLES: Readonly<Record<RsyslogOptions['osFamily'], string>> = {
  debian: '/etc/ssl/certs/ca-certificates.crt',
  rhel: '/etc/pki/tls/certs/ca-bundle.crt',
};

/** The file `ssl.ca.location` names: the user's CA file, the sandbox CA, or the OS bundle. */
export function rsyslogCaLocation(ctx: RenderContext, options: RsyslogOptions): string {
  if (options.caPath !== '') return options.caPath;
  if (ctx.sandbox) return `${RSYSLOG_SANDBOX_CA_DIR}/${ctx.sandbox.caFileName}`;
  return RSYSLOG_CA_BUNDLES[options.osFamily];
}

/** The JSON fields of each record: rsyslog property → output name. */
const JSON_FIELDS: ReadonlyArray<[outname: string, property: string, extra?: string]> = [
  ['time', 'timereported', 'dateFormat="rfc3339"'],
  ['host', 'hostname'],
  ['severity', 'syslogseverity-text'],
  ['facility', 'syslogfacility-text'],
  ['program', 'programname'],
  ['message', 'msg'],
];

function renderDropIn(ctx: RenderContext, options: RsyslogOptions): string {
  const q = rainerString;
  const password = ctx.secretMode === 'env' ? rainerEcho(`sasl.password=$${ctx.passwordEnvVar}`) : q(`sasl.password=${ctx.password}`, 'Password');
  const confParams = [
    q('security.protocol=SASL_SSL'),
    q('sasl.mechanisms=PLAIN'),
    q(`sasl.username=${ctx.username}`, 'Project'),
    password,
    q(`ssl.ca.location=${rsyslogCaLocation(ctx, options)}`, 'CA file'),
    q(`compression.codec=${options.compression}`),
    q('client.id=rsyslog-omkafka'),
  ];
  const secretLine =
    ctx.secretMode === 'env'
      ? `# The password comes from the environment variable ${ctx.passwordEnvVar} (the backtick element; rsyslog 8.33+).`
      : '# It holds the SLS password: owner root, mode 0600.';
  const lines = [
    '# rsyslog omkafka -> Alibaba Cloud SLS over its Kafka-compatible endpoint.',
    `# Save as ${RSYSLOG_DROP_IN}; needs rsyslog 8.33 or newer and the rsyslog-kafka package.`,
    secretLine,
    'module(load="omkafka")',
    '',
    '# One JSON object per message (option.jsonf). rsyslog ends it with a line break.',
    `template(name=${q(RSYSLOG_TEMPLATE_NAME)} type="list" option.jsonf="on") {`,
    ...JSON_FIELDS.map(([outname, property, extra]) => `  property(outname=${q(outname)} name=${q(property)}${extra ? ` ${extra}` : ''} format="jsonf")`),
    '}',
    '',
    '# Every message. To send only some, wrap the action in: if $programname == "myapp" then { ... }',
    'action(type="omkafka"',
    `  broker=[${q(ctx.endpoint.bootstrap, 'Bootstrap server')}]`,
    `  topic=${q(ctx.topic, 'Topic')}`,
    `  template=${q(RSYSLOG_TEMPLATE_NAME)}`,
    '  # No key, and librdkafka picks the shard: records spread over every shard.',
    '  # Without partitions.auto omkafka writes everything to shard 0.',
    '  partitions.auto="on"',
    '  confParam=[',
    confParams.map((p) => `    ${p}`).join(',\n'),
    '  ]',
    `  topicConfParam=[${q(`request.required.acks=${options.acks}`)}]`,
    '  # Keep messages while SLS is unreachable: retry for ever from an in-memory queue.',
    '  resubmitOnFailure="on"',
    '  action.resumeRetryCount="-1"',
    '  queue.type="LinkedList"',
    '  queue.size="100000"',
    ')',
  ];
  return `${lines.join('\n')}\n`;
}

export function renderRsyslogConfig(ctx: RenderContext, options: RsyslogOptions): AgentRender {
  return {
    files: [{ agent: 'rsyslog', path: RSYSLOG_FILE_NAME, language: 'rainerscript', content: renderDropIn(ctx, options) }],
    steps: rsyslogSteps(ctx, options),
  };
}
