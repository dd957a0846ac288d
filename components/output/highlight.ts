/**
 * Syntax highlighting for the config files, loaded on first use: shiki's core,
 * its JavaScript regex engine (no WebAssembly), a light and a dark theme, and
 * each grammar only when a file in its language is first shown. Nothing here
 * is imported statically by the page, so the highlighter stays out of the
 * first load; until it arrives the plain text is shown.
 *
 * Tokens carry both themes' colours as CSS variables (`--shiki-light`,
 * `--shiki-dark`, and the `-font-style`/`-font-weight` ones); app/output.css
 * picks one by `prefers-color-scheme`, so the code follows the page's scheme
 * without highlighting twice.
 *
 * collectd.conf and Fluentd's config have TextMate grammars of their own
 * (./grammars/*.tmLanguage.json); Logstash and JAAS get two tiny inline ones
 * (the nearest stock grammar, Ruby, would pull in a dozen embedded languages).
 * Other languages map to shiki's bundled grammars where one fits; the rest
 * (e.g. rsyslog's RainerScript, syslog-ng, Fluent Bit's classic format, PEM)
 * stay plain text.
 */
import type { HighlighterCore, LanguageInput, LanguageRegistration, ThemedToken } from 'shiki/core';
import type { ConfigLanguage } from '@/lib/config-languages';

export const THEMES = { light: 'github-light', dark: 'github-dark-default' } as const;

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

type GrammarModule = { default: LanguageInput | LanguageRegistration | LanguageRegistration[] };

/** JSON grammar files import as plain objects; shiki wants them as registrations. */
const asGrammar = (m: { default: unknown }): GrammarModule => ({ default: m.default as LanguageRegistration });

/**
 * Grammar per file language: the shiki language id its tokens are asked for
 * and how to load it. Keyed by string, so languages other parts of the app add
 * to ConfigLanguage are looked up here too; one missing stays plain text.
 */
const GRAMMARS: Record<string, { lang: string; load: () => Promise<GrammarModule> }> = {
  yaml: { lang: 'yaml', load: () => import('shiki/langs/yaml.mjs') },
  toml: { lang: 'toml', load: () => import('shiki/langs/toml.mjs') },
  collectd: { lang: 'collectd', load: () => import('./grammars/collectd.tmLanguage.json').then(asGrammar) },
  fluentd: { lang: 'fluentd', load: () => import('./grammars/fluentd.tmLanguage.json').then(asGrammar) },
  logstash: { lang: 'logstash', load: async () => ({ default: LOGSTASH_GRAMMAR }) },
  jaas: { lang: 'jaas', load: async () => ({ default: JAAS_GRAMMAR }) },
  shell: { lang: 'shellscript', load: () => import('shiki/langs/shellscript.mjs') },
  properties: { lang: 'properties', load: () => import('shiki/langs/properties.mjs') },
  python: { lang: 'python', load: () => import('shiki/langs/python.mjs') },
  go: { lang: 'go', load: () => import('shiki/langs/go.mjs') },
  javascript: { lang: 'javascript', load: () => import('shiki/langs/javascript.mjs') },
  java: { lang: 'java', load: () => import('shiki/langs/java.mjs') },
};

let highlighter: Promise<HighlighterCore> | undefined;
const loadedLangs = new Map<string, Promise<void>>();

function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
  })();
  // A failed load (offline, say) may be retried by the next file shown.
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
}

function loadLanguage(core: HighlighterCore, language: string): Promise<void> {
  const grammar = GRAMMARS[language];
  if (!grammar) return Promise.resolve();
  let loading = loadedLangs.get(language);
  if (!loading) {
    loading = grammar.load().then((m) => core.loadLanguage(m.default as LanguageInput));
    loading.catch(() => loadedLangs.delete(language));
    loadedLangs.set(language, loading);
  }
  return loading;
}

export type HighlightedLines = ThemedToken[][];

/** The shiki language a file language is highlighted as, or undefined for plain text. */
export function grammarFor(language: ConfigLanguage | string): string | undefined {
  return Object.hasOwn(GRAMMARS, language) ? GRAMMARS[language]?.lang : undefined;
}

/** Whether a file of this language gets highlighting at all. */
export function canHighlight(language: ConfigLanguage | string): boolean {
  return grammarFor(language) !== undefined;
}

/**
 * Tokens of `code` for `language` in both themes, or null for languages shown
 * as plain text. Each token's `htmlStyle` holds `--shiki-light`/`--shiki-dark`
 * (colour) and their `-font-style`/`-font-weight` variants.
 */
export async function highlightCode(code: string, language: ConfigLanguage | string): Promise<HighlightedLines | null> {
  const lang = grammarFor(language);
  if (!lang) return null;
  const core = await loadHighlighter();
  await loadLanguage(core, language);
  return core.codeToTokens(code, { lang, themes: THEMES, defaultColor: false }).tokens;
}
