'use client';
/**
 * Step one of the wizard: where the SLS project lives. Validated on blur or
 * paste with the shared settings schema; shows the bootstrap address, port and SASL login shape.
 */
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import type { EndpointSettings, EndpointSettingsInput, Settings, SettingsInput } from '@/lib/settings/schema';
import { useSettingsRuntime } from '@/components/wizard/use-settings-runtime';
import { findRegion } from '@/lib/sls/regions';
import { kafkaEndpoint } from '@/lib/sls/endpoints';
import { useErrorText } from '@/components/form/use-error-text';
import { useFormText, type FormText } from '@/components/form/use-form-text';
import { RegionPicker } from './RegionPicker';
import { TextField } from './TextField';

/** The endpoint fields of the wizard's one form, with the resolved endpoint below them. */
export function EndpointFields({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  const { register, control } = form;
  // Subscribed here rather than read from form.formState: the form's host skips re-rendering this section.
  const { errors } = useFormState({ control, name: ['region', 'project', 'logstore'] });
  const text = useFormText();
  const { t } = text;
  const errorText = useErrorText();
  const all = useWatch({ control }) as SettingsInput;
  const values: EndpointSettingsInput = {
    region: all.region,
    network: all.network,
    hostForm: all.hostForm,
    project: all.project,
    logstore: all.logstore,
  };
  const runtime = useSettingsRuntime();
  const parsed = runtime?.endpointSettingsSchema.safeParse(values);
  const fieldError = (path: 'region' | 'project' | 'logstore') => {
    const message = errors[path]?.message;
    return message ? errorText(path, message) : undefined;
  };

  return (
    <>
      <fieldset className="form-section">
        <legend>{t('endpoint.legend')}</legend>
        <RegionPicker
          value={values.region ?? ''}
          onSelect={(id) => form.setValue('region', id, { shouldDirty: true, shouldValidate: true })}
          error={fieldError('region')}
        />

        <fieldset className="choices">
          <legend>{t('endpoint.network')}</legend>
          <label>
            <input type="radio" value="internet" {...register('network')} /> {t('endpoint.internet')}
          </label>
          <label>
            <input type="radio" value="intranet" {...register('network')} /> {t('endpoint.intranet')}
          </label>
        </fieldset>

        <fieldset className="choices">
          <legend>{t('endpoint.hostForm')}</legend>
          <label>
            <input type="radio" value="project" {...register('hostForm')} /> {t('endpoint.hostProject')}
          </label>
          <label>
            <input type="radio" value="region" {...register('hostForm')} /> {t('endpoint.hostRegion')}
          </label>
        </fieldset>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('endpoint.destination')}</legend>
        <TextField
          id="project"
          label={t('endpoint.project')}
          help={t('endpoint.projectHelp')}
          registration={register('project')}
          onPasted={() => void form.trigger('project')}
          error={fieldError('project')}
        />
        <TextField
          id="logstore"
          label={t('endpoint.logstore')}
          help={t('endpoint.logstoreHelp')}
          registration={register('logstore')}
          onPasted={() => void form.trigger('logstore')}
          error={fieldError('logstore')}
        />
      </fieldset>

      <section className="summary" aria-labelledby="summary-title" aria-live="polite">
        <h2 id="summary-title">{t('summary.title')}</h2>
        {parsed?.success ? (
          <EndpointSummary
            settings={parsed.data}
            text={text}
            sandbox={all.target === 'sandbox'}
            expandJson={all.expandJson === true}
          />
        ) : (
          <p>{t('summary.incomplete')}</p>
        )}
      </section>
    </>
  );
}

function EndpointSummary({
  settings,
  text: { t, lang },
  sandbox,
  expandJson,
}: {
  settings: EndpointSettings;
  text: FormText;
  sandbox: boolean;
  expandJson: boolean;
}) {
  const endpoint = kafkaEndpoint(settings);
  const region = findRegion(settings.region);
  return (
    <>
      <dl data-testid="endpoint-summary">
        <dt>{t('summary.bootstrap')}</dt>
        <dd>
          <code data-testid="bootstrap">{endpoint.bootstrap}</code>
        </dd>
        <dt>{t('summary.port')}</dt>
        <dd>
          <code data-testid="port">{endpoint.port}</code>
        </dd>
        <dt>{t('summary.security')}</dt>
        <dd>
          <code>SASL_SSL</code> {t('summary.mechanism')} <code>PLAIN</code>
        </dd>
        <dt>{t('summary.saslUsername')}</dt>
        <dd>
          <code data-testid="sasl-username">{settings.project}</code> {t('summary.theProject')}
        </dd>
        <dt>{t('summary.saslPassword')}</dt>
        <dd>
          <code data-testid="sasl-password">{'<AccessKey ID>#••••••••'}</code> {t('summary.passwordShape')}
        </dd>
        <dt>{t('summary.topic')}</dt>
        <dd>
          <code data-testid="topic">{settings.logstore}</code> {expandJson ? t('summary.topicJson') : t('summary.theLogstore')}
        </dd>
      </dl>
      {sandbox ? <p className="note" data-testid="summary-sandbox">{t('summary.sandbox')}</p> : null}
      {region?.status === 'closing' ? (
        <p className="warning">{t('summary.closing', { name: lang === 'zh-CN' ? region.nameZh : region.name })}</p>
      ) : null}
      {region?.special ? <p className="warning">{t('summary.special')}</p> : null}
    </>
  );
}
