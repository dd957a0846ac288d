import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/render/route';
import { renderSettings } from '@/lib/agents';
import { parseRuntimeConfig, setRuntimeConfig } from '@/lib/sandbox/config';
import { AGENT_IDS } from '@/lib/settings/agents';
import { EXAMPLE_INPUT, exampleSettings } from '../support/settings';
import { poster } from '../support/route';

const post = poster(POST, 'http://wizard.test/api/render');

describe('POST /api/render', () => {
  it('returns the files and steps the shared renderers produce', async () => {
    const agents = Object.fromEntries(AGENT_IDS.map((id) => [id, {}]));
    const res = await post({ ...EXAMPLE_INPUT, agents });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { files: unknown[]; steps: unknown[] };
    const expected = renderSettings(exampleSettings({ agents }), {
      sandbox: { host: 'localhost', port: 10012, caUrl: 'http://wizard.test/api/sandbox/ca' },
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('points sandbox configs at SANDBOX_PUBLIC_HOST:SANDBOX_PUBLIC_PORT and the CA on this server', async () => {
    setRuntimeConfig(parseRuntimeConfig({ SANDBOX_PUBLIC_HOST: 'sandbox.internal', SANDBOX_PORT: '19092', SANDBOX_PUBLIC_PORT: '29092' }));
    try {
      const res = await post({ ...EXAMPLE_INPUT, target: 'sandbox', agents: { collectd: {} } });
      const body = (await res.json()) as { files: Array<{ content: string }>; steps: Array<{ commands?: string[] }> };
      expect(res.status).toBe(200);
      const all = JSON.stringify(body);
      expect(all).toContain('sandbox.internal:29092');
      expect(all).not.toContain('19092');
      expect(all).toContain('http://wizard.test/api/sandbox/ca');
      expect(all).not.toContain('log.aliyuncs.com:10012');
    } finally {
      setRuntimeConfig(undefined);
    }
  });

  it('answers 400 with one entry per bad field, naming each', async () => {
    const res = await post({ ...EXAMPLE_INPUT, project: 'Bad_Project', logstore: 'x', colour: 'red' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string }; fields: Array<{ field: string; message: string }> };
    expect(body.error.code).toBe('invalid_settings');
    expect(body.fields.map((f) => f.field).sort()).toEqual(['colour', 'logstore', 'project']);
    expect(body.fields.find((f) => f.field === 'project')?.message).toMatch(/^Project: /);
  });

  it('never echoes the secret in an error', async () => {
    const res = await post({ ...EXAMPLE_INPUT, accessKeySecret: `${EXAMPLE_INPUT.accessKeySecret}"` });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('accessKeySecret');
    expect(text).not.toContain(EXAMPLE_INPUT.accessKeySecret);
  });

  it('rejects bodies that are not JSON settings objects with a clear message', async () => {
    const notJson = await post(null, { raw: '{"project": ' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/^Body: not valid JSON \(line 1, column 13 \(position 12\)\)/);

    // V8's own message would quote the text: the answer names the place only.
    const quoted = await post(null, { raw: 'hunter2-not-json' });
    const text = await quoted.text();
    expect(text).toContain('line 1, column 1 (position 0)');
    expect(text).not.toContain('hunter2');

    const wrongType = await post(null, { raw: 'project=x', type: 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);

    const array = await post([1, 2]);
    expect(array.status).toBe(400);
    expect(((await array.json()) as { fields: Array<{ message: string }> }).fields[0]?.message).toBe('Settings: expected a JSON object.');
  });

  it('refuses oversized bodies without reading them whole', async () => {
    const res = await post(null, { raw: JSON.stringify({ ...EXAMPLE_INPUT, pad: 'x'.repeat(100_000) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  });
});
