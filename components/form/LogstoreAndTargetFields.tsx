'use client';
/**
 * Logstore options (expand JSON into fields) and the target switch (SLS or
 * the bundled sandbox endpoint, with a link to the sandbox inbox).
 */
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { sandboxInboxHref } from './sandbox-link';
import { useFormText } from './use-form-text';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;

export function LogstoreOptionsFields({ form }: { form: Form }) {
  const { t } = useFormText();
  const { field } = useController({ control: form.control, name: 'expandJson' });
  const logstore = useWatch({ control: form.control, name: 'logstore' });
  const topic = `${logstore ? logstore : '<logstore>'}.json`;
  return (
    <fieldset className="form-section">
      <legend>{t('logstore.legend')}</legend>
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            name={field.name}
            ref={field.ref}
            checked={field.value === true}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            aria-describedby="expandJson-help"
          />{' '}
          {t('logstore.expandJson')}
        </label>
        <p id="expandJson-help" className="help">
          {t('logstore.expandJsonHelp', { topic })}
        </p>
      </div>
    </fieldset>
  );
}

export function TargetFields({ form }: { form: Form }) {
  const { t } = useFormText();
  const { field } = useController({ control: form.control, name: 'target' });
  const [project, logstore] = useWatch({ control: form.control, name: ['project', 'logstore'] });
  return (
    <fieldset className="form-section">
      <legend>{t('target.legend')}</legend>
      <div className="field checkbox-field">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            name={field.name}
            ref={field.ref}
            checked={field.value === 'sandbox'}
            onChange={(e) => field.onChange(e.target.checked ? 'sandbox' : 'sls')}
            onBlur={field.onBlur}
            aria-describedby="target-help"
          />{' '}
          {t('target.sandbox')}
        </label>
        <p id="target-help" className="help">
          {t('target.sandboxHelp')}{' '}
          <a href={sandboxInboxHref(project, logstore)} target="_blank" rel="noopener">
            {t('target.inbox')}
          </a>{' '}
          {t('target.newTab')}
        </p>
      </div>
    </fieldset>
  );
}
