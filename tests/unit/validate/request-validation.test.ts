import { describe, expect, it } from 'vitest';
import { requestValidation, retryAfterSeconds } from '@/components/validate/request-validation';
import { settingsSchema } from '@/lib/settings/schema';

const settings = settingsSchema.parse({
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbcdefghij0123456789'.slice(0, 24),
  accessKeySecret: 'Secret0123456789abcdefghijklmn',
});

function reply(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const signal = () => new AbortController().signal;

describe('requestValidation', () => {
  it('posts the settings with the chosen check target in the body only', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined;
    const fetchImpl: typeof fetch = async (url, init) => {
      seen = { url: String(url), init };
      return new Response(JSON.stringify({ ok: true, target: 'sandbox', endpoint: 'x:1', steps: [] }), { status: 200 });
    };
    const outcome = await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl });
    expect(outcome.kind).toBe('report');
    expect(seen?.url).toBe('/api/validate');
    expect(seen?.url).not.toContain(settings.accessKeySecret);
    expect(seen?.init?.method).toBe('POST');
    const body = JSON.parse(String(seen?.init?.body)) as Record<string, unknown>;
    expect(body.target).toBe('sandbox');
    expect(body.accessKeySecret).toBe(settings.accessKeySecret);
  });

  it('maps 400, 403, 429 and 503 to their outcomes', async () => {
    const fields = [{ field: 'project', message: 'Project: enter a name.' }];
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: reply(400, { error: { code: 'invalid_settings', message: 'm' }, fields }) })).toEqual({
      kind: 'invalid',
      message: 'm',
      fields,
    });
    expect((await requestValidation(settings, 'sls', { signal: signal(), fetchImpl: reply(403, { error: { code: 'live_check_disabled', message: 'off' } }) })).kind).toBe('live-disabled');
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: reply(429, { error: { code: 'rate_limited', message: 'slow' } }, { 'retry-after': '7' }) })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 7,
      message: 'slow',
    });
    expect((await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: reply(503, { error: { code: 'sandbox_off', message: 'off' } }) })).kind).toBe('sandbox-off');
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: reply(500, { error: { code: 'internal', message: 'oops' } }) })).toEqual({
      kind: 'server-error',
      status: 500,
      message: 'oops',
    });
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: reply(200, { hello: 1 }) })).toEqual({ kind: 'bad-response', status: 200 });
  });

  it('ends a request that never answers with a timeout, and a failed one as a network error', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const t0 = Date.now();
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: hang, timeoutMs: 50 })).toEqual({ kind: 'timeout', seconds: 0 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    const fail: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await requestValidation(settings, 'sandbox', { signal: signal(), fetchImpl: fail })).toEqual({ kind: 'network', reason: 'Failed to fetch' });
    const caller = new AbortController();
    const pending = requestValidation(settings, 'sandbox', { signal: caller.signal, fetchImpl: hang });
    caller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterSeconds('12')).toBe(12);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 1_000)).toBe(9);
  });
});
