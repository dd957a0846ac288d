/**
 * Budget: rendering every agent's config stays under 1 ms — each agent on its
 * own (Beats with all six Beats), and all twelve in one call for reference.
 * The project changes on every iteration, as it does while a user types, so
 * no answer is simply remembered from the previous run.
 */
import { bench, describe } from 'vitest';
import { renderSettings } from '@/lib/agents';
import { AGENT_IDS } from '@/lib/agents/meta';
import { settingsSchema, type Settings } from '@/lib/settings/schema';

const AGENT_OPTIONS: Record<string, object> = Object.fromEntries(
  AGENT_IDS.map((id) => [id, id === 'beats' ? { beats: ['filebeat', 'metricbeat', 'packetbeat', 'winlogbeat', 'auditbeat', 'heartbeat'] } : {}]),
);

function settingsFor(agents: Record<string, object>): Settings {
  return settingsSchema.parse({
    project: 'test-project-1',
    logstore: 'test-logstore-1',
    accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
    accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
    agents,
  });
}

let typed = 0;
/** The same settings with a new project name each time (a user typing). */
function retyped(settings: Settings): Settings {
  typed = (typed + 1) % 100_000;
  return { ...settings, project: `test-project-${typed}` };
}

const everyAgent = settingsFor(AGENT_OPTIONS);

describe('render', () => {
  for (const id of AGENT_IDS) {
    const one = settingsFor({ [id]: AGENT_OPTIONS[id] ?? {} });
    bench(`${id} (budget: mean < 1 ms)`, () => {
      renderSettings(retyped(one));
    });
  }
  bench(`all ${AGENT_IDS.length} agents in one call`, () => {
    renderSettings(retyped(everyAgent));
  });
  bench('settings parse + every agent', () => {
    renderSettings(settingsSchema.parse({ ...everyAgent, project: retyped(everyAgent).project }));
  });
});
