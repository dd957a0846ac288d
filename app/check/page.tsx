/**
 * /check: "Check my config" (issue 14). A route of its own, so the checker's
 * code never loads with the wizard; its "Open in the wizard" link carries the
 * settings read in the wizard's share hash.
 */
import type { Metadata } from 'next';
import { CheckPage } from '@/components/lint/CheckPage';

// Rendered per request: the CSP nonce (scripts/server.mjs) reaches only dynamically rendered pages.
export const dynamic = 'force-dynamic';

// The title is rendered by CheckPage, in the chosen language.
export const metadata: Metadata = {
  description: 'Paste an agent config: every problem SLS’s Kafka endpoint would have with it, at its line, with the fixed file.',
};

export default function CheckRoute() {
  return (
    <main className="page">
      <CheckPage />
    </main>
  );
}
