import { describe, expect, it } from 'vitest';
import { AGENT_IDS } from '@/lib/agents/meta';
import { formMessages } from '@/lib/i18n/messages/form';
import { formAgentMessages } from '@/lib/i18n/messages/form-agents';
import { schemaMessagePatternsZh } from '@/lib/i18n/messages/form-errors';
import { agentOptionFields } from '@/components/form/agent-forms';
import { isFixedChoice } from '@/components/form/option-fields';

const table: Readonly<Record<string, { en: string; zh: string }>> = { ...formMessages, ...formAgentMessages };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Codec names need no words around them.
const SELF_DESCRIBING = new Set(['gzip', 'snappy', 'lz4', 'zstd']);

describe('form messages', () => {
  it('keeps each key in one file only', () => {
    const shared = Object.keys(formMessages).filter((k) => k in formAgentMessages);
    expect(shared).toEqual([]);
    // Option labels come with the schemas (the status line waits for them), so the first-load file has none.
    expect(Object.keys(formMessages).filter((k) => k.startsWith('field.'))).toEqual([]);
  });

  it('has every string in both languages with the same placeholders', () => {
    for (const [key, message] of Object.entries(table)) {
      expect(message.en.trim(), key).not.toBe('');
      expect(message.zh.trim(), key).not.toBe('');
      expect(placeholders(message.zh), key).toEqual(placeholders(message.en));
    }
  });

  it('labels and explains every option of every agent, and every choice it offers', () => {
    for (const agent of AGENT_IDS) {
      for (const field of agentOptionFields(agent)) {
        expect((formAgentMessages as Record<string, unknown>)[`field.${agent}.${field.name}`], `field.${agent}.${field.name}`).toBeDefined();
        expect(table[`help.${agent}.${field.name}`], `help.${agent}.${field.name}`).toBeDefined();
        if ((field.kind === 'choice' || field.kind === 'multi') && !isFixedChoice(field)) {
          for (const value of field.options) {
            const labelled =
              table[`opt.${agent}.${field.name}.${value}`] !== undefined ||
              table[`opt.${field.name}.${value}`] !== undefined ||
              SELF_DESCRIBING.has(String(value));
            expect(labelled, `${agent}.${field.name} = ${value}`).toBe(true);
          }
        }
      }
      expect(table[`agent.${agent}`]).toBeDefined();
      expect(table[`intro.${agent}`]).toBeDefined();
    }
  });

  it('keeps the Chinese error templates’ placeholders to the groups their pattern captures', () => {
    for (const { en, zh } of schemaMessagePatternsZh) {
      const groups = [...en.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]);
      for (const name of placeholders(zh)) {
        // `{a,b}` and `${VARIABLE}` are literal text, not placeholders.
        if (name === 'VARIABLE') continue;
        expect(groups, `${en.source} → {${name}}`).toContain(name);
      }
    }
  });
});
