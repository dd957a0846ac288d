/**
 * Which fields still keep the settings from being valid, for the status line
 * under the form: one entry per field (an agent option, not each of its list
 * entries), in the order the schema reports them.
 */
export function problemPaths(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string[] {
  const paths: string[] = [];
  for (const issue of issues) {
    const keys = issue.path.map(String);
    const depth = keys[0] === 'agents' ? 3 : 1;
    const path = keys.slice(0, depth).join('.') || '(settings)';
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** The form message key of a top-level field's label. */
export const TOP_LEVEL_LABEL_KEYS = {
  region: 'endpoint.region',
  network: 'endpoint.network',
  hostForm: 'endpoint.hostForm',
  project: 'endpoint.project',
  logstore: 'endpoint.logstore',
  accessKeyId: 'cred.id',
  accessKeySecret: 'cred.secret',
  secretMode: 'cred.secretMode',
  target: 'target.legend',
  expandJson: 'logstore.expandJson',
  agents: 'agents.legend',
} as const;

/** The dotted paths of the errors react-hook-form currently shows (agent options to the option, as problemPaths). */
export function errorPaths(errors: unknown): string[] {
  const issues: Array<{ path: string[] }> = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    if (typeof node !== 'object' || node === null || depth > 8) return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === 'string' && record.message) issues.push({ path });
    for (const [key, child] of Object.entries(record)) {
      // `ref` is the DOM element; `types` repeats the messages.
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      walk(child, [...path, key], depth + 1);
    }
  };
  walk(errors, [], 0);
  return problemPaths(issues).sort();
}
