/**
 * Form fields described FROM an agent's options schema (lib/agents/<id>/schema.ts):
 * enum or literal choices → a choice, array of enum → several checkboxes,
 * boolean → a checkbox, number → a number input, array of strings → a textarea
 * with one entry per line, string → a text input. The form renders these, so
 * a new option in a schema shows up in the form with its default. Also the
 * small pure helpers the option sections need (lines, error lookup).
 */
import { z } from 'zod';
import type { AgentForm, ChoiceValue } from '@/lib/agents/types';

export type { ChoiceValue } from '@/lib/agents/types';

export type OptionFieldKind =
  | { kind: 'choice'; options: readonly ChoiceValue[] }
  | { kind: 'multi'; options: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; min: number | undefined; max: number | undefined; integer: boolean }
  | { kind: 'lines' }
  | { kind: 'text' };

export type OptionField = OptionFieldKind & {
  /** The option's key in the agent's options object. */
  name: string;
  /** The schema's default (what `{}` means for this option). */
  defaultValue: unknown;
};

/** Display order for choices whose schema loses it (an agent's `form.order`). */
export type ChoiceOrder = AgentForm['order'];

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

function choiceValues(schema: z.ZodType): ChoiceValue[] | undefined {
  if (schema instanceof z.ZodEnum) return schema.options.map((o) => o as ChoiceValue);
  if (schema instanceof z.ZodLiteral) {
    const values = [...schema.values];
    return values.every((v) => typeof v === 'string' || typeof v === 'number') ? (values as ChoiceValue[]) : undefined;
  }
  if (schema instanceof z.ZodUnion) {
    const parts = schema.options.map((o) => choiceValues(o as z.ZodType));
    return parts.every((p): p is ChoiceValue[] => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

function ordered(name: string, values: ChoiceValue[], order: ChoiceOrder): ChoiceValue[] {
  const wanted = order[name];
  if (!wanted) return values;
  const same = wanted.length === values.length && wanted.every((v) => values.includes(v));
  if (!same) {
    throw new Error(`Option “${name}”: the display order ${JSON.stringify(wanted)} does not list the schema's values ${JSON.stringify(values)}.`);
  }
  return [...wanted];
}

function describeKind(name: string, schema: z.ZodType, order: ChoiceOrder): OptionFieldKind {
  const choices = choiceValues(schema);
  if (choices) return { kind: 'choice', options: ordered(name, choices, order) };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodNumber) {
    return {
      kind: 'number',
      min: Number.isFinite(schema.minValue) ? (schema.minValue ?? undefined) : undefined,
      max: Number.isFinite(schema.maxValue) ? (schema.maxValue ?? undefined) : undefined,
      integer: schema.isInt,
    };
  }
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as z.ZodType);
    const elementChoices = choiceValues(element);
    if (elementChoices && elementChoices.every((v): v is string => typeof v === 'string')) {
      return { kind: 'multi', options: ordered(name, elementChoices, order) as string[] };
    }
    if (element instanceof z.ZodString) return { kind: 'lines' };
  }
  if (schema instanceof z.ZodString) return { kind: 'text' };
  throw new Error(`Option “${name}”: no form control for schema type “${schema._zod.def.type}”.`);
}

/** The fields of an agent's options object schema, in the schema's order. */
export function describeOptionsSchema(schema: z.ZodObject, order: ChoiceOrder = {}): OptionField[] {
  return Object.entries(schema.shape).map(([name, fieldSchema]) => {
    const field = fieldSchema as z.ZodType;
    const parsedDefault = field.safeParse(undefined);
    return {
      name,
      defaultValue: parsedDefault.success ? parsedDefault.data : undefined,
      ...describeKind(name, unwrap(field), order),
    };
  });
}

/** Radios for a few short choices, a select for longer lists. */
export function choiceControl(field: Extract<OptionField, { kind: 'choice' }>): 'radio' | 'select' {
  return field.options.length <= 4 ? 'radio' : 'select';
}

/** A choice with one value has nothing to choose: it is shown as text. */
export function isFixedChoice(field: OptionField): boolean {
  return field.kind === 'choice' && field.options.length === 1;
}

/** Textarea text → list: one entry per line, blank lines dropped (spaces are kept for the schema to flag). */
export function linesToList(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line !== '');
}

export function listToLines(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n');
}

export function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** A DOM id for a settings path: `agents.beats.compression` → `agents-beats-compression`. */
export function fieldDomId(path: string): string {
  return path.replace(/[^A-Za-z0-9_-]+/g, '-');
}

export interface ErrorEntry {
  /** Path below the field: `[]` for the field itself, `['1']` for its second entry. */
  path: string[];
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The node of a react-hook-form errors tree at a dotted path. */
export function errorNodeAt(errors: unknown, path: string): unknown {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

// `ref` holds a DOM element; `types` repeats `message` in criteriaMode "all".
const NOT_CHILDREN = new Set(['ref', 'type', 'message', 'types', 'root']);

/** Every message in an errors subtree, with its path below the node, skipping `skip` children of the node itself. */
export function errorEntries(node: unknown, skip: ReadonlySet<string> = new Set()): ErrorEntry[] {
  const out: ErrorEntry[] = [];
  const walk = (current: unknown, path: string[], depth: number): void => {
    if (!isRecord(current) || depth > 8) return;
    if (typeof current.message === 'string' && current.message !== '') out.push({ path, message: current.message });
    if (isRecord(current.root) && typeof current.root.message === 'string') out.push({ path, message: current.root.message });
    for (const [key, child] of Object.entries(current)) {
      if (NOT_CHILDREN.has(key)) continue;
      if (depth === 0 && skip.has(key)) continue;
      walk(child, [...path, key], depth + 1);
    }
  };
  walk(node, [], 0);
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.path.join('.')}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
