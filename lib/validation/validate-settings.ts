/**
 * What POST /api/validate does: render the chosen agents' files, read the
 * producer settings back out of them (a template bug is reported as such), then
 * run the connection doctor, against the bundled sandbox (default; it presents
 * the real SLS host name in TLS SNI, so region mismatches behave as on SLS) or,
 * only when ALLOW_LIVE_CHECK=1, against the real SLS endpoint derived from
 * lib/sls for a known region: never a host the request names.
 */
import { runDoctor, DEFAULT_TIMEOUTS, type DoctorStep, type DoctorTimeouts } from '../kafka/client/doctor';
import type { Diagnosis } from '../kafka/client/diagnosis';
import { createRenderContext, hostFormNote, renderSettings } from '../agents';
import { checkProducerSettings } from '../agents/producer-check';
import type { Settings } from '../settings/schema';
import { kafkaEndpoint } from '../sls/endpoints';
import { ApiError } from '../http/errors';

export interface ValidationStep {
  name: DoctorStep['name'] | 'config';
  ok: boolean;
  ms: number;
  detail: string;
}

/**
 * Something the user should change although the check may pass: the settings
 * work against the endpoint, but not the way SLS documents them.
 */
export interface ValidationWarning {
  /** `host-form-region`: the bootstrap host has no project prefix. */
  code: 'host-form-region';
  /** The settings field to change. */
  field: 'hostForm';
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  target: Settings['target'];
  /** The host the report speaks of: the SLS host name, also when the sandbox answers for it. */
  endpoint: string;
  steps: ValidationStep[];
  error?: Diagnosis;
  /** Present when there is something to change even though no step failed (see settingsWarnings). */
  warnings?: ValidationWarning[];
}

export interface SandboxEndpoint {
  /** Where the sandbox listens on this machine. */
  host: string;
  port: number;
  caPem: string;
}

export interface ValidationEnvironment {
  sandbox: SandboxEndpoint | undefined;
  allowLiveCheck: boolean;
  timeouts?: DoctorTimeouts;
  /** Called as each step ends (the CLI's progress lines). */
  onStep?: (step: ValidationStep) => void;
}

/** A wildcard bind address is not something to dial: use loopback. */
function dialable(host: string): string {
  return host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
}

export async function validateSettings(settings: Settings, env: ValidationEnvironment): Promise<ValidationResult> {
  const sls = kafkaEndpoint(settings);
  const t0 = performance.now();
  // Render for the agents as chosen, with the SLS endpoint: the files the user will deploy.
  const renderOptions = env.sandbox ? { sandbox: { host: 'localhost', port: env.sandbox.port, caUrl: '' } } : {};
  const ctx = createRenderContext(settings, renderOptions);
  const { files } = renderSettings(settings, renderOptions);
  const check = checkProducerSettings(ctx, files);
  const warnings = settingsWarnings(ctx);
  // A warning does not fail the config step: the region-only host may still
  // answer for older deployments; the step names it so the user sees it.
  const warningText = warnings.map((w) => ` Warning: ${w.message}`).join('');
  const configStep: ValidationStep = {
    name: 'config',
    ok: check.problems.length === 0,
    ms: Math.round((performance.now() - t0) * 10) / 10,
    detail:
      (check.problems.length === 0
        ? `${files.length} file${files.length === 1 ? '' : 's'} parsed back; bootstrap, topic, TLS, PLAIN, username and password match the settings.`
        : check.problems.join('; ')) + warningText,
  };
  const withWarnings = warnings.length > 0 ? { warnings } : {};
  env.onStep?.(configStep);
  if (!configStep.ok) {
    return {
      ...withWarnings,
      ok: false,
      target: settings.target,
      endpoint: sls.bootstrap,
      steps: [configStep],
      error: { code: 'TEMPLATE_MISMATCH', name: 'TemplateError', hint: 'A generated config does not match your settings: this is a bug in the wizard. Please report it with the settings (without the secret).' },
    };
  }

  let target;
  if (settings.target === 'sls') {
    if (!env.allowLiveCheck) {
      throw new ApiError(403, 'live_check_disabled', 'Live checks against SLS are turned off on this server (ALLOW_LIVE_CHECK=1 enables them); check against the sandbox with "target": "sandbox".');
    }
    target = { dialHost: sls.host, dialPort: sls.port, serverName: sls.host, ca: undefined };
  } else {
    if (!env.sandbox) throw new ApiError(503, 'sandbox_off', 'The sandbox endpoint is not running in this server, so there is nothing to check against.');
    target = { dialHost: dialable(env.sandbox.host), dialPort: env.sandbox.port, serverName: sls.host, ca: env.sandbox.caPem };
  }

  // The doctor produces like the first chosen agent: its codec and acks, as read from its file.
  const producer = check.settings[0];
  const report = await runDoctor(
    target,
    {
      username: ctx.username,
      password: ctx.password,
      topic: ctx.topic,
      codec: producer?.codec ?? 'gzip',
      acks: producer?.acks ?? 1,
      clientId: `sls-kafka-wizard-check${producer ? `-${producer.agent}` : ''}`,
    },
    env.timeouts ?? DEFAULT_TIMEOUTS,
    env.onStep,
  );
  // The report names the SLS host; the sandbox only stands in for it.
  return {
    ok: report.ok,
    target: settings.target,
    endpoint: sls.bootstrap,
    steps: [configStep, ...report.steps],
    ...(report.error ? { error: report.error } : {}),
    ...withWarnings,
  };
}

/** What the settings do that works but is not how SLS documents it. */
export function settingsWarnings(ctx: ReturnType<typeof createRenderContext>): ValidationWarning[] {
  const note = hostFormNote(ctx);
  return note === undefined ? [] : [{ code: 'host-form-region', field: 'hostForm', message: note }];
}
