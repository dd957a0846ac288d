/**
 * Strings of the agent option sections (loaded with them, lazily): help text
 * per option (`help.<agent>.<option>`), choice labels (`opt.<agent>.<option>.<value>`,
 * falling back to `opt.<option>.<value>`, then the raw value), and each
 * agent's one-line introduction and option labels. The per-agent ones come from each agent's
 * lib/agents/<id>/texts.json; the shared ones are below. Option labels
 * (`field.<agent>.<option>`) are here too: the status line names options,
 * but it says nothing until the schemas have loaded, so they need not be in
 * the first load either (the settings runtime brings this file).
 */
import { AGENT_SCHEMA_ENTRIES } from '../../agents/schemas';
import type { Message } from '../core';

/** `intro.<id>`, `field.<id>.<option>`, `help.<id>.<option>` and `opt.<id>.<option>.<value>` of every agent. */
const agentTexts: Readonly<Record<string, Message>> = Object.fromEntries(
  AGENT_SCHEMA_ENTRIES.flatMap(({ id, texts }) => [
    [`intro.${id}`, texts.intro],
    ...Object.entries(texts.labels).map(([option, label]) => [`field.${id}.${option}`, label]),
    ...Object.entries(texts.help).map(([option, help]) => [`help.${id}.${option}`, help]),
    ...Object.entries(texts.choices ?? {}).flatMap(([option, values]) =>
      Object.entries(values).map(([value, label]) => [`opt.${id}.${option}.${value}`, label]),
    ),
  ]),
);

export const formAgentMessages = {
  ...agentTexts,
  'error.line': { en: 'Line {n}: {message}', zh: '第 {n} 行：{message}' },
  'error.other': { en: 'Also fix in this section:', zh: '本节还需修正：' },
  'fixed.value': { en: 'Always {value}.', zh: '固定为 {value}。' },
  'opt.compression.none': { en: 'none (no compression)', zh: 'none（不压缩）' },
  'opt.acks.1': { en: '1: the shard leader confirms (recommended)', zh: '1：分片主副本确认（推荐）' },
  'opt.acks.-1': { en: '-1: all replicas confirm', zh: '-1：所有副本确认' },
  'opt.acks.0': { en: '0: no confirmation (data can be lost)', zh: '0：不确认（可能丢数据）' },
} as const satisfies Record<string, Message>;
