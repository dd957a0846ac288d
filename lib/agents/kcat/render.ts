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
import { sayer } from '../common/say';
import texts from './step-texts.json';
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
  const say = sayer(texts, ctx.lang);
  const list = `kcat -L ${configArgs(ctx)} -b ${shellWord(ctx.endpoint.bootstrap)} -t ${shellWord(ctx.topic)}`;
  return agentSteps('kcat', [
    {
      title: say('install.title'),
      detail: say('install.detail'),
      commands: ['sudo apt-get install -y kcat', 'kcat -V'],
    },
    ctx.sandbox
      ? {
          title: say('ca.title'),
          detail: say('ca.detail', { file: ctx.sandbox.caFileName }),
          commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
        }
      : undefined,
    {
      title: say('private.title'),
      detail: say(ctx.secretMode === 'inline' ? 'private.inline' : 'private.env'),
      commands: [`chmod 600 ${KCAT_CONFIG_FILE}`],
    },
    ctx.secretMode === 'env'
      ? {
          title: say('env.title', { variable: ctx.passwordEnvVar }),
          detail: say('env.detail'),
          commands: [`read -rsp 'AccessKeyId#AccessKeySecret: ' ${ctx.passwordEnvVar} && echo && export ${ctx.passwordEnvVar}`],
        }
      : undefined,
    {
      title: say('check.title'),
      detail: say('check.detail'),
      commands: [list],
    },
    {
      title: say('send.title'),
      detail: say('send.detail', { file: options.inputFile }),
      commands: [`bash ${KCAT_SCRIPT_FILE}`],
    },
    options.spreadEachRecord
      ? undefined
      : {
          kind: 'warning',
          title: say('burst.title'),
          detail: say('burst.detail'),
        },
    {
      kind: 'warning',
      title: say('nok.title'),
      detail: say('nok.detail'),
    },
    ctx.sandbox
      ? sandboxArrivalStep(ctx.sandbox.caUrl, ctx.username, ctx.logstore, ctx.lang)
      : {
          title: say('logstore.title'),
          detail: say('logstore.detail', { logstore: ctx.logstore, shape: say(ctx.expandJson ? 'shape.json' : 'shape.content') }),
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
