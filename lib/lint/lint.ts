/**
 * lintConfig: detect the agent, read its Kafka output with positions, run the
 * agent's own checks and the shared SLS rules, and build the fixed file (the
 * user's file edited line by line, or the wizard's rendering of what was read
 * when that is closer to working). Every literal secret is masked in the
 * result. Pure and synchronous: the route and the CLI call the same code.
 */
import { agentDefinition, renderSettings } from '../agents';
import { agentTitle, isAgentId, type AgentId } from '../agents/meta';
import { settingsSchema } from '../settings/schema';
import { JAAS_READER, LINT_READERS, LintParseError, NotThisKind, type LintReader } from './agents';
import { ID_PLACEHOLDER, SECRET_PLACEHOLDER } from './agents/common';
import { detectKinds, recogniseClient, recogniseOther, type LintKind } from './detect';
import { applyEdits, cannotReadEnv, type Edit, type Problem, type Reading } from './model';
import { readHost, slsRules } from './rules';
import { LintInputError, MAX_LINT_CONTENT_CHARS, type LintFinding, type LintInput, type LintResult, type LintSettings } from './types';

const MASK = '****';
/** Rounds of fixing (each round reads the file again): enough for every edit of one line to land. */
const MAX_FIX_PASSES = 4;
const READ_LIST = 'Beats, Telegraf, collectd, Fluentd, Logstash, Fluent Bit, Vector, OpenTelemetry Collector, rsyslog, syslog-ng and kcat';

/** The answer for application code (the wizard's client snippets): not a config file. */
function clientCodeError(name: string): LintInputError {
  return new LintInputError(
    `content: recognised ${name}. The linter reads agent config files; a client's settings live in code. Compare it with the wizard's “Client libraries” snippet (SASL_SSL, PLAIN, project as username, AccessKeyId#AccessKeySecret, no key, acks 1, no idempotence).`,
    name,
  );
}

function readerOf(kind: LintKind): LintReader | undefined {
  return kind.jaas ? JAAS_READER : LINT_READERS[kind.agent];
}

interface Analysis {
  reading: Reading;
  problems: Problem[];
}

function analyse(reader: LintReader, content: string): Analysis {
  const reading = reader.read(content);
  const problems = [...reading.problems, ...slsRules(reading)];
  problems.sort((a, b) => a.line - b.line);
  return { reading, problems };
}

const errorCount = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error').length;

/** The literal secrets in a reading: the part after `#`, or the whole password without one. */
function secretsOf(reading: Reading): string[] {
  const pw = reading.password;
  if (!pw || pw.reference) return [];
  const i = pw.value.indexOf('#');
  const secret = i >= 0 ? pw.value.slice(i + 1) : pw.value;
  return secret.length >= 4 && secret !== SECRET_PLACEHOLDER ? [secret] : [];
}

function masker(secrets: readonly string[]): (text: string) => string {
  return (text) => secrets.reduce((t, s) => t.split(s).join(MASK), text);
}

function settingsOf(reading: Reading): LintSettings {
  const s: LintSettings = {};
  const first = reading.bootstrap[0];
  if (first) {
    const h = readHost(first);
    if (h.region) s.region = h.region;
    if (h.network) s.network = h.network;
    if (h.region) s.hostForm = h.project ? 'project' : 'region';
    if (h.project) s.project = h.project;
  }
  const username = reading.username?.value;
  if (username && !username.includes('${')) s.project = username;
  const topic = reading.topic?.value;
  if (topic) {
    s.logstore = topic.replace(/\.json$/, '');
    s.expandJson = topic.endsWith('.json') || reading.jsonHeader !== undefined;
  }
  const pw = reading.password;
  if (pw) {
    s.secretMode = pw.reference ? 'env' : 'inline';
    const id = pw.value.split('#')[0];
    if (!pw.reference && pw.value.includes('#') && id && id !== ID_PLACEHOLDER) s.accessKeyId = id;
  }
  // Only the options the agent's schema accepts, one by one.
  const schema = agentDefinition(reading.agent).schema;
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(reading.options)) {
    if (v !== undefined && schema.safeParse({ [k]: v }).success) options[k] = v;
  }
  s.agents = { [reading.agent]: options };
  return s;
}

