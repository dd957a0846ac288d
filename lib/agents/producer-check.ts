/**
 * Reads back what a rendered file really tells the agent's Kafka producer to
 * do (each agent's `readBack`, which parses the file with the parser of its
 * language in lib/config-languages), and compares it with
 * the settings. /api/validate runs this before the doctor, so a template bug
 * is reported as one instead of as a network problem.
 */
import { agentDefinition } from './index';
import type { RenderContext } from './context';
import type { ProducerSettings, RenderedFile } from './types';

export type { ProducerSettings } from './types';

export interface ProducerCheck {
  settings: ProducerSettings[];
  problems: string[];
}

/** Parse every producer config among the files and compare it with the settings. */
export function checkProducerSettings(ctx: RenderContext, files: readonly RenderedFile[]): ProducerCheck {
  const settings: ProducerSettings[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let s: ProducerSettings;
    const agent = agentDefinition(file.agent);
    try {
      const read = agent.readBack(file, files);
      if (read === undefined) continue;
      s = read;
    } catch (err) {
      problems.push(`${file.agent}/${file.path} does not parse: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    settings.push(s);
    const where = `${file.agent}/${file.path}`;
    const expectEqual = (what: string, got: string | undefined, want: string) => {
      if (got !== want) problems.push(`${where}: ${what} is ${got === undefined ? 'missing' : `“${got}”`}, expected “${want}”`);
    };
    expectEqual('bootstrap server', s.bootstrap, ctx.endpoint.bootstrap);
    expectEqual('topic', s.topic, ctx.topic);
    expectEqual('SASL username', s.username, ctx.username);
    if (s.mechanism !== 'PLAIN') problems.push(`${where}: SASL mechanism is ${s.mechanism ?? 'missing'}, expected PLAIN`);
    if (!s.tls) problems.push(`${where}: TLS is not switched on`);
    if (s.constantKey !== undefined) problems.push(`${where}: a constant message key “${s.constantKey}” pins every record to one shard`);
    const inline = s.password === ctx.password;
    const reference = s.password !== undefined && s.password.includes(ctx.passwordEnvVar);
    if (ctx.secretMode === 'inline' ? !inline : !(reference || (agent.inlineSecretAlways === true && inline))) {
      problems.push(`${where}: the SASL password is ${s.password === undefined ? 'missing' : 'not the AccessKey pair or its reference'}`);
    }
  }
  return { settings, problems };
}
