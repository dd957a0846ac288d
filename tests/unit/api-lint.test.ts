/**
 * POST /api/lint, called as a handler: a config in, findings out; the secret
 * masked; random bytes, huge bodies and files of other kinds get a clean 4xx,
 * never a 500.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/lint/route';
import { lintResponseSchema, apiErrorBodySchema } from '@/lib/http/contract';
import { poster } from '../support/route';

const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';

const post = poster(POST, 'http://wizard.test/api/lint');

describe('POST /api/lint', () => {
  it('lints a pasted config and masks its secret everywhere', async () => {
    const content = readFileSync(join(__dirname, '../fixtures/lint/seed-telegraf.conf'), 'utf8');
    const res = await post({ content, filename: 'telegraf.conf' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const body = lintResponseSchema.parse(JSON.parse(text));
    expect(body).toMatchObject({ agent: 'telegraf', language: 'toml', detected: true });
    expect(body.findings.map((f) => f.rule)).toContain('tls-off');
    expect(body.fixed).toContain('enable_tls = true');
  });

  it.each([
    ['a Fluent Bit file without a kafka output', '[OUTPUT]\n    Name stdout\n    Match *\n', ['Fluent Bit config without a kafka output']],
    // Client snippets are application code: compared with the wizard's snippet instead.
    ['a client snippet', 'from confluent_kafka import Producer\nproducer = Producer({"bootstrap.servers": "x:10012"})\n', ['Python code using confluent-kafka', 'Client libraries']],
  ])('answers 422 naming what %s was recognised as', async (_what, content, says) => {
    const res = await post({ content });
    expect(res.status).toBe(422);
    const body = apiErrorBodySchema.parse(await res.json());
    expect(body.error.code).toBe('unrecognised_config');
    for (const text of says) expect(body.error.message).toContain(text);
  });

  it('answers 422 when the agent asked for is not what the file is', async () => {
    const content = readFileSync(join(__dirname, '../fixtures/lint/seed-fluentd.conf'), 'utf8');
    const res = await post({ content, agent: 'beats' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Fluentd/);
  });

  it('answers 400 for a bad request and 413 for a huge one, 415 for another media type', async () => {
    expect((await post({ content: 'x', agent: 'nope' })).status).toBe(400);
    expect((await post({ content: 42 })).status).toBe(400);
    expect((await post({ content: 'a', extra: 1 })).status).toBe(400);
    expect((await post({ content: 'a'.repeat(70 * 1024) })).status).toBe(413);
    expect((await post(null, { type: 'text/plain', raw: 'output.kafka:' })).status).toBe(415);
  });

  it('never answers 500 to random bytes or random text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((raw) => ({ raw: new Uint8Array(raw) })),
          fc.string({ maxLength: 2000 }).map((content) => ({ json: { content } })),
          fc.constantFrom('output.kafka:\n  hosts: [', '[[outputs.kafka]]\n brokers = [', '<Plugin write_kafka>\n', '<match **>\n @type kafka2\n', 'output { kafka { topic_id => ').map((content) => ({ json: { content } })),
        ),
        async (input) => {
          const res = 'raw' in input ? await post(null, { raw: input.raw }) : await post(input.json);
          expect(res.status).not.toBe(500);
          expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
