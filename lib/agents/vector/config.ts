/**
 * The Vector config as one tree (data_dir, the file source, the `kafka`
 * sink for SLS), written out as YAML or TOML from the same tree so the two
 * formats cannot drift apart. Option names: docs/agents/vector.md and
 * tests/fixtures/agents/vector/schema.json (KafkaSinkConfig, src/kafka.rs).
 */
import type { RenderContext } from '../context';
import { renderTomlLines, type TomlLine, type TomlValue } from '../../config-languages/toml/lines';
import {
  renderYamlDocument,
  yamlMap,
  yamlReference,
  type YamlMap,
  type YamlScalar,
  type YamlValue,
} from '../../config-languages/yaml/document';
import { vectorLiteralProblem, type VectorFormat, type VectorOptions } from './schema';

export const VECTOR_CONFIG_DIR = '/etc/vector';
export const SINK_ID = 'sls';
export const SOURCE_ID = 'sls_source';
export const DATA_DIR = '/var/lib/vector';
/** librdkafka's client.id: names the wizard's producer in broker logs. */
export const CLIENT_ID = 'vector-sls';

/** A value Vector must read literally: no `$`, no `SECRET[` (see vectorLiteralProblem). */
function literal(field: string, value: string): string {
  const problem = vectorLiteralProblem(field, value);
  if (problem) throw new RangeError(problem);
  return value;
}

/** The topic is a Vector template: `{{ field }}` and strftime `%` items would be expanded per event. */
function topicLiteral(value: string): string {
  if (/[{}%]/.test(value)) throw new RangeError(`topic: “${value}” would be read as a Vector template.`);
  return literal('topic', value);
}

export function sandboxCaPath(ctx: RenderContext): string | undefined {
  return ctx.sandbox ? `${VECTOR_CONFIG_DIR}/${ctx.sandbox.caFileName}` : undefined;
}

function sinkMap(ctx: RenderContext, options: VectorOptions): YamlMap {
  const inputs = options.mode === 'complete' ? [SOURCE_ID] : options.inputs.map((id) => literal('inputs', id));
  const caFile = sandboxCaPath(ctx);
  const password: YamlScalar =
    ctx.secretMode === 'env' ? yamlReference(`\${${ctx.passwordEnvVar}}`) : literal('sasl.password', ctx.password);
  return yamlMap(
    { key: 'type', value: 'kafka' },
    {
      key: 'inputs',
      value: inputs,
      comments: options.mode === 'complete' ? undefined : ['Ids of the sources or transforms in your own config that feed SLS.'],
    },
    {
      key: 'bootstrap_servers',
      value: literal('bootstrap_servers', ctx.endpoint.bootstrap),
      comments: [
        ctx.sandbox
          ? 'The wizard sandbox: a local stand-in for the SLS Kafka endpoint.'
          : 'SLS Kafka endpoint: port 10012 from the internet, 10011 inside Alibaba Cloud.',
      ],
    },
    {
      key: 'topic',
      value: topicLiteral(ctx.topic),
      comments: [
        ctx.expandJson
          ? 'Topic = Logstore + ".json": SLS expands each JSON message into fields.'
          : 'Topic = Logstore: SLS stores each message in the field "content".',
        'No key_field: records carry no key, so librdkafka spreads them over all shards.',
      ],
    },
    {
      key: 'encoding',
      value: yamlMap({ key: 'codec', value: options.codec }),
      comments: [
        options.codec === 'json'
          ? 'One JSON object per event: message, timestamp, host, file, source_type.'
          : 'The message line only.',
      ],
    },
    { key: 'compression', value: options.compression },
    {
      key: 'sasl',
      value: yamlMap(
        { key: 'enabled', value: true },
        { key: 'mechanism', value: 'PLAIN' },
        { key: 'username', value: literal('sasl.username', ctx.username) },
        { key: 'password', value: password },
      ),
      comments: ['SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.'],
    },
    {
      key: 'tls',
      value: yamlMap(
        { key: 'enabled', value: true },
        caFile ? { key: 'ca_file', value: caFile, comments: ['Trust the sandbox CA downloaded from the wizard.'] } : undefined,
      ),
      comments: ['TLS on and verified; without tls.enabled the password would go out in plain text.'],
    },
    {
      key: 'acknowledgements',
      value: yamlMap({ key: 'enabled', value: options.acknowledgements }),
      comments: [
        options.acknowledgements
          ? 'The source moves on only once SLS has stored the record.'
          : 'Acknowledgements off: the source moves on as soon as the sink has the event.',
      ],
    },
    {
      key: 'librdkafka_options',
      value: yamlMap({ key: 'client.id', value: CLIENT_ID }, { key: 'enable.idempotence', value: 'false' }),
      comments: ['SLS has no idempotent producer; librdkafka values are strings.'],
    },
  );
}

