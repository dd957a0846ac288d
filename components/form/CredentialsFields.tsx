'use client';
/**
 * AccessKey ID and secret, and where the secret goes in the configs. The
 * secret is a password input (shown only on request), never autocompleted,
 * and its error messages never quote any part of it. The secret mode comes
 * first: in env mode the configs only reference SLS_KAFKA_PASSWORD, so the
 * AccessKey fields fold away as optional (the output shows placeholders).
 */
import { useId, useState } from 'react';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { TextField } from '@/components/endpoint/TextField';
import { useErrorText } from './use-error-text';
import { useFormText } from './use-form-text';

export function CredentialsFields({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  const { register, control } = form;
  const { errors } = useFormState({ control, name: ['accessKeyId', 'accessKeySecret', 'secretMode'] });
  const { t } = useFormText();
  const errorText = useErrorText();
  const [shown, setShown] = useState(false);
  const envMode = useWatch({ control, name: 'secretMode' }) === 'env';
  const noteId = useId();
  const idMessage = errors.accessKeyId?.message;
  const secretMessage = errors.accessKeySecret?.message;
  const secretError = secretMessage ? errorText('accessKeySecret', secretMessage) : undefined;
  const secretDescribedBy = ['accessKeySecret-help', secretError ? 'accessKeySecret-error' : ''].filter(Boolean).join(' ');

  // The AccessKey ID and secret, the same in both modes (optional and folded in env mode).
  const keyFields = (
    <>
      <p id={noteId} className="note">
        {t('cred.ramNote')}
      </p>
      <TextField
        id="accessKeyId"
        label={t('cred.id')}
        help={t('cred.idHelp')}
        registration={register('accessKeyId')}
        onPasted={() => void form.trigger('accessKeyId')}
        error={idMessage ? errorText('accessKeyId', idMessage) : undefined}
      />

      <div className="field">
        <label htmlFor="accessKeySecret">{t('cred.secret')}</label>
        <div className="secret-row">
          <input
            id="accessKeySecret"
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={secretError ? true : undefined}
            aria-describedby={secretDescribedBy}
            onPaste={() => requestAnimationFrame(() => void form.trigger('accessKeySecret'))}
            {...register('accessKeySecret')}
          />
          <button
            type="button"
            className="secret-toggle"
            aria-pressed={shown}
            aria-controls="accessKeySecret"
            onClick={() => setShown((s) => !s)}
          >
            {t('cred.show')}
          </button>
        </div>
        <p id="accessKeySecret-help" className="help">
          {t('cred.secretHelp')}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {shown ? t('cred.shown') : ''}
        </p>
        {secretError ? (
          <p id="accessKeySecret-error" className="error">
            {secretError}
          </p>
        ) : null}
      </div>
    </>
  );

  return (
    <fieldset className="form-section">
      <legend>{t('cred.legend')}</legend>
      <fieldset className="choices">
        <legend>{t('cred.secretMode')}</legend>
        <div className="choice">
          <label>
            <input type="radio" value="inline" aria-describedby="secretMode-inline-help" {...register('secretMode')} />{' '}
            {t('cred.inline')}
          </label>
          <p id="secretMode-inline-help" className="help choice-help">
            {t('cred.inlineHelp')}
          </p>
        </div>
        <div className="choice">
          <label>
            <input type="radio" value="env" aria-describedby="secretMode-env-help" {...register('secretMode')} />{' '}
            {t('cred.env')}
          </label>
          <p id="secretMode-env-help" className="help choice-help">
            {t('cred.envHelp')}
          </p>
        </div>
      </fieldset>
      {envMode ? (
        <>
          <p className="note" data-testid="env-note">
            {t('cred.envNote')}
          </p>
          <details className="optional-keys" open={Boolean(form.getValues('accessKeyId'))}>
            <summary>{t('cred.envOptional')}</summary>
            {keyFields}
          </details>
        </>
      ) : (
        keyFields
      )}
    </fieldset>
  );
}
