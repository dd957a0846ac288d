/**
 * Facts cited in comments must be in the repo: every `docs/<file>.md#<heading>`
 * a source, test or docs file cites must name an existing file and heading, and
 * nothing may cite the team's out-of-repo reference notes (anchors.md,
 * agents.md, agents-more.md, sls-kafka.md, `/work/shared/reference`) or a bare
 * "Fact N" number without a docs path on the same line.
 *
 * A path counts as ours when it is `docs/` or `docs/agents/` + a lower-case
 * kebab-case name (or README.md) and not part of a longer path; upstream paths
 * keep their own case and folders (influxdata/telegraf `docs/COMMANDS_AND_FLAGS.md`,
 * elastic/beats `docs/reference/filebeat/kafka-output.md`) and are not checked.
 * Heading anchors follow GitHub's rule: lower case, punctuation dropped,
 * spaces to `-`, `-1`, `-2`… for repeats; headings inside code fences do not count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCAN_DIRS = ['app', 'components', 'lib', 'tests', 'scripts', 'bench', 'docs'];
const SCAN_FILES = ['README.md', 'instrumentation.ts', 'next.config.js', 'vitest.config.mts'];
const EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|sh|md)$/;
/** Rendered agent output compared byte for byte; not comments. */
const SKIP_DIRS = new Set(['node_modules', '.next', '.git', 'golden']);

/**
 * Files still being moved to lib/agents/<id>/ by the issue-9 move; the move
 * re-points their citations to docs/agents/<id>.md. Once a listed path no
 * longer exists (or no longer cites a reference note) the entry is inert;
 * delete the list when the move has landed.
 */
const PENDING_MOVE = new Set([
  'lib/render/collectd/index.ts',
  'lib/render/logstash/index.ts',
  'lib/render/logstash/versions.ts',
  'lib/render/beats/steps.ts',
  'lib/render/beats/output.ts',
  'lib/settings/names.ts',
  'lib/settings/agents/beats.ts',
]);

const DOCS_CITATION = /(?<![\w./-])docs\/((?:agents\/)?(?:[a-z0-9][a-z0-9.-]*|README))\.md(?:#([a-z0-9][a-z0-9_-]*))?/g;
const REFERENCE_NOTE = /(?<![\w/-])(?:anchors|agents|agents-more|sls-kafka)\.md\b|shared\/reference\b|\banchors (?:fact|table)s? \d/i;
const BARE_FACT = /\bfacts? \d+/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (EXTENSIONS.test(name)) out.push(full);
  }
}

function scannedFiles(): string[] {
  const files: string[] = [];
  for (const d of SCAN_DIRS) if (existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d), files);
  for (const f of SCAN_FILES) if (existsSync(path.join(ROOT, f))) files.push(path.join(ROOT, f));
  return files.map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort();
}