/** The whole config tree: complete (data_dir, file source, sink) or the sink alone. */
export function vectorConfigTree(ctx: RenderContext, options: VectorOptions): YamlMap {
  const sinks = yamlMap({ key: SINK_ID, value: sinkMap(ctx, options) });
  if (options.mode === 'output-only') return yamlMap({ key: 'sinks', value: sinks });
  return yamlMap(
    { key: 'data_dir', value: DATA_DIR, comments: ['Where the file source keeps its read positions.'] },
    {
      key: 'sources',
      value: yamlMap({
        key: SOURCE_ID,
        value: yamlMap(
          { key: 'type', value: 'file' },
          { key: 'include', value: options.logPaths.map((p) => literal('include', p)) },
          { key: 'read_from', value: 'end', comments: ['Start at the end of existing files: only new lines are sent.'] },
        ),
      }),
    },
    { key: 'sinks', value: sinks },
  );
}

function isMap(value: YamlValue): value is YamlMap {
  // Arrays have an `entries` method too.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'entries' in value;
}

function tomlScalar(value: YamlScalar | readonly YamlScalar[]): TomlValue {
  if (Array.isArray(value)) {
    if (!value.every((v): v is string => typeof v === 'string')) throw new RangeError('TOML: only lists of strings are written.');
    return { strings: value };
  }
  const scalar = value as YamlScalar;
  if (typeof scalar === 'string') return { string: scalar };
  if (typeof scalar === 'number') return { integer: scalar };
  if (typeof scalar === 'boolean') return { boolean: scalar };
  const name = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(scalar.reference)?.[1];
  if (!name) throw new RangeError(`TOML: “${scalar.reference}” is not a \${NAME} reference.`);
  return { env: name };
}

/**
 * One table: its header and scalar keys, then its sub-tables (TOML cannot
 * return to a table's keys after a sub-table). A table with only sub-tables
 * gets no header of its own; its comments move to its first sub-table.
 */
function tomlTable(path: string | undefined, map: YamlMap, comments: readonly string[] = []): TomlLine[] {
  const lines: TomlLine[] = [];
  const scalars = map.entries.filter((e) => !isMap(e.value));
  const tables = map.entries.filter((e) => isMap(e.value));
  let pending = comments;
  if (path !== undefined && (scalars.length > 0 || tables.length === 0)) {
    // The table's comments go right under its header, where the indented lines of the table begin.
    lines.push({ table: path }, ...comments.map((comment) => ({ comment })));
    pending = [];
  }
  for (const entry of scalars) {
    lines.push(...(entry.comments ?? []).map((comment) => ({ comment })));
    lines.push({ key: entry.key, value: tomlScalar(entry.value as YamlScalar | readonly YamlScalar[]) });
  }
  tables.forEach((entry, i) => {
    const sub = path === undefined ? entry.key : `${path}.${entry.key}`;
    const subLines = tomlTable(sub, entry.value as YamlMap, [...(i === 0 ? pending : []), ...(entry.comments ?? [])]);
    if (lines.length > 0) lines.push({ blank: true });
    lines.push(...subLines);
  });
  return lines;
}

const HEADER_PLACE: Readonly<Record<VectorOptions['mode'], Record<VectorFormat, string>>> = {
  complete: {
    yaml: `Save as ${VECTOR_CONFIG_DIR}/vector.yaml (data_dir, a file source and the SLS sink).`,
    toml: `Save as ${VECTOR_CONFIG_DIR}/vector.toml (data_dir, a file source and the SLS sink).`,
  },
  'output-only': {
    yaml: `Save as ${VECTOR_CONFIG_DIR}/sls-kafka.yaml and load it next to your own config (VECTOR_CONFIG).`,
    toml: `Save as ${VECTOR_CONFIG_DIR}/sls-kafka.toml and load it next to your own config (VECTOR_CONFIG).`,
  },
};

function header(ctx: RenderContext, options: VectorOptions): string[] {
  return [
    'Vector to Alibaba Cloud Simple Log Service (SLS) over its Kafka endpoint.',
    HEADER_PLACE[options.mode][options.format],
    ctx.secretMode === 'env'
      ? 'The password comes from SLS_KAFKA_PASSWORD; Vector 0.57+ also needs VECTOR_DANGEROUSLY_ALLOW_ENV_VAR_INTERPOLATION=true.'
      : 'Check it with: vector validate --no-environment FILE',
  ];
}

export function renderVectorText(ctx: RenderContext, options: VectorOptions): string {
  const tree = vectorConfigTree(ctx, options);
  if (options.format === 'yaml') return renderYamlDocument(header(ctx, options), tree);
  return renderTomlLines([...header(ctx, options).map((comment) => ({ comment })), { blank: true }, ...tomlTable(undefined, tree)]);
}
