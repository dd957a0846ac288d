/**
 * /sandbox: the sandbox inbox. A route of its own, so its code never loads on
 * the wizard page. Reads where agents reach the sandbox (SANDBOX_PUBLIC_HOST,
 * SANDBOX_PORT) and the account mode on the server, at request time.
 */
import type { Metadata } from 'next';
import { InboxPage, type InboxSandboxInfo } from '@/components/inbox/InboxPage';
import { shardsFromEnv } from '@/lib/sandbox/accounts';
import { getSandbox } from '@/lib/sandbox/runtime';
import { sandboxTargetFromEnv } from '@/lib/sandbox/target';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Sandbox inbox · SLS Kafka wizard',
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
    let shardsPerLogstore: number | null = null;
    if (sandbox.accounts.mode === 'open') {
      try {
        shardsPerLogstore = shardsFromEnv(process.env.SANDBOX_SHARDS);
      } catch {
        shardsPerLogstore = null;
      }
    }
    return { running: true, mode: sandbox.accounts.mode, shardsPerLogstore };
  } catch {
    return { running: false, mode: null, shardsPerLogstore: null };
  }
}

export default async function SandboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const target = sandboxTargetFromEnv('');
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
