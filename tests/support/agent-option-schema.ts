/**
 * Checks a rendered config against an agent's option list from upstream
 * source (tests/fixtures/agents/<id>/schema.json): every key the file sets
 * must be listed, with a value of the listed type (and enum), for the chosen
 * version line. Used where no agent binary can run in tests (Vector, the
 * OpenTelemetry Collector); the agents themselves reject unknown keys.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SchemaKey {
  path: string;
  type: string;
  enum?: unknown[];
  versions?: string;
  knownKeys?: { name: string; type: string; enum?: unknown[] }[];
  forbiddenKeys?: string[];
}

export interface AgentOptionSchema {
  keys: SchemaKey[];
  otherComponents: SchemaKey[];
}

export function loadAgentOptionSchema(agent: string): AgentOptionSchema {
  const file = path.join(__dirname, '..', 'fixtures', 'agents', agent, 'schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as AgentOptionSchema;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf of a parsed config as [dotted path segments, value]; an empty map is a leaf too. */
export function leaves(value: unknown, prefix: string[] = []): [string[], unknown][] {
  if (isTree(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]));
  }
  return [[prefix, value]];
}

/** The problem with a value for a schema type, or undefined. */
export function typeProblem(type: string, value: unknown): string | undefined {
  const ok = (() => {
    switch (type) {
      case 'string':
      case 'duration':
        return typeof value === 'string';
      case 'bool':
        return typeof value === 'boolean';
      case 'int':
        return Number.isSafeInteger(value);
      case 'float':
        return typeof value === 'number';
      case 'int|string':
        return Number.isSafeInteger(value) || typeof value === 'string';
      case 'array<string>':
        return Array.isArray(value) && value.every((v) => typeof v === 'string');
      case 'object':
        return isTree(value);
      case 'map<string,string>':
        return isTree(value) && Object.values(value).every((v) => typeof v === 'string');
      default:
        return false;
    }
  })();
  return ok ? undefined : `expected ${type}, got ${JSON.stringify(value)}`;
}

/**
 * Problems of one config subtree (paths relative to the component) against
 * `keys`: unknown keys, wrong types, enum misses, keys outside the version
 * line. An empty map is accepted when some listed key lies under it.
 */
export function checkAgainstKeys(tree: unknown, keys: readonly SchemaKey[], version: string | undefined, where: string): string[] {
  const problems: string[] = [];
  const byPath = new Map(keys.map((k) => [k.path, k]));
  const walk = (value: unknown, prefix: string[]): void => {
    const dotted = prefix.join('.');
    const key = byPath.get(dotted);
    if (key && (key.type !== 'object' || !isTree(value) || Object.keys(value).length === 0)) {
      const at = `${where}.${dotted}`;
      const typeMsg = typeProblem(key.type, value);
      if (typeMsg) problems.push(`${at}: ${typeMsg}`);
      if (key.enum && !key.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(key.enum)}`);
      if (version && key.versions && key.versions !== 'all' && key.versions !== version) {
        problems.push(`${at}: only for ${key.versions}, not ${version}`);
      }
      if (key.knownKeys && isTree(value)) {
        for (const [name, v] of Object.entries(value)) {
          const known = key.knownKeys.find((k) => k.name === name);
          if (!known) problems.push(`${at}.${name}: not a known key`);
          else if (known.enum && !known.enum.includes(v)) problems.push(`${at}.${name}: ${JSON.stringify(v)} is not one of ${JSON.stringify(known.enum)}`);
          if (key.forbiddenKeys?.includes(name)) problems.push(`${at}.${name}: forbidden`);
        }
      }
      return;
    }
    if (isTree(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, [...prefix, k]);
      return;
    }
    const isPrefix = keys.some((k) => k.path.startsWith(`${dotted}.`));
    if (!(isTree(value) && isPrefix)) problems.push(`${where}.${dotted}: not in the agent's option list`);
  };
  if (isTree(tree)) for (const [k, v] of Object.entries(tree)) walk(v, [k]);
  else problems.push(`${where}: expected a map`);
  return problems;
}
