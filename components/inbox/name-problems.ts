/**
 * Project and Logstore name checks for the inbox picker, in the user's language.
 * The rules live in lib/settings/names.ts (one copy); this module only says the
 * problem names.ts found in Chinese, by the shape of its English message.
 */
import type { Lang } from '@/lib/i18n/core';
import { format, pick } from '@/lib/i18n/core';
import { inboxMessages } from '@/lib/i18n/messages/inbox';
import { LOGSTORE_RULE, PROJECT_RULE, nameProblem, type NameRule } from '@/lib/settings/names';

export type NameKind = 'project' | 'logstore';

const RULES: Record<NameKind, NameRule> = { project: PROJECT_RULE, logstore: LOGSTORE_RULE };

/** The first problem with `value` as a project or Logstore name, in `lang`, or undefined. */
export function localizedNameProblem(kind: NameKind, value: string, lang: Lang): string | undefined {
  const rule = RULES[kind];
  const problem = nameProblem(value, rule);
  if (problem === undefined || lang === 'en') return problem;
  return chineseNameProblem(kind, problem, rule);
}

function chineseNameProblem(kind: NameKind, problem: string, rule: NameRule): string {
  const m = (key: keyof typeof inboxMessages, values: Record<string, string | number> = {}) =>
    format(pick(inboxMessages[key], 'zh-CN'), { label: pick(inboxMessages[kind], 'zh-CN'), ...values });
  const ruleText = pick(inboxMessages[kind === 'project' ? 'name.rule.project' : 'name.rule.logstore'], 'zh-CN');
  const body = problem.slice(rule.label.length + 2);
  let match: RegExpMatchArray | null;
  if (body.startsWith('enter a name')) return `${m('name.enter')}${ruleText}`;
  if (body.startsWith('remove the whitespace')) return m('name.whitespace');
  if ((match = /^use lowercase letters only; try “(.+)”\.$/.exec(body))) return m('name.lowercaseTry', { suggestion: match[1] ?? '' });
  if (body.startsWith('use lowercase letters only')) return m('name.lowercase');
  if ((match = /^(.+) is not allowed;/.exec(body))) {
    const char = (match[1] ?? '').replace('a space or other whitespace', '空白字符');
    return `${m('name.badChar', { char })}${ruleText}`;
  }
  if ((match = /^“(.*)” has (\d+) characters;/.exec(body))) return m('name.tooShort', { value: match[1] ?? '', count: match[2] ?? '' });
  if ((match = /^this name has (\d+) characters;/.exec(body))) return m('name.tooLong', { count: match[1] ?? '' });
  if (body.startsWith('start and end')) return m('name.edges', { example: rule.example });
  // A message shape this module does not know yet: the rule in Chinese, then the English detail.
  return `${pick(inboxMessages[kind], 'zh-CN')}：${ruleText}（${body}）`;
}
