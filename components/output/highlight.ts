/**
 * Syntax highlighting for the config files, loaded on first use: shiki's core,
 * its JavaScript regex engine (no WebAssembly), one light theme and only the
 * grammars the files need. Nothing here is imported statically by the page, so
 * the highlighter stays out of the first load; until it arrives the plain text
 * is shown.
 *
 * collectd.conf and Fluentd's config are `<Section>` blocks of `key value`
 * lines, the same shape as Apache's config, so they use its grammar. Logstash
 * and JAAS files get two tiny grammars written here: the nearest stock grammar
 * (Ruby) would pull in a dozen embedded languages for little gain.
 */
import type { HighlighterCore, LanguageRegistration, ThemedToken } from 'shiki/core';
import type { ConfigLanguage } from '@/lib/agents/types';

const THEME = 'github-light';

/** Grammar names per file language; languages without one stay plain text. */
const GRAMMAR: Partial<Record<ConfigLanguage, string>> = {
  yaml: 'yaml',
  toml: 'toml',
  collectd: 'apache',
  fluentd: 'apache',
  logstash: 'logstash',
  jaas: 'jaas',
};

const STRING_PATTERNS = [
  {
    name: 'string.quoted.double',
    begin: '"',
    end: '"',
    patterns: [{ name: 'constant.character.escape', match: '\\\\.' }],
  },
  {
    name: 'string.quoted.single',
    begin: "'",
    end: "'",
    patterns: [{ name: 'constant.character.escape', match: '\\\\.' }],
  },
];

const LOGSTASH_GRAMMAR: LanguageRegistration = {
  name: 'logstash',
  scopeName: 'source.logstash',
  repository: {},
  patterns: [
    { name: 'comment.line.number-sign', match: '#.*$' },
    ...STRING_PATTERNS,
    { name: 'keyword.operator', match: '=>' },
    { name: 'keyword.control', match: '\\b(?:if|else|and|or|not|in)\\b' },
    { name: 'constant.language', match: '\\b(?:true|false)\\b' },
    { name: 'constant.numeric', match: '\\b\\d+(?:\\.\\d+)?\\b' },
    { name: 'entity.name.section', match: '\\b[A-Za-z_][\\w-]*(?=\\s*\\{)' },
    { name: 'variable.other.property', match: '\\b[A-Za-z_][\\w.]*(?=\\s*=>)' },
  ],
};

const JAAS_GRAMMAR: LanguageRegistration = {
  name: 'jaas',
  scopeName: 'source.jaas',
  repository: {},
  patterns: [
    { name: 'comment.line.double-slash', match: '//.*$' },
    { name: 'comment.block', begin: '/\\*', end: '\\*/' },
    ...STRING_PATTERNS,
    { name: 'keyword.control', match: '\\b(?:required|requisite|sufficient|optional)\\b' },
    { name: 'entity.name.section', match: '\\b[A-Za-z_]\\w*(?=\\s*\\{)' },
    { name: 'entity.name.type', match: '\\b(?:[a-z_]\\w*\\.)+[A-Z]\\w*\\b' },
    { name: 'variable.other.property', match: '\\b[A-Za-z_]\\w*(?=\\s*=)' },
  ],
};

let highlighter: Promise<HighlighterCore> | undefined;

function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs')],
      langs: [
        import('shiki/langs/yaml.mjs'),
        import('shiki/langs/toml.mjs'),
        import('shiki/langs/apache.mjs'),
        LOGSTASH_GRAMMAR,
        JAAS_GRAMMAR,
      ],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
  })();
  // A failed load (offline, say) may be retried by the next file shown.
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
}

export type HighlightedLines = ThemedToken[][];

/** Whether a file of this language gets highlighting at all. */
export function canHighlight(language: ConfigLanguage): boolean {
  return GRAMMAR[language] !== undefined;
}

/** Tokens of `code` for `language`, or null for languages shown as plain text. */
export async function highlightCode(code: string, language: ConfigLanguage): Promise<HighlightedLines | null> {
  const grammar = GRAMMAR[language];
  if (!grammar) return null;
  const core = await loadHighlighter();
  return core.codeToTokens(code, { lang: grammar, theme: THEME }).tokens;
}
