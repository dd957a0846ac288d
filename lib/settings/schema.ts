/**
 * The wizard's settings: ONE zod schema used by the form (zodResolver), by
 * every route handler and by the renderers. Field names follow the DESIGN
 * contract; every message names the field and the fix.
 */
import { z } from 'zod';
import { DEFAULT_REGION, findRegion } from '../sls/regions';
import { strictObjectError } from '../agents/common/options-schema';
import { DEFAULT_AGENT_CHOICE } from '../agents/meta';
import { agentsSchema } from './agents';
import {
  LOGSTORE_RULE,
  PROJECT_RULE,
  accessKeyIdProblem,
  accessKeySecretProblem,
  nameProblem,
} from './names';

/** A required string field whose problems come from a pure check function. */
function checkedString(label: string, problem: (v: string) => string | undefined) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${label}: this field is required.` : `${label}: expected text.`) })
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
}

export const regionSchema = z
  .string({ error: 'Region: choose a region from the list.' })
  .superRefine((id, ctx) => {
    const region = findRegion(id);
    if (!region) {
      ctx.addIssue({ code: 'custom', message: `Region: “${id}” is not an SLS region id; choose one from the list (for example cn-hangzhou).` });
    } else if (region.status === 'closed') {
      ctx.addIssue({ code: 'custom', message: `Region: ${region.name} (${id}) is closed; choose the region your project is in now.` });
    }
  });

export const settingsSchema = z.strictObject(
  {
    region: regionSchema.default(DEFAULT_REGION),
    network: z
      .enum(['internet', 'intranet'], { error: 'Network: choose “internet” (port 10012) or “intranet” (port 10011, from inside Alibaba Cloud).' })
      .default('internet'),
    /** `project`: {project}.{region}.log.aliyuncs.com (current); `region`: the 2019 form without the prefix. */
    hostForm: z
      .enum(['project', 'region'], { error: 'Host form: choose “project” (current) or “region” (the 2019 form).' })
      .default('project'),
    project: checkedString('Project', (v) => nameProblem(v, PROJECT_RULE)),
    logstore: checkedString('Logstore', (v) => nameProblem(v, LOGSTORE_RULE)),
    accessKeyId: checkedString('AccessKey ID', accessKeyIdProblem),
    accessKeySecret: checkedString('AccessKey secret', accessKeySecretProblem),
    /** `inline`: the secret is written into the config; `env`: the config references the agent's keystore or an environment variable. */
    secretMode: z
      .enum(['inline', 'env'], { error: 'Secret mode: choose “inline” or “env” (keystore or environment variable).' })
      .default('inline'),
    /** `sls`: configs point at SLS; `sandbox`: at the bundled endpoint, for a local trial. */
    target: z.enum(['sls', 'sandbox'], { error: 'Target: choose “sls” or “sandbox”.' }).default('sls'),
    /** Store JSON values as fields (topic `<logstore>.json` or the data-parse-format header). */
    expandJson: z.boolean({ error: 'Expand JSON: expected true or false.' }).default(false),
    // prefault: the default goes through the schema, so the chosen agents' defaults are filled in too.
    agents: agentsSchema.prefault(DEFAULT_AGENT_CHOICE),
  },
  {
    error: strictObjectError(
      ({ keys, s, them }) => `Unknown field${s} ${keys}: remove ${them}; see the settings reference for the accepted fields.`,
      'Settings: expected a JSON object.',
    ),
  },
);

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

/** The endpoint part of the form (step one of the wizard), derived from the one schema. */
export const endpointSettingsSchema = settingsSchema.pick({
  region: true,
  network: true,
  hostForm: true,
  project: true,
  logstore: true,
});
export type EndpointSettingsInput = z.input<typeof endpointSettingsSchema>;
export type EndpointSettings = z.output<typeof endpointSettingsSchema>;

export interface FieldError {
  /** Dotted path of the field, e.g. `project` or `agents.beats.compression`. */
  field: string;
  message: string;
}

/** Flatten a ZodError into one entry per problem, for HTTP 400 bodies. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: issue.message }));
    }
    return [{ field: issue.path.join('.') || '(body)', message: issue.message }];
  });
}
