/**
 * Reads back the producer settings of the rendered snippets. Java's
 * producer.properties is parsed as a real properties file (the
 * java.util.Properties grammar); topic, username and password come from
 * SlsProducer.java. Python, Go and Node have no config file: their settings
 * are read by regular expressions over the structure OUR snippets have (one
 * `"key": value` / `cfg.X = value` / `key: value` per line, JSON string
 * literals) — enough to catch a template bug, not a parser for arbitrary code.
 * The password is the environment lookup; in inline mode it resolves to the
 * value sls-kafka.env sets (parsed as shell words), which is what a snippet
 * run as the steps say receives.
 */
import { propertiesRecord } from '../../config-languages/properties';
import { shellWords } from '../../config-languages/shell/words';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';
import { ENV_FILE } from './render';
import { JAVA_PROPERTIES_FILE, SNIPPET_FILES } from './snippets';

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;

function literal(text: string, pattern: string): string | undefined {
  const m = new RegExp(pattern.replace('STR', `(${STRING})`), 'm').exec(text);
  return m ? (JSON.parse(m[1]!) as string) : undefined;
}

/** The password the process sees: the env file's value when one is rendered, else the reference. */
function password(files: readonly RenderedFile[], variable: string | undefined, reference: string): string | undefined {
  if (variable === undefined) return undefined;
  const envFile = files.find((f) => f.path === ENV_FILE);
  if (envFile) {
    for (const line of envFile.content.split('\n')) {
      const [word] = shellWords(line);
      if (typeof word === 'string' && word.startsWith(`${variable}=`)) return word.slice(variable.length + 1);
    }
  }
  return reference;
}

function readPython(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings {
  const c = file.content;
  const key = (name: string) => literal(c, `^\\s*"${name.replaceAll('.', '\\.')}":\\s*STR,`);
  const envVar = literal(c, `^\\s*"sasl\\.password":\\s*os\\.environ\\[STR\\],`);
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: key('bootstrap.servers'),
    topic: literal(c, '^TOPIC = STR$'),
    username: key('sasl.username'),
    password: password(files, envVar, `os.environ[${JSON.stringify(envVar)}]`),
    mechanism: key('sasl.mechanisms'),
    tls: key('security.protocol') === 'SASL_SSL',
    constantKey: /produce\([^)]*\bkey=/.test(c) ? 'key=' : undefined,
    codec: codecOf(key('compression.type')),
    acks: acksOf(key('acks') ?? 'all'),
  };
}

function readNode(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings {
  const c = file.content;
  const envVar = literal(c, '^const password = process\\.env\\[STR\\];');
  const acks = /\backs: (-?\d)/.exec(c)?.[1];
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: literal(c, '^\\s*brokers: \\[STR\\],'),
    topic: literal(c, '^const TOPIC = STR;'),
    username: literal(c, "^\\s*sasl: \\{ mechanism: 'plain', username: STR,"),
    password: password(files, envVar, `process.env[${JSON.stringify(envVar)}]`),
    mechanism: /sasl: \{ mechanism: 'plain'/.test(c) ? 'PLAIN' : undefined,
    tls: /^\s*ssl: (true|\{ ca: )/m.test(c),
    constantKey: /batch\.push\(\{[^}]*\bkey:/.test(c) ? 'key' : undefined,
    codec: codecOf(/CompressionTypes\.(\w+)/.exec(c.slice(c.indexOf('producer.send(')))?.[1]),
    acks: acksOf(acks ?? '-1'),
  };
}

const SARAMA_ACKS: Readonly<Record<string, string>> = { WaitForAll: '-1', WaitForLocal: '1', NoResponse: '0' };

function readGo(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings {
  const c = file.content;
  const envVar = literal(c, '^\\s*cfg\\.Net\\.SASL\\.Password = os\\.Getenv\\(STR\\)$');
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: literal(c, 'sarama\\.NewSyncProducer\\(\\[\\]string\\{STR\\}'),
    topic: literal(c, '^const topic = STR$'),
    username: literal(c, '^\\s*cfg\\.Net\\.SASL\\.User = STR$'),
    password: password(files, envVar, `os.Getenv(${JSON.stringify(envVar)})`),
    mechanism: /^\s*cfg\.Net\.SASL\.Enable = true$/m.test(c) && /cfg\.Net\.SASL\.Mechanism = sarama\.SASLTypePlaintext/.test(c) ? 'PLAIN' : undefined,
    tls: /^\s*cfg\.Net\.TLS\.Enable = true$/m.test(c) && !/InsecureSkipVerify/.test(c),
    constantKey: /ProducerMessage\{[^}]*\bKey:/.test(c) ? 'Key' : undefined,
    codec: codecOf(/cfg\.Producer\.Compression = sarama\.Compression(\w+)/.exec(c)?.[1]),
    acks: acksOf(SARAMA_ACKS[/cfg\.Producer\.RequiredAcks = sarama\.(\w+)/.exec(c)?.[1] ?? 'WaitForLocal']),
  };
}

function readJava(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings {
  const props = propertiesRecord(file.content, 'java');
  const code = files.find((f) => f.path === SNIPPET_FILES.java)?.content ?? '';
  const envVar = literal(code, '^\\s*String password = System\\.getenv\\(STR\\);');
  const protocol = props['security.protocol'] ?? '';
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: props['bootstrap.servers'],
    topic: literal(code, '^\\s*static final String TOPIC = STR;'),
    username: literal(code, '^\\s*static final String PROJECT = STR;'),
    password: password(files, envVar, `System.getenv(${JSON.stringify(envVar)})`),
    mechanism: props['sasl.mechanism'] ?? 'GSSAPI',
    tls: protocol === 'SASL_SSL' || protocol === 'SSL',
    constantKey: /new ProducerRecord<>\(TOPIC, [^,)]+, /.test(code) ? 'key' : undefined,
    codec: codecOf(props['compression.type']),
    acks: acksOf(props.acks ?? 'all'),
  };
}

export function readBackClients(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings | undefined {
  if (file.path === SNIPPET_FILES.python) return readPython(file, files);
  if (file.path === SNIPPET_FILES.node) return readNode(file, files);
  if (file.path === SNIPPET_FILES.go) return readGo(file, files);
  if (file.path === JAVA_PROPERTIES_FILE) return readJava(file, files);
  // SlsProducer.java is read with producer.properties; sls-kafka.env is no producer config.
  return undefined;
}