/** The wizard's own file for what was read, when the settings are complete enough to render. */
function renderFrom(settings: LintSettings, reading: Reading): string | undefined {
  if (reading.language === 'jaas') return undefined;
  // Without an SLS region read from the file (a sandbox or other host), a rendering would invent an endpoint.
  if (settings.region === undefined) return undefined;
  const parsed = settingsSchema.safeParse({
    ...settings,
    accessKeyId: settings.accessKeyId ?? 'LTAI0000000000000000000000',
    // Never written in env mode, except by collectd (replaced by the placeholder below).
    accessKeySecret: 'RenderPlaceholderSecret0000000',
    secretMode: 'env',
    agents: settings.agents,
  });
  if (!parsed.success) return undefined;
  const file = renderSettings(parsed.data).files.find((f) => f.agent === reading.agent && f.language === reading.language);
  return file?.content.split('RenderPlaceholderSecret0000000').join(SECRET_PLACEHOLDER).split('LTAI0000000000000000000000').join(ID_PLACEHOLDER);
}

function toFinding(p: Problem, mask: (t: string) => string): LintFinding {
  const f: LintFinding = { rule: p.rule, severity: p.severity, line: p.line, message: mask(p.message), fix: mask(p.fix) };
  if (p.column !== undefined) f.column = p.column;
  return f;
}

export function lintConfig(input: LintInput): LintResult {
  const { content, filename } = input;
  if (typeof content !== 'string') throw new LintInputError('content: expected the config file as text.');
  if (content.length > MAX_LINT_CONTENT_CHARS) {
    throw new LintInputError(`content: ${content.length} characters; the linter reads configs of up to ${MAX_LINT_CONTENT_CHARS} (paste the Kafka output section).`);
  }
  if (input.agent !== undefined && !isAgentId(input.agent)) throw new LintInputError(`agent: “${String(input.agent)}” is not an agent id.`);
  const other = recogniseOther(content);
  if (other === 'binary data, not a text config' || other === 'an empty file') throw new LintInputError(`content: ${other}.`, other);
  let kinds = detectKinds(content, filename);
  const detected = input.agent === undefined;
  const client = recogniseClient(content);
  if (input.agent === 'clients') throw clientCodeError(client ?? 'a client library snippet');
  if (client && kinds.every((k) => k.agent === 'kcat')) throw clientCodeError(client);
  if (input.agent !== undefined) {
    const asked: AgentId = input.agent;
    if (!LINT_READERS[asked]) throw new LintInputError(`agent: the linter does not read ${asked} configs.`);
    const mine = kinds.filter((k) => k.agent === asked);
    if (mine.length === 0 && kinds.length > 0) {
      const names = kinds.map((k) => (k.jaas ? 'a JAAS file' : `a ${agentTitle(k.agent)} config`));
      throw new LintInputError(`content: this looks like ${names[0]}, not a ${agentTitle(asked)} config.`, names[0]);
    }
    kinds = mine.length > 0 ? mine : [{ agent: asked }];
  }
  if (kinds.length === 0) {
    throw new LintInputError(
      other ? `content: recognised ${other}; the linter reads the Kafka outputs of ${READ_LIST}.` : `content: not a config with a Kafka output of ${READ_LIST}.`,
      other,
    );
  }

  let lastNotThis: NotThisKind | undefined;
  for (const kind of kinds) {
    const reader = readerOf(kind);
    if (!reader) continue;
    let analysis: Analysis;
    try {
      analysis = analyse(reader, content);
    } catch (err) {
      if (err instanceof NotThisKind) {
        lastNotThis = err;
        continue;
      }
      if (err instanceof LintParseError) {
        const finding: LintFinding = { rule: 'parse-error', severity: 'error', line: err.line, message: err.message, fix: 'Fix the syntax at this line; the agent would refuse to start.' };
        if (err.column !== undefined) finding.column = err.column;
        return { agent: kind.agent, language: reader.languageOf?.(content) ?? reader.language, detected, findings: [finding], settings: {}, notes: [] };
      }
      // A parser's own error type we do not map (js-yaml's YAMLException): still a parse error, with its line when it says one.
      if (err instanceof Error && err.name === 'YAMLException') {
        const m = /\((\d+):(\d+)\)/.exec(err.message);
        const finding: LintFinding = { rule: 'parse-error', severity: 'error', line: m ? Number(m[1]) : 1, message: `YAML: ${err.message.split('\n')[0] ?? ''}`, fix: 'Fix the YAML syntax at this line.' };
        if (m) finding.column = Number(m[2]);
        return { agent: kind.agent, language: reader.languageOf?.(content) ?? reader.language, detected, findings: [finding], settings: {}, notes: [] };
      }
      throw err;
    }
    return finish(kind, reader, content, analysis, detected);
  }
  throw new LintInputError(`content: recognised ${lastNotThis?.recognised ?? other ?? 'no agent config'}; nothing to check.`, lastNotThis?.recognised ?? other);
}

