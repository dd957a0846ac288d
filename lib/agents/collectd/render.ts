/**
 * The collectd `write_kafka` template: one drop-in file, write_kafka.conf, and
 * the steps around it (install, place, protect, test with `collectd -T`,
 * restart, watch in the foreground).
 *
 * What the file must get right (collectd 5.x src/write_kafka.c, librdkafka
 * CONFIGURATION.md; docs/agents/collectd.md, the write_kafka plugin section):
 * - `LoadPlugin write_kafka` before `<Plugin write_kafka>` (no AutoLoadPlugin);
 * - every global librdkafka `Property` before `<Topic>`: a Topic copies the
 *   global config at the moment it is parsed;
 * - TLS on and verified (sasl_ssl, a CA file, host name check), SASL PLAIN;
 * - no `Key` line: then write_kafka draws a fresh random key per message,
 *   which spreads records over all shards (`Key "Random"` is drawn once);
 * - only topic-level properties inside `<Topic>` (`request.required.acks`).
 * Every value goes through `collectdString`; collectd has no secret store,
 * so the password is in the file in both secret modes.
 */
import type { CollectdOptions } from './schema';
import type { RenderContext } from '../context';
import type { AgentRender, RenderStep } from '../types';
import { COLLECTD_LAYOUTS, CUSTOM_CONFIG_VARIABLE, type CollectdLayout } from './layout';
import { collectdString } from '../../config-languages/collectd/quote';
import { shellWord } from '../../config-languages/shell/quote';
import { clientIdTemplate, hostPlaceholderCommand, HOST_PLACEHOLDER } from '../client-id';
import { hostFormCommentLines } from '../host-form';
import { sayer } from '../common/say';
import { CHANGE_CONF_COMMENT } from './layout';
import texts from './step-texts.json';

/**
 * Producer settings chosen for SLS (librdkafka 2.0.2 defaults in
 * docs/agents/day-two-facts.md#8-collectd-write_kafka--librdkafka-202-debian-12):
 * linger 5 ms → 100 ms and at most 1000 messages per batch, because collectd
 * writes a burst of value lists every Interval; a delivery timeout of 5 minutes
 * (the default, stated) because write_kafka drops expired messages silently.
 */
export const COLLECTD_LINGER_MS = 100;
export const COLLECTD_BATCH_NUM_MESSAGES = 1000;
export const COLLECTD_MESSAGE_TIMEOUT_MS = 300_000;

export const COLLECTD_FILE_NAME = 'write_kafka.conf';

/** Where the foreground check writes its throw-away main config. */
const CHECK_CONFIG = '/tmp/collectd-kafka-check.conf';

export function renderCollectdConfig(ctx: RenderContext, options: CollectdOptions): AgentRender {
  const layout = COLLECTD_LAYOUTS[options.osFamily];
  const caLocation = collectdCaLocation(ctx, options, layout);
  const content = renderWriteKafkaConf(ctx, options, layout, caLocation);
  return {
    files: [{ agent: 'collectd', path: COLLECTD_FILE_NAME, language: 'collectd', content }],
    steps: collectdSteps(ctx, options, layout, caLocation),
  };
}

/** The file `ssl.ca.location` names: the sandbox CA, the user's CA path, or the OS bundle. */
export function collectdCaLocation(ctx: RenderContext, options: CollectdOptions, layout: CollectdLayout = COLLECTD_LAYOUTS[options.osFamily]): string {
  if (ctx.sandbox) {
    const dir = layout.sandboxCaDir ?? parentDirectory(requiredCaPath(options));
    return `${dir}/${ctx.sandbox.caFileName}`;
  }
  if (options.caPath !== '') return options.caPath;
  return layout.caBundle ?? requiredCaPath(options);
}

function requiredCaPath(options: CollectdOptions): string {
  if (options.caPath === '') {
    throw new Error('CA path: enter the CA bundle path; it is required when OS family is custom.');
  }
  return options.caPath;
}

/** `/a/b/c.pem` → `/a/b`; `/c.pem` → `` (so that `${dir}/name` stays absolute). */
function parentDirectory(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(0, Math.max(trimmed.lastIndexOf('/'), 0));
}

