'use client';
/**
 * Step one of the wizard: where the SLS project lives. Validated live with the
 * shared settings schema; shows the bootstrap address, port and SASL login shape.
 */
import { useWatch, type UseFormReturn } from 'react-hook-form';
import {
  endpointSettingsSchema,
  type EndpointSettings,
  type EndpointSettingsInput,
  type Settings,
  type SettingsInput,
} from '@/lib/settings/schema';
import { findRegion } from '@/lib/sls/regions';
import { kafkaEndpoint } from '@/lib/sls/endpoints';
import { RegionPicker } from './RegionPicker';
import { TextField } from './TextField';

/** The endpoint fields of the wizard's one form, with the resolved endpoint below them. */
export function EndpointFields({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const all = useWatch({ control }) as SettingsInput;
  const values: EndpointSettingsInput = {
    region: all.region,
    network: all.network,
    hostForm: all.hostForm,
    project: all.project,
    logstore: all.logstore,
  };
  const parsed = endpointSettingsSchema.safeParse(values);

  return (
    <>
      <fieldset>
        <legend>Endpoint</legend>
        <RegionPicker registration={register('region')} value={values.region ?? ''} error={errors.region?.message} />

        <fieldset className="choices">
          <legend>Network</legend>
          <label>
            <input type="radio" value="internet" {...register('network')} /> Internet (port 10012)
          </label>
          <label>
            <input type="radio" value="intranet" {...register('network')} /> Intranet: classic network or VPC inside
            Alibaba Cloud (port 10011)
          </label>
        </fieldset>

        <fieldset className="choices">
          <legend>Host name form</legend>
          <label>
            <input type="radio" value="project" {...register('hostForm')} /> With the project prefix (current SLS
            documentation)
          </label>
          <label>
            <input type="radio" value="region" {...register('hostForm')} /> Region only (the 2019 document&apos;s form)
          </label>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Destination</legend>
        <TextField
          id="project"
          label="Project"
          help="3–63 characters: lowercase letters, digits and hyphens. It is the SASL username."
          registration={register('project')}
          error={errors.project?.message}
        />
        <TextField
          id="logstore"
          label="Logstore"
          help="3–63 characters: lowercase letters, digits, hyphens and underscores. It is the Kafka topic."
          registration={register('logstore')}
          error={errors.logstore?.message}
        />
      </fieldset>

      <section className="summary" aria-labelledby="summary-title" aria-live="polite">
        <h2 id="summary-title">What your agent connects to</h2>
        {parsed.success ? <EndpointSummary settings={parsed.data} /> : <p>Complete the fields above to see the endpoint.</p>}
      </section>
    </>
  );
}

function EndpointSummary({ settings }: { settings: EndpointSettings }) {
  const endpoint = kafkaEndpoint(settings);
  const region = findRegion(settings.region);
  return (
    <>
      <dl data-testid="endpoint-summary">
        <dt>Bootstrap server</dt>
        <dd>
          <code data-testid="bootstrap">{endpoint.bootstrap}</code>
        </dd>
        <dt>Port</dt>
        <dd>
          <code data-testid="port">{endpoint.port}</code>
        </dd>
        <dt>Security protocol</dt>
        <dd>
          <code>SASL_SSL</code> with mechanism <code>PLAIN</code>
        </dd>
        <dt>SASL username</dt>
        <dd>
          <code data-testid="sasl-username">{settings.project}</code> (the project)
        </dd>
        <dt>SASL password</dt>
        <dd>
          <code data-testid="sasl-password">{'<AccessKey ID>#••••••••'}</code> (AccessKey ID, “#”, AccessKey secret)
        </dd>
        <dt>Topic</dt>
        <dd>
          <code data-testid="topic">{settings.logstore}</code> (the Logstore)
        </dd>
      </dl>
      {region?.status === 'closing' ? (
        <p className="warning">{region.name} is being decommissioned: plan to move the project.</p>
      ) : null}
      {region?.special ? <p className="warning">{region.note}</p> : null}
    </>
  );
}
