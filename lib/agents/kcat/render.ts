/**
 * kcat renderer: `kcat.conf` (librdkafka properties for `kcat -F`: TLS,
 * SASL PLAIN, CA, compression, acks) and `kcat-send.sh`, the one-line
 * produce command (`-b`, `-t`, `-l FILE`, no `-k`), plus the steps to
 * install, check and send. Inline mode writes the password into kcat.conf
 * (mode 600); env mode keeps it out of every file and out of argv: a second
 * `-F <(printf …)` hands it to kcat through a bash pipe. Pure.
 * Facts: docs/agents/kcat.md (kcat 1.7.1, librdkafka 2.0.2, run against the sandbox).
 */
import { renderProperties, type PropertyLine } from '../../config-languages/properties';
import { shellWord } from '../../config-languages/shell/quote';
import type { RenderContext } from '../context';
import { agentSteps, sandboxArrivalStep } from '../common/steps';
import type { AgentRender, RenderStep } from '../types';
import type { KcatOptions } from './schema';

export const KCAT_CONFIG_FILE = 'kcat.conf';
export const KCAT_SCRIPT_FILE = 'kcat-send.sh';

/** The process substitution that feeds the password from the environment (bash; printf is a builtin, so not in ps). */
export function passwordFromEnv(ctx: RenderContext): string {
  return `<(printf 'sasl.password=%s\\n' "$${ctx.passwordEnvVar}")`;
}

/** `-F` arguments: the file, and in env mode the password from the environment. */
function configArgs(ctx: RenderContext): string {
  return ctx.secretMode === 'env' ? `-F ${KCAT_CONFIG_FILE} -F ${passwordFromEnv(ctx)}` : `-F ${KCAT_CONFIG_FILE}`;
}

/** The one-line produce command: each line of the file one keyless record. */
export function kcatCommand(ctx: RenderContext, options: KcatOptions): string {
  const sticky = options.spreadEachRecord ? ' -X sticky.partitioning.linger.ms=0' : '';
  return `kcat -P ${configArgs(ctx)} -b ${shellWord(ctx.endpoint.bootstrap)} -t ${shellWord(ctx.topic)}${sticky} -l ${shellWord(options.inputFile)}`;
}

function configLines(ctx: RenderContext, options: KcatOptions): PropertyLine[] {
  return [
    { comment: 'kcat to Alibaba Cloud Simple Log Service (SLS) over its Kafka endpoint: librdkafka properties for kcat -F.' },
    {
      comment:
        ctx.secretMode === 'inline'
          ? 'It holds the AccessKey: keep it private (chmod 600 kcat.conf).'
          : `No password here: the command adds sasl.password from $${ctx.passwordEnvVar}.`,
    },
    { blank: true },
    { comment: 'TLS on, SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.' },
    { key: 'security.protocol', value: 'SASL_SSL' },
    { key: 'sasl.mechanisms', value: 'PLAIN' },
    { key: 'sasl.username', value: ctx.username },
    ...(ctx.secretMode === 'inline' ? [{ key: 'sasl.password', value: ctx.password }] : []),
    ...(ctx.sandbox
      ? [
          { comment: 'Trust the sandbox CA (downloaded next to this file); the host name is still checked.' },
          { key: 'ssl.ca.location', value: ctx.sandbox.caFileName },
        ]
      : [{ comment: 'The system CA store verifies SLS (a static librdkafka build: add ssl.ca.location=probe).' }]),
    { blank: true },
    { comment: 'No message key is set anywhere (never -k): records spread over the shards.' },
    { comment: `Compression ${options.compression}; acks ${options.acks}; no idempotence or transactions (SLS supports neither).` },
    { key: 'compression.codec', value: options.compression },
    { key: 'acks', value: String(options.acks) },
    { key: 'enable.idempotence', value: 'false' },
    { key: 'client.id', value: 'kcat' },
  ];
}

function scriptContent(ctx: RenderContext, options: KcatOptions): string {
  const topicNote = ctx.expandJson
    ? `# Topic ${ctx.topic}: SLS expands each JSON line into fields (kcat's -H data-parse-format=json does the same with the plain Logstore topic).`
    : `# Topic = Logstore ${ctx.logstore}: each line is stored in the field content.`;
  return [
    '#!/usr/bin/env bash',
    '# Send a file to SLS with kcat, one record per line (-l). Run it with bash from the folder that holds kcat.conf.',
    ctx.secretMode === 'env' ? `# ${ctx.passwordEnvVar} must be set; <(printf …) passes it to kcat without argv or a file.` : '# kcat.conf holds the password.',
    topicNote,
    'set -euo pipefail',
    kcatCommand(ctx, options),
    '',
  ].join('\n');
}

