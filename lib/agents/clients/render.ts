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

const RUN: Readonly<Record<ClientLanguage, StepInput>> = {
  python: {
    title: 'Python: install confluent-kafka and run',
    detail: 'Debian/Ubuntu ship python3-confluent-kafka; pip wheels bundle librdkafka and find the system CAs themselves. Prints {"sent": N, "failed": 0} and exits 0 when every line is stored.',
    commands: ['sudo apt-get install -y python3-confluent-kafka   # or: pip install confluent-kafka', `python3 ${SNIPPET_FILES.python} < ${INPUT}`],
  },
  node: {
    title: 'Node.js: install kafkajs and run',
    detail: 'kafkajs 2.x, Node 14 or newer. Prints {"sent": N} when every batch is acknowledged.',
    commands: ['npm install kafkajs@2', `node ${SNIPPET_FILES.node} < ${INPUT}`],
  },
  go: {
    title: 'Go: build with sarama and run',
    detail: 'With Go modules: github.com/Shopify/sarama up to v1.38.1 (from v1.40.0 the import path is github.com/IBM/sarama; change the import too). On Debian without network: apt-get install golang-go golang-github-shopify-sarama-dev and build in GOPATH mode: GOPATH=$HOME/go:/usr/share/gocode GO111MODULE=off go build.',
    commands: ['go mod init slsproducer && go get github.com/Shopify/sarama@v1.38.1', 'go build -o sls-producer .', `./sls-producer < ${INPUT}`],
  },
  java: {
    title: 'Java: compile against kafka-clients and run',
    detail: 'Put kafka-clients (2.7 or newer; e.g. org.apache.kafka:kafka-clients:3.8.0 from Maven Central) and its slf4j-api dependency in lib/, with producer.properties next to the class. The JAAS line is built in code from the environment, because kafka-clients does not expand ${…} in properties.',
    commands: ["javac -cp 'lib/*' SlsProducer.java", `java -cp 'lib/*:.' SlsProducer < ${INPUT}`],
  },
};

function clientSteps(ctx: RenderContext, o: ClientsOptions): RenderStep[] {
  const env = ctx.passwordEnvVar;
  return agentSteps('clients', [
    {
      title: 'Save the files in one folder',
      detail: `Each snippet reads lines on stdin (for example ${INPUT}, one JSON object a line) and sends each line as one record without a key, so records spread over the shards. Run the commands below from that folder.`,
    },
    ctx.sandbox
      ? {
          title: 'Download the sandbox CA',
          detail: `The snippets trust ${ctx.sandbox.caFileName} in the folder they run from; the connection stays verified.`,
          commands: [`curl -fsSo ${shellWord(ctx.sandbox.caFileName)} ${shellWord(ctx.sandbox.caUrl)}`],
        }
      : undefined,
    ctx.secretMode === 'inline'
      ? {
          title: `Load ${env} from ${ENV_FILE}`,
          detail: `The snippets never hold the secret: they read ${env}. ${ENV_FILE} holds it for you (inline mode); keep it private and out of version control.`,
          commands: [`chmod 600 ${ENV_FILE}`, `set -a; . ./${ENV_FILE}; set +a`],
        }
      : {
          title: `Put the password in ${env}`,
          detail: `The snippets read ${env} and nothing else. In bash, read asks for AccessKeyId#AccessKeySecret without echoing it; in production, set it from your secret store (Kubernetes Secret, systemd credential, CI secret).`,
          commands: [`read -rsp 'AccessKeyId#AccessKeySecret: ' ${env} && echo && export ${env}`],
        },
    ...o.languages.map((language) => RUN[language]),
    ctx.sandbox
      ? sandboxArrivalStep(ctx.sandbox.caUrl, ctx.username, ctx.logstore, ctx.lang)
      : {
          title: 'Check the Logstore',
          detail: `Open Logstore ${ctx.logstore} in the SLS console: one log per line${ctx.expandJson ? ', JSON keys as fields' : ' in the field content'}. “SASL authentication” errors: the AccessKey; “unknown topic”: the project, Logstore or region.`,
        },
  ]);
}

export function renderClients(ctx: RenderContext, options: ClientsOptions): AgentRender {
  const files = options.languages.flatMap((language) => languageFiles(ctx, options, language));
  if (ctx.secretMode === 'inline') files.push({ agent: 'clients', path: ENV_FILE, language: 'shell', content: envFile(ctx) });
  return { files, steps: clientSteps(ctx, options) };
}
