/**
 * One call to POST /api/validate, turned into one of a few outcomes the panel
 * can explain: a report, field errors (400), live check disabled (403), rate
 * limited (429), sandbox off (503), another server error, a timeout, a network
 * failure or a cancel. Never throws and never waits forever: the caller's
 * AbortSignal and a client-side timeout both end the request.
 *
 * The settings (with the AccessKey secret) go only into the request body.
 */
import { apiErrorBodySchema, validateResponseSchema, VALIDATION_STEP_NAMES, type ApiErrorBody } from '@/lib/http/contract';
import type { Settings } from '@/lib/settings/schema';
import type { ValidationResult, ValidationStep } from '@/lib/validation/validate-settings';

// The contract's step names, checked against the server's type.
export const STEP_NAMES = VALIDATION_STEP_NAMES satisfies ReadonlyArray<ValidationStep['name']>;

export type StepName = (typeof STEP_NAMES)[number];

export type CheckTarget = Settings['target'];

export interface FieldProblem {
  field: string;
  message: string;
}

export type ValidateOutcome =
  | { kind: 'report'; report: ValidationResult }
  | { kind: 'invalid'; message: string; fields: FieldProblem[] }
  | { kind: 'live-disabled'; message: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined; message: string }
  | { kind: 'sandbox-off'; message: string }
  | { kind: 'server-error'; status: number; message: string }
  | { kind: 'bad-response'; status: number }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'network'; reason: string }
  | { kind: 'cancelled' };

export const CLIENT_TIMEOUT_MS = 10_000;

/** The report when `body` is one by the contract's schema, else undefined. */
export function asValidationResult(body: unknown): ValidationResult | undefined {
  const parsed = validateResponseSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

function asErrorBody(body: unknown): ApiErrorBody | undefined {
  const parsed = apiErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

/** Retry-After as whole seconds (the delta-seconds form; an HTTP date is turned into seconds from now). */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export async function requestValidation(
  settings: Settings,
  target: CheckTarget,
  opts: { signal: AbortSignal; timeoutMs?: number; fetchImpl?: typeof fetch },
): Promise<ValidateOutcome> {
  const timeoutMs = opts.timeoutMs ?? CLIENT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (opts.signal.aborted) controller.abort();
  else opts.signal.addEventListener('abort', onCallerAbort, { once: true });
  const fetchImpl = opts.fetchImpl ?? fetch;

  try {
    const response = await fetchImpl('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...settings, target }),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (timedOut) return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
    if (response.ok) {
      const report = asValidationResult(body);
      return report ? { kind: 'report', report } : { kind: 'bad-response', status: response.status };
    }
    const error = asErrorBody(body);
    const message = error?.error.message ?? '';
    switch (response.status) {
      case 400:
        return { kind: 'invalid', message, fields: error?.fields ?? [] };
      case 403:
        return { kind: 'live-disabled', message };
      case 429:
        return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')), message };
      case 503:
        if (error?.error.code === 'sandbox_off') return { kind: 'sandbox-off', message };
        return { kind: 'server-error', status: response.status, message };
      default:
        return { kind: 'server-error', status: response.status, message };
    }
  } catch (err) {
    if (timedOut) return { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };
    if (opts.signal.aborted) return { kind: 'cancelled' };
    return { kind: 'network', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
    opts.signal.removeEventListener('abort', onCallerAbort);
  }
}
