/** YAML as the agents that use it read it: YAML 1.1 (Beats' go-ucfg via go-yaml v2), by js-yaml. */
import { load, YAML11_SCHEMA } from 'js-yaml';

export function parseYaml(text: string): unknown {
  return load(text, { schema: YAML11_SCHEMA });
}
