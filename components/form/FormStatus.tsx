'use client';
/**
 * Under the form: one line saying whether the settings are complete (fields
 * left empty show as placeholders in the output), and the form's one live
 * region for errors. Errors appear beside their fields on blur or paste; the
 * live region names the fields with errors and changes only when that set
 * changes, so a screen reader hears each problem once, not on every key.
 */
import { useMemo } from 'react';
import { useFormState, useWatch, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { useSettingsRuntime } from '@/components/wizard/use-settings-runtime';
import { agentTitle, isAgentId } from '@/lib/agents/meta';
import { TOP_LEVEL_LABEL_KEYS, errorPaths, problemPaths } from './form-status';
import { useFormText } from './use-form-text';

/** Fields the output fills with placeholders while they are empty. */
const PLACEHOLDER_FIELDS = new Set(['project', 'logstore', 'accessKeyId', 'accessKeySecret']);

export function FormStatus({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  const runtime = useSettingsRuntime();
  const { t, maybe } = useFormText(runtime?.formAgentMessages);
  const values = useWatch({ control: form.control });
  const { errors } = useFormState({ control: form.control });
  const { todo, placeholders } = useMemo(() => {
    const parsed = runtime?.settingsSchema.safeParse(values);
    const paths = !parsed || parsed.success ? [] : problemPaths(parsed.error.issues);
    const empty = (path: string) => PLACEHOLDER_FIELDS.has(path) && !values[path as keyof typeof values];
    // Env mode: the configs reference SLS_KAFKA_PASSWORD, so the AccessKey is neither missing nor a placeholder.
    const envKey = (path: string) => values.secretMode === 'env' && (path === 'accessKeyId' || path === 'accessKeySecret') && empty(path);
    return { todo: paths.filter((p) => !empty(p)), placeholders: paths.filter((p) => empty(p) && !envKey(p)) };
  }, [runtime, values]);
  const label = (path: string): string => {
    const [top, agent, option] = path.split('.');
    if (top === 'agents' && isAgentId(agent)) {
      const title = agentTitle(agent);
      const optionLabel = option ? (maybe(`field.${agent}.${option}`) ?? option) : undefined;
      return optionLabel ? t('status.agentField', { agent: title, field: optionLabel }) : title;
    }
    const key = top !== undefined && top in TOP_LEVEL_LABEL_KEYS ? TOP_LEVEL_LABEL_KEYS[top as keyof typeof TOP_LEVEL_LABEL_KEYS] : undefined;
    return key ? t(key) : path;
  };
  // The shown errors' fields, as one string: it only changes when the set does.
  const errorKey = errorPaths(errors as FieldErrors).join('|');
  const announcement = useMemo(() => {
    const paths = errorKey ? errorKey.split('|') : [];
    return paths.length === 0 ? '' : t('status.errors', { count: paths.length, fields: paths.map(label).join(t('status.separator')) });
    // label reads the language through t/maybe, which are in the deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errorKey, t, maybe]);

  const line = !runtime
    ? ''
    : todo.length
      ? t('status.todo', { fields: todo.map(label).join(t('status.separator')) })
      : placeholders.length
        ? t('status.placeholders', { fields: placeholders.map(label).join(t('status.separator')) })
        : t('status.ok');
  return (
    <>
      <p
        className={!runtime ? 'form-status' : todo.length ? 'form-status todo' : placeholders.length ? 'form-status placeholders' : 'form-status ok'}
        data-testid="form-status"
      >
        {line}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="form-errors-live">
        {announcement}
      </p>
    </>
  );
}