/** GitHub's heading slug (github-slugger): lower case, keep letters, digits, `_`, `-` and spaces; spaces become `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]?.charAt(0);
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Problem {
  where: string;
  problem: string;
}

function citationProblems(files: ReadonlyArray<{ path: string; text: string }>, docExists: (p: string) => string | undefined): Problem[] {
  const problems: Problem[] = [];
  const anchorCache = new Map<string, Set<string>>();
  for (const file of files) {
    const lines = file.text.split('\n');
    lines.forEach((line, i) => {
      const where = `${file.path}:${i + 1}`;
      let cites = false;
      for (const m of line.matchAll(DOCS_CITATION)) {
        cites = true;
        const docPath = `docs/${m[1]}.md`;
        const text = docExists(docPath);
        if (text === undefined) {
          problems.push({ where, problem: `cites ${docPath}, which does not exist` });
          continue;
        }
        if (m[2] === undefined) continue;
        let anchors = anchorCache.get(docPath);
        if (!anchors) anchorCache.set(docPath, (anchors = anchorsOf(text)));
        if (!anchors.has(m[2])) problems.push({ where, problem: `cites ${docPath}#${m[2]}, which is not a heading there` });
      }
      if (PENDING_MOVE.has(file.path)) return;
      const note = REFERENCE_NOTE.exec(line);
      if (note) problems.push({ where, problem: `cites “${note[0]}”, a note outside the repo: cite docs/<file>.md#<heading> instead` });
      else if (!cites && BARE_FACT.test(line)) problems.push({ where, problem: `cites “${BARE_FACT.exec(line)?.[0]}” without a docs path: cite docs/<file>.md#<heading> instead` });
    });
  }
  return problems;
}

function readDoc(p: string): string | undefined {
  const full = path.join(ROOT, p);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

describe('docs citations', () => {
  it('every docs path and heading a source, test or doc cites exists, and no comment cites the out-of-repo notes', () => {
    const files = scannedFiles()
      .filter((p) => p !== 'tests/unit/docs-citations.test.ts')
      .map((p) => ({ path: p, text: readFileSync(path.join(ROOT, p), 'utf8') }));
    expect(files.length).toBeGreaterThan(50);
    // The scan reaches the files that cite docs today.
    expect(files.some((f) => f.path === 'lib/kafka/protocol/apis/produce.ts')).toBe(true);
    expect(citationProblems(files, readDoc).map((p) => `${p.where}: ${p.problem}`)).toEqual([]);
  });

  it('the fact files exist and carry the headings code cites by convention', () => {
    for (const [doc, headings] of [
      ['docs/kafka-2.1.1.md', ['sources', 'api-versions', 'sasl-ordering-and-framing', 'record-batch-v2', 'message-sets']],
      ['docs/sls.md', ['sources', 'endpoint', 'sasl', 'topic', 'json-parsing', 'limits', 'errors', 'regions', 'naming']],
      ...['beats', 'collectd', 'telegraf', 'fluentd', 'logstash'].map((a) => [`docs/agents/${a}.md`, ['options', 'tls', 'partitioning', 'versions', 'pitfalls', 'sources']] as const),
    ] as const) {
      const text = readDoc(doc);
      expect(text, doc).toBeDefined();
      const anchors = anchorsOf(text ?? '');
      for (const h of headings) expect(anchors.has(h), `${doc}#${h}`).toBe(true);
    }
  });

  it('reports a missing file, a missing heading, a reference note and a bare fact number', () => {
    const docs: Record<string, string> = { 'docs/sls.md': '# SLS\n\n## JSON parsing\n\n```\n## Not a heading\n```\n## Limits\n## Limits\n' };
    const files = [
      { path: 'lib/a.ts', text: '// fine (docs/sls.md#json-parsing, docs/sls.md#limits-1), upstream docs/COMMANDS_AND_FLAGS.md, elastic/beats docs/reference/x.md' },
      { path: 'lib/b.ts', text: '// see docs/nope.md\n// see docs/sls.md#not-a-heading\n// anchors.md fact 7\n/* (Fact 12) */\n// sls-kafka.md §1.4' },
      { path: 'lib/c.ts', text: '// ../shared/reference/agents.md §1\n// anchors Table 3' },
    ];
    expect(citationProblems(files, (p) => docs[p]).map((p) => p.where)).toEqual([
      'lib/b.ts:1',
      'lib/b.ts:2',
      'lib/b.ts:3',
      'lib/b.ts:4',
      'lib/b.ts:5',
      'lib/c.ts:1',
      'lib/c.ts:2',
    ]);
  });

  it('slugs headings the way GitHub does', () => {
    expect(slug('Produce v3 and Metadata rules')).toBe('produce-v3-and-metadata-rules');
    expect(slug('Produce with acks 0')).toBe('produce-with-acks-0');
    expect(slug('ApiVersions response header')).toBe('apiversions-response-header');
    expect(slug('`output.kafka` TLS (7.17)')).toBe('outputkafka-tls-717');
  });
});