function kcatSteps(ctx: RenderContext, options: KcatOptions): RenderStep[] {
  const list = `kcat -L ${configArgs(ctx)} -b ${shellWord(ctx.endpoint.bootstrap)} -t ${shellWord(ctx.topic)}`;
  return agentSteps('kcat', [
    {
      title: 'Install kcat',
      detail: 'Debian 12 / Ubuntu 22.04+: the kcat package (older releases call it kafkacat); RHEL family: kcat from EPEL; or the edenhill/kcat:1.7.1 image. kcat -V must show librdkafka with ssl and sasl_plain built in.',
      commands: ['sudo apt-get install -y kcat', 'kcat -V'],
    },
    ctx.sandbox
      ? {
          title: 'Download the sandbox CA',
          detail: `ssl.ca.location names ${ctx.sandbox.caFileName} in the folder you run kcat from; librdkafka checks the sandbox's certificate and host name against it.`,
          commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
        }
      : undefined,
    {
      title: 'Keep kcat.conf private',
      detail:
        ctx.secretMode === 'inline'
          ? 'Save kcat.conf and kcat-send.sh in one folder. kcat.conf holds the AccessKey, so only you may read it. Never pass -X sasl.password=… instead: every user sees argv in ps.'
          : 'Save kcat.conf and kcat-send.sh in one folder. kcat.conf holds no secret; mode 600 keeps it that way if someone adds one later.',
      commands: [`chmod 600 ${KCAT_CONFIG_FILE}`],
    },
    ctx.secretMode === 'env'
      ? {
          title: `Put the password in ${ctx.passwordEnvVar}`,
          detail: 'In bash: read asks for AccessKeyId#AccessKeySecret without echoing it, so it stays off the screen and out of the shell history. The commands below need bash (process substitution <(…)), not sh.',
          commands: [`read -rsp 'AccessKeyId#AccessKeySecret: ' ${ctx.passwordEnvVar} && echo && export ${ctx.passwordEnvVar}`],
        }
      : undefined,
    {
      title: 'Check the connection',
      detail: 'Connects, authenticates and lists the topic’s partitions (one per shard). “SSL handshake failed” or “certificate verify failed”: the CA; “SASL authentication error”: the AccessKey; “Unknown topic”: the project, Logstore or region.',
      commands: [list],
    },
    {
      title: 'Send the file',
      detail: `One record per line of ${options.inputFile}; kcat exits when all are delivered, non-zero on failure. Without -l, “kcat -P … FILE” would send the whole file as ONE record. To send a command’s output, pipe it in and drop -l.`,
      commands: [`bash ${KCAT_SCRIPT_FILE}`],
    },
    options.spreadEachRecord
      ? undefined
      : {
          kind: 'warning',
          title: 'A quick burst lands on one shard',
          detail: 'librdkafka’s sticky partitioner keeps keyless records on one shard per 10 ms; a file sent in one go may end up on a single shard. Turn “Spread every record” on for one-shot uploads.',
        },
    {
      kind: 'warning',
      title: 'No -k',
      detail: 'kcat -k KEY gives every record the same key, and SLS then writes them all to one shard. Leave records keyless.',
    },
    ctx.sandbox
      ? sandboxArrivalStep(ctx.sandbox.caUrl, ctx.username, ctx.logstore, ctx.lang)
      : {
          title: 'Check the Logstore',
          detail: `Open Logstore ${ctx.logstore} in the SLS console and search the last minutes: one log per line${ctx.expandJson ? ', JSON keys as fields' : ' in the field content'}.`,
        },
  ]);
}

export function renderKcat(ctx: RenderContext, options: KcatOptions): AgentRender {
  return {
    files: [
      { agent: 'kcat', path: KCAT_CONFIG_FILE, language: 'properties', content: renderProperties(configLines(ctx, options), 'librdkafka') },
      { agent: 'kcat', path: KCAT_SCRIPT_FILE, language: 'shell', content: scriptContent(ctx, options) },
    ],
    steps: kcatSteps(ctx, options),
  };
}