function renderWriteKafkaConf(ctx: RenderContext, options: CollectdOptions, layout: CollectdLayout, caLocation: string): string {
  const property = (name: string, value: string, what: string) =>
    `Property ${collectdString(name)} ${collectdString(value, what)}`;
  // v4 as in the vendor example (avoids broken IPv6 routes), unless the host is an IPv6 literal.
  const addressFamily = ctx.endpoint.host.includes(':') ? 'any' : 'v4';
  const placement =
    options.osFamily === 'custom'
      ? `# Save next to your collectd.conf and Include it from there.`
      : `# ${layout.label}: save as ${layout.dropIn}`;

  const lines = [
    '# collectd write_kafka -> Alibaba Cloud SLS over its Kafka-compatible endpoint.',
    placement,
    `# It holds the SLS password: owner ${layout.fileOwner}, mode ${layout.fileMode}.`,
    '',
    'LoadPlugin write_kafka',
    '',
    '<Plugin write_kafka>',
    '  # librdkafka settings. Each <Topic> copies them when it is read, so they',
    '  # all come before the <Topic> block.',
    ...hostFormCommentLines(ctx, '#', '  '),
    `  ${property('metadata.broker.list', ctx.endpoint.bootstrap, 'Bootstrap server')}`,
    `  ${property('security.protocol', 'sasl_ssl', 'Security protocol')}`,
    `  ${property('sasl.mechanisms', 'PLAIN', 'SASL mechanism')}`,
    `  ${property('sasl.username', ctx.username, 'Project')}`,
    `  ${property('sasl.password', ctx.password, 'Password')}`,
    `  ${property('ssl.ca.location', caLocation, 'CA path')}`,
    `  ${property('ssl.endpoint.identification.algorithm', 'https', 'Host name check')}`,
    `  ${property('broker.address.family', addressFamily, 'Address family')}`,
    `  ${property('compression.codec', options.compression, 'Compression')}`,
    '  # SLS does not support the idempotent producer.',
    `  ${property('enable.idempotence', 'false', 'Idempotence')}`,
    `  # Names this agent and host in the broker's logs; the install step puts the`,
    `  # host name in place of ${HOST_PLACEHOLDER}.`,
    `  ${property('client.id', clientIdTemplate('collectd'), 'Client id')}`,
    '  # collectd writes a burst of value lists every Interval: wait up to 100 ms',
    '  # (librdkafka default 5) and send up to 1000 per request, fewer requests.',
    `  ${property('linger.ms', String(COLLECTD_LINGER_MS), 'Linger')}`,
    `  ${property('batch.num.messages', String(COLLECTD_BATCH_NUM_MESSAGES), 'Batch size')}`,
    '',
    `  <Topic ${collectdString(ctx.topic, 'Topic')}>`,
    `    Format ${options.format}`,
    `    StoreRates ${options.storeRates ? 'true' : 'false'}`,
    '    # No Key line on purpose: without one, write_kafka draws a new random key',
    '    # for every message, which spreads the writes over all shards. A fixed',
    '    # Key, and Key "Random" (drawn once per process), pin them to one shard.',
    '    # Only topic-level librdkafka properties belong here.',
    `    ${property('request.required.acks', String(options.acks), 'Acks')}`,
    '    # A message not delivered within 5 minutes (an SLS outage) is dropped, and',
    '    # write_kafka never reports it: only librdkafka log lines show the loss.',
    `    ${property('message.timeout.ms', String(COLLECTD_MESSAGE_TIMEOUT_MS), 'Delivery timeout')}`,
    '  </Topic>',
    '</Plugin>',
  ];
  return `${lines.join('\n')}\n`;
}

