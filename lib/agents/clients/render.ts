/**
 * The producer-snippets renderer: one runnable file per chosen language
 * (plus producer.properties for Java), and the steps to install the client,
 * provide the secret and run. The secret never goes into a snippet: every
 * snippet reads SLS_KAFKA_PASSWORD from the environment in both secret modes.
 * Inline mode adds `sls-kafka.env` holding the AccessKey pair (mode 600) for
 * `set -a; . ./sls-kafka.env` or a systemd EnvironmentFile; env mode leaves
 * it to the user's own secret store. Pure.
 */
import { shellQuote, shellWord } from '../../config-languages/shell/quote';
import type { RenderContext } from '../context';
import { agentSteps, sandboxArrivalStep, type StepInput } from '../common/steps';
import { sayer, type Say } from '../common/say';
import texts from './step-texts.json';
import type { AgentRender, RenderedFile, RenderStep } from '../types';
import type { ClientLanguage, ClientsOptions } from './schema';
import { goSnippet, JAVA_PROPERTIES_FILE, javaProperties, javaSnippet, nodeSnippet, pythonSnippet, SNIPPET_FILES } from './snippets';

export const ENV_FILE = 'sls-kafka.env';

const INPUT = 'lines.jsonl';

function envFile(ctx: RenderContext): string {
  return [
    `# ${ctx.passwordEnvVar} for the producer snippets: AccessKeyId#AccessKeySecret. Keep this file private (chmod 600).`,
    `# Load it into the shell that runs a snippet: set -a; . ./${ENV_FILE}; set +a  (or a systemd EnvironmentFile=).`,
    `${ctx.passwordEnvVar}=${shellQuote(ctx.password)}`,
    '',
  ].join('\n');
}

function languageFiles(ctx: RenderContext, o: ClientsOptions, language: ClientLanguage): RenderedFile[] {
  switch (language) {
    case 'python':
      return [{ agent: 'clients', path: SNIPPET_FILES.python, language: 'python', content: pythonSnippet(ctx, o) }];
    case 'node':
      return [{ agent: 'clients', path: SNIPPET_FILES.node, language: 'javascript', content: nodeSnippet(ctx, o) }];
    case 'go':
      return [{ agent: 'clients', path: SNIPPET_FILES.go, language: 'go', content: goSnippet(ctx, o) }];
    case 'java':
      return [
        { agent: 'clients', path: JAVA_PROPERTIES_FILE, language: 'properties', content: javaProperties(ctx, o) },
        { agent: 'clients', path: SNIPPET_FILES.java, language: 'java', content: javaSnippet(ctx) },
      ];
  }
}

/** How to build and run each language's snippet; the prose in `lang`. */
function runStep(language: ClientLanguage, say: Say<typeof texts>): StepInput {
  switch (language) {
    case 'python':
      return {
        title: say('python.title'),
        detail: say('python.detail'),
        commands: [`sudo apt-get install -y python3-confluent-kafka   # ${say('python.or')}`, `python3 ${SNIPPET_FILES.python} < ${INPUT}`],
      };
    case 'node':
      return { title: say('node.title'), detail: say('node.detail'), commands: ['npm install kafkajs@2', `node ${SNIPPET_FILES.node} < ${INPUT}`] };
    case 'go':
      return {
        title: say('go.title'),
        detail: say('go.detail'),
        commands: ['go mod init slsproducer && go get github.com/Shopify/sarama@v1.38.1', 'go build -o sls-producer .', `./sls-producer < ${INPUT}`],
      };
    case 'java':
      return {
        title: say('java.title'),
        detail: say('java.detail'),
        commands: ["javac -cp 'lib/*' SlsProducer.java", `java -cp 'lib/*:.' SlsProducer < ${INPUT}`],
      };
  }
}

function clientSteps(ctx: RenderContext, o: ClientsOptions): RenderStep[] {
  const env = ctx.passwordEnvVar;
  const say = sayer(texts, ctx.lang);
  return agentSteps('clients', [
    { title: say('save.title'), detail: say('save.detail', { input: INPUT }) },
    ctx.sandbox
      ? {
          title: say('ca.title'),
          detail: say('ca.detail', { file: ctx.sandbox.caFileName }),
          commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
        }
      : undefined,
    ctx.secretMode === 'inline'
      ? {
          title: say('load.title', { variable: env, file: ENV_FILE }),
          detail: say('load.detail', { variable: env, file: ENV_FILE }),
          commands: [`chmod 600 ${ENV_FILE}`, `set -a; . ./${ENV_FILE}; set +a`],
        }
      : {
          title: say('env.title', { variable: env }),
          detail: say('env.detail', { variable: env }),
          commands: [`read -rsp 'AccessKeyId#AccessKeySecret: ' ${env} && echo && export ${env}`],
        },
    ...o.languages.map((language) => runStep(language, say)),
    ctx.sandbox
      ? sandboxArrivalStep(ctx.sandbox.caUrl, ctx.username, ctx.logstore, ctx.lang)
      : {
          title: say('logstore.title'),
          detail: say('logstore.detail', { logstore: ctx.logstore, shape: say(ctx.expandJson ? 'shape.json' : 'shape.content') }),
        },
  ]);
}

export function renderClients(ctx: RenderContext, options: ClientsOptions): AgentRender {
  const files = options.languages.flatMap((language) => languageFiles(ctx, options, language));
  if (ctx.secretMode === 'inline') files.push({ agent: 'clients', path: ENV_FILE, language: 'shell', content: envFile(ctx) });
  return { files, steps: clientSteps(ctx, options) };
}