function finish(kind: LintKind, reader: LintReader, content: string, analysis: Analysis, detected: boolean): LintResult {
  const { reading, problems } = analysis;
  const secrets = secretsOf(reading);
  const mask = masker(secrets);
  const settings = settingsOf(reading);
  const notes: string[] = [];
  const edits: Edit[] = problems.flatMap((p) => p.edits ?? []);
  let fixed: string | undefined;
  let fixedFrom: LintResult['fixedFrom'];
  if (edits.length > 0) {
    // Edits on one line overlap (a kcat command line, a one-line action): apply, read again, and apply what is left, a few times.
    let edited = applyEdits(content, edits);
    let editedErrors = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let again: Analysis;
      try {
        again = analyse(reader, edited);
      } catch {
        // An edit that breaks the file is never handed back.
        editedErrors = Number.POSITIVE_INFINITY;
        break;
      }
      editedErrors = errorCount(again.problems);
      const more = again.problems.flatMap((p) => p.edits ?? []);
      if (more.length === 0 || pass === MAX_FIX_PASSES - 1) break;
      const next = applyEdits(edited, more);
      if (next === edited) break;
      edited = next;
    }
    fixed = Number.isFinite(editedErrors) ? edited : undefined;
    fixedFrom = fixed !== undefined ? 'edited' : undefined;
    if (editedErrors > 0) {
      const rendered = renderFrom(settings, reading);
      if (rendered !== undefined) {
        let renderedErrors = Number.POSITIVE_INFINITY;
        try {
          renderedErrors = errorCount(analyse(reader, rendered).problems);
        } catch {
          // Our own rendering should always read back; if not, keep the edited file.
        }
        if (renderedErrors < editedErrors) {
          fixed = rendered;
          fixedFrom = 'rendered';
          notes.push('The file needed too many changes: “fixed” is the wizard\'s own file for the settings read from it; copy your inputs and other outputs over.');
        }
      }
    }
  }
  if (fixed !== undefined && secrets.length > 0) {
    fixed = fixed.split(secrets[0]!).join(SECRET_PLACEHOLDER);
    notes.push(
      cannotReadEnv(reading)
        ? `The AccessKey secret is replaced by ${SECRET_PLACEHOLDER} in “fixed”: put it back (this file cannot read an environment variable) and keep the file root-only.`
        : 'The literal AccessKey secret is replaced by a reference to SLS_KAFKA_PASSWORD (the agent\'s keystore or environment) in “fixed”.',
    );
  }
  const result: LintResult = {
    agent: kind.agent,
    language: reading.language,
    detected,
    findings: problems.map((p) => toFinding(p, mask)),
    settings: JSON.parse(mask(JSON.stringify(settings))) as LintSettings,
    notes,
  };
  if (fixed !== undefined && fixed !== content) {
    result.fixed = fixed;
    result.fixedFrom = fixedFrom;
  }
  return result;
}