function collectdSteps(ctx: RenderContext, options: CollectdOptions, layout: CollectdLayout, caLocation: string): RenderStep[] {
  const step = (s: Omit<RenderStep, 'agent'>): RenderStep => ({ agent: 'collectd', ...s });
  const say = sayer(texts, ctx.lang);
  const custom = options.osFamily === 'custom';
  const os = options.osFamily;
  const [owner, group] = layout.fileOwner.split(':');
  const download = (url: string, to?: string) =>
    options.osFamily === 'alpine'
      ? `wget -q${to ? 'O ' + shellWord(to) : 'O-'} ${shellWord(url)}`
      : `curl -fsS${to ? 'o ' + shellWord(to) : ''} ${shellWord(url)}`;

  const steps: RenderStep[] = [
    step({
      title: say('installTitle', { label: custom ? say('label.custom') : layout.label }),
      detail: say(`install.${os}`),
      commands: layout.install.commands,
    }),
    step({
      title: say(custom ? 'includeTitleCustom' : 'includeTitle'),
      detail: say(`include.${os}`, { variable: CUSTOM_CONFIG_VARIABLE }),
      commands: layout.includeCheck.commands.map((command) => command.replace(CHANGE_CONF_COMMENT, say('changeConfComment'))),
    }),
  ];

  if (ctx.sandbox) {
    steps.push(
      step({
        title: say('caTitle'),
        detail: say('caDetail', { path: caLocation }),
        commands: [download(ctx.sandbox.caUrl, caLocation)],
      }),
    );
  }

  steps.push(
    step({
      title: say('saveTitle', { file: COLLECTD_FILE_NAME }),
      detail: say('saveDetail', { file: COLLECTD_FILE_NAME, owner: layout.fileOwner, mode: layout.fileMode }),
      commands: [
        `install -o ${owner} -g ${group} -m ${layout.fileMode} ${COLLECTD_FILE_NAME} ${layout.dropIn}`,
        // Puts this machine's name into client.id (collectd cannot read it itself).
        hostPlaceholderCommand(layout.dropIn, false),
      ],
    }),
    secretStep(ctx, layout),
    step({
      title: say('testTitle'),
      detail: say('testDetail'),
      commands: [`collectd -T -C ${layout.mainConfig}; echo "exit status: $?"`, layout.logCommand],
    }),
    step({
      kind: 'warning',
      title: say('propertyTitle'),
      detail: say('propertyDetail', { zstd: options.compression === 'zstd' ? say('propertyZstd') : '' }),
    }),
    step({
      kind: 'warning',
      title: say('deliveryTitle'),
      detail: say('deliveryDetail', { minutes: COLLECTD_MESSAGE_TIMEOUT_MS / 60_000 }),
    }),
    step({ title: say('restartTitle'), commands: layout.restart }),
    step({
      title: say('watchTitle'),
      detail: say('watchDetail', { topic: ctx.topic }),
      commands: [checkConfigCommand(custom ? layout.dropIn : collectdString(layout.dropIn)), `timeout 60 collectd -f -C ${CHECK_CONFIG}`],
    }),
    ctx.sandbox
      ? step({
          title: say('sandboxRecordsTitle'),
          detail: say('sandboxRecordsDetail'),
          commands: [download(sandboxRecordsUrl(ctx.sandbox.caUrl, ctx.username, ctx.logstore))],
        })
      : step({
          title: say('slsRecordsTitle'),
          detail: say('slsRecordsDetail', { project: ctx.username, logstore: ctx.logstore }),
        }),
  );

  if (ctx.expandJson) {
    steps.push(
      step({
        kind: 'warning',
        title: say('arraysTitle'),
        detail: say('arraysDetail', { topic: ctx.topic }),
      }),
    );
  }
  return steps;
}

function secretStep(ctx: RenderContext, layout: CollectdLayout): RenderStep {
  const commands = [
    `chown ${layout.fileOwner} ${layout.dropIn}`,
    `chmod ${layout.fileMode} ${layout.dropIn}`,
    `ls -l ${layout.dropIn}`,
  ];
  const say = sayer(texts, ctx.lang);
  const who = say(layout.fileOwner === 'root:root' ? 'whoRoot' : 'whoGroup');
  if (ctx.secretMode === 'env') {
    return {
      agent: 'collectd',
      kind: 'warning',
      title: say('envTitle', { variable: ctx.passwordEnvVar }),
      detail: say('envDetail', { file: COLLECTD_FILE_NAME, who }),
      commands,
    };
  }
  return {
    agent: 'collectd',
    kind: 'warning',
    title: say('secretTitle', { file: COLLECTD_FILE_NAME }),
    detail: say('secretDetail', { who, listing: layout.fileMode === '600' ? '-rw-------' : '-rw-r-----' }),
    commands,
  };
}

/** A throw-away main config: the load plugin as a data source, logs on stdout, and the drop-in. */
function checkConfigCommand(includeArgument: string): string {
  return [
    `cat > ${CHECK_CONFIG} <<EOF`,
    'Interval 10',
    'LoadPlugin logfile',
    '<Plugin logfile>',
    '  LogLevel info',
    '  File STDOUT',
    '</Plugin>',
    'LoadPlugin load',
    `Include ${includeArgument}`,
    'EOF',
  ].join('\n');
}

/** GET /api/sandbox/records next to the CA URL, for this project and Logstore. */
function sandboxRecordsUrl(caUrl: string, project: string, logstore: string): string {
  const url = new URL('records', caUrl);
  url.search = new URLSearchParams({ project, logstore, limit: '5' }).toString();
  return url.toString();
}
