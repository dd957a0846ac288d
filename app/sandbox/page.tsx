/**
 * /sandbox: the sandbox inbox. A route of its own, so its code never loads on
 * the wizard page. Reads where agents reach the sandbox (the advertised host
 * and port of the runtime config) and the account mode, at request time.
 */
import type { Metadata } from 'next';
import { InboxPage, type InboxSandboxInfo } from '@/components/inbox/InboxPage';
import { getRuntimeConfig } from '@/lib/sandbox/config';
import { getSandbox } from '@/lib/sandbox/runtime';
import { sandboxTarget } from '@/lib/sandbox/target';

export const dynamic = 'force-dynamic';

// The title is rendered by InboxPage, in the chosen language.
export const metadata: Metadata = {
  description: 'Records the bundled sandbox endpoint received, as SLS would store them.',
};

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

async function sandboxInfo(): Promise<InboxSandboxInfo> {
  const running = getSandbox();
  if (!running) return { running: false, mode: null, shardsPerLogstore: null };
  try {
    const sandbox = await running;
    const shardsPerLogstore = sandbox.accounts.mode === 'open' ? getRuntimeConfig().sandbox.shards : null;
    return { running: true, mode: sandbox.accounts.mode, shardsPerLogstore };
  } catch {
    return { running: false, mode: null, shardsPerLogstore: null };
  }
}

export default async function SandboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const target = sandboxTarget('');
  return (
    <main className="page inbox-page">
      <InboxPage
        initialProject={first(params.project)}
        initialLogstore={first(params.logstore)}
        bootstrap={`${target.host}:${target.port}`}
        sandbox={await sandboxInfo()}
      />
    </main>
  );
}
