/**
 * Strict mode's read check for GET /api/sandbox/records: the reader proves
 * what an agent proves to write, the project's Kafka password
 * (`AccessKeyId#AccessKeySecret`), and may read the Logstores that key may
 * write. The same account model as the broker (lib/sandbox/accounts), so a
 * key's reach is configured once.
 */
import type { SandboxAccounts } from '../sandbox/accounts';

export type RecordsAccess = { ok: true; logstores: Set<string> } | { ok: false; reason: string };

export function readableLogstores(accounts: SandboxAccounts, project: string, logstore: string | undefined, password: string): RecordsAccess {
  const login = accounts.checkLogin(project, password);
  if (!login.ok) return { ok: false, reason: login.message };
  const candidates = logstore !== undefined ? [logstore] : accounts.knownLogstores(project).map((l) => l.name);
  const readable = new Set<string>();
  let refusal = `no Logstore of project “${project}” is configured`;
  for (const name of candidates) {
    const r = accounts.resolveTopic(login.principal, name, undefined);
    // 3 (no such project/Logstore) comes after the key passed authorization: nothing to show, but allowed.
    if (r.ok || r.errorCode === 3) readable.add(name);
    else refusal = r.reason;
  }
  return readable.size > 0 ? { ok: true, logstores: readable } : { ok: false, reason: refusal };
}
