/**
 * Debian's kcat (1.7.1, librdkafka 2.0.2) runs OUR rendered kcat-send.sh
 * with OUR kcat.conf against the real app's sandbox, as the steps tell a
 * user to: the sandbox CA downloaded next to the files, the command run with
 * bash from that folder (env mode: SLS_KAFKA_PASSWORD in the environment,
 * handed to kcat through `-F <(printf …)`). 200 JSON lines go to the `.json`
 * topic; the records API must show each exactly once, keyless, expanded into
 * fields and spread over both shards (sticky partitioning is off by default).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTEROP_PASSWORD, describeRun, logstoreFor, newRunId, runProcess, sandboxProblems, useSandboxApp } from '../../support/kafka-clients';
import { expectDelivered, jsonLines, renderInto } from '../../support/rendered-run';
import { findTool } from '../../support/tools';

const kcat = findTool('kcat', 'kcat');
const bash = findTool('bash', 'bash');

describe.skipIf(!kcat.path || !bash.path)('kcat with the rendered kcat.conf and kcat-send.sh → sandbox', () => {
  const sandbox = useSandboxApp();

  it.each(['inline', 'env'] as const)('%s secret mode: every line once, JSON fields, both shards', async (secretMode) => {
    const dir = sandbox.tempDir('kcat-agent-');
    const runId = newRunId(`kcat-${secretMode}`);
    const logstore = logstoreFor('kcat', runId);
    const { files, steps } = await renderInto(sandbox.app, dir, { logstore, secretMode, agents: { kcat: {} } });
    expect(files.map((f) => f.path)).toEqual(['kcat.conf', 'kcat-send.sh']);
    const conf = files[0]!.content;
    expect(conf.includes(INTEROP_PASSWORD)).toBe(secretMode === 'inline');
    const sendStep = steps.find((s) => s.title === 'Send the file');
    expect(sendStep?.commands).toEqual(['bash kcat-send.sh']);
    writeFileSync(path.join(dir, 'lines.jsonl'), jsonLines(runId));

    const env = secretMode === 'env' ? { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD } : { SLS_KAFKA_PASSWORD: '' };
    const r = await runProcess(bash.path!, ['kcat-send.sh'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(r.code, describeRun(r)).toBe(0);
    const records = await expectDelivered(sandbox.app, logstore, runId);
    expect(new Set(records.map((rec) => rec.clientId))).toEqual(new Set(['kcat']));
  });

  it('the connection check step lists the topic (kcat -L)', async () => {
    const dir = sandbox.tempDir('kcat-agent-');
    const logstore = logstoreFor('kcat', newRunId('list'));
    const { steps } = await renderInto(sandbox.app, dir, { logstore, secretMode: 'env', agents: { kcat: {} } });
    const list = steps.find((s) => s.title === 'Check the connection')?.commands?.[0];
    expect(list).toMatch(/^kcat -L /);
    const r = await runProcess(bash.path!, ['-c', list!], { cwd: dir, env: { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD }, timeoutMs: 30_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/topic "[^"]+\.json" with 2 partitions/);
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });
});
