/**
 * The syslog-ng kafka-c() template: one file for /etc/syslog-ng/conf.d with a
 * destination and the log path that feeds it, and the steps around it.
 *
 * What the file must get right (syslog-ng modules/kafka/kafka-parser.c and
 * kafka-dest-driver.c, librdkafka CONFIGURATION.md; docs/agents/syslog-ng.md):
 * - `kafka-c()`, which exists from 3.38 on (from 4.9 `kafka()` wraps it;
 *   before 4.9 `kafka()` is the Java driver);
 * - no `key()`: keyless records, spread over the shards by librdkafka;
 * - never `sync-send(yes)`: it sets transactional.id, and SLS has no
 *   transactions;
 * - TLS on and verified, SASL PLAIN, in `config()` (librdkafka 2.0+ checks the
 *   host name by default);
 * - the message as JSON (`format-json`), so the `.json` topic can expand it.
 * Env mode: a backtick name in a string is replaced by the environment
 * variable when syslog-ng reads the file (an unset one by nothing).
 * Every value goes through `syslogNgString`.
 */
import { syslogNgBacktick, syslogNgString } from '../../config-languages/syslog-ng/quote';
import type { RenderContext } from '../context';
import type { AgentRender } from '../types';
import type { SyslogNgOptions } from './schema';
import { syslogNgSteps } from './steps';

export const SYSLOG_NG_FILE_NAME = 'sls-kafka.conf';
export const SYSLOG_NG_DROP_IN = `/etc/syslog-ng/conf.d/${SYSLOG_NG_FILE_NAME}`;
export const SYSLOG_NG_DESTINATION = 'd_sls_kafka';
/** Where the steps save the sandbox CA when no CA file is given (conf.d includes only *.conf). */
export const SYSLOG_NG_SANDBOX_CA_DIR = '/etc/syslog-ng';
/** `--exclude DATE --key ISODATE`: an ISO 8601 time instead of the legacy BSD date. */
export const SYSLOG_NG_MESSAGE_TEMPLATE = '$(format-json --scope rfc5424 --scope nv-pairs --exclude DATE --key ISODATE)';

export const SYSLOG_NG_LAYOUTS: Readonly<Record<SyslogNgOptions['osFamily'], { caBundle: string; source: string }>> = {
  debian: { caBundle: '/etc/ssl/certs/ca-certificates.crt', source: 's_src' },
  rhel: { caBundle: '/etc/pki/tls/certs/ca-bundle.crt', source: 's_sys' },
};

/** The file `ssl.ca.location` names: the user's CA file, the sandbox CA, or the OS bundle. */
export function syslogNgCaLocation(ctx: RenderContext, options: SyslogNgOptions): string {
  if (options.caPath !== '') return options.caPath;
  if (ctx.sandbox) return `${SYSLOG_NG_SANDBOX_CA_DIR}/${ctx.sandbox.caFileName}`;
  return SYSLOG_NG_LAYOUTS[options.osFamily].caBundle;
}

export function syslogNgSource(options: SyslogNgOptions): string {
  return options.source !== '' ? options.source : SYSLOG_NG_LAYOUTS[options.osFamily].source;
}

function renderDropIn(ctx: RenderContext, options: SyslogNgOptions): string {
  const q = syslogNgString;
  const pair = (key: string, value: string) => `      ${q(key)} => ${value}`;
  const secretLine =
    ctx.secretMode === 'env'
      ? `# The password is the environment variable ${ctx.passwordEnvVar}, substituted when syslog-ng reads this file (empty if unset).`
      : '# It holds the SLS password: owner root, mode 0600.';
  const lines = [
    '# syslog-ng kafka-c() -> Alibaba Cloud SLS over its Kafka-compatible endpoint.',
    `# Save as ${SYSLOG_NG_DROP_IN}; needs syslog-ng 3.38 or newer with its Kafka module.`,
    secretLine,
    `destination ${SYSLOG_NG_DESTINATION} {`,
    '  kafka-c(',
    `    bootstrap-servers(${q(ctx.endpoint.bootstrap, 'Bootstrap server')})`,
    `    topic(${q(ctx.topic, 'Topic')})`,
    '    # No key(): records spread over the shards. Never sync-send(yes): SLS has no transactions.',
    `    message(${q(SYSLOG_NG_MESSAGE_TEMPLATE)})`,
    '    config(',
    pair('security.protocol', q('SASL_SSL')),
    pair('sasl.mechanisms', q('PLAIN')),
    pair('sasl.username', q(ctx.username, 'Project')),
    pair('sasl.password', ctx.secretMode === 'env' ? syslogNgBacktick(ctx.passwordEnvVar) : q(ctx.password, 'Password')),
    pair('ssl.ca.location', q(syslogNgCaLocation(ctx, options), 'CA file')),
    pair('compression.codec', q(options.compression)),
    pair('client.id', q('syslog-ng-kafka-c')),
    '    )',
    '  );',
    '};',
    '',
    `log { source(${syslogNgSource(options)}); destination(${SYSLOG_NG_DESTINATION}); };`,
  ];
  return `${lines.join('\n')}\n`;
}

export function renderSyslogNgConfig(ctx: RenderContext, options: SyslogNgOptions): AgentRender {
  return {
    files: [{ agent: 'syslog-ng', path: SYSLOG_NG_FILE_NAME, language: 'syslog-ng', content: renderDropIn(ctx, options) }],
    steps: syslogNgSteps(ctx, options),
  };
}
