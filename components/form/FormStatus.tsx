'use client';
/** One line under the form: ready, or which fields still need attention (announced politely). */
import { useMemo } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import { useSettingsRuntime } from '@/components/wizard/use-settings-runtime';
import { agentTitle, isAgentId } from '@/lib/agents/meta';
import { TOP_LEVEL_LABEL_KEYS, problemPaths } from './form-status';
import { useFormText } from './use-form-text';

export function FormStatus({ form }: { form: UseFormReturn<SettingsInput, unknown, Settings> }) {
  const runtime = useSettingsRuntime();
  const { t, maybe } = useFormText(runtime?.formAgentMessages);
  const values = useWatch({ control: form.control });
  const paths = useMemo(() => {
    const parsed = runtime?.settingsSchema.safeParse(values);
    return !parsed || parsed.success ? [] : problemPaths(parsed.error.issues);
  }, [runtime, values]);
  // Until the schemas have loaded (a moment after the page) there is nothing to say yet.
  if (!runtime) return <p className="form-status" role="status" data-testid="form-status" />;
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
  return (
    <p className={paths.length ? 'form-status todo' : 'form-status ok'} role="status" data-testid="form-status">
      {paths.length ? t('status.todo', { fields: paths.map(label).join(t('status.separator')) }) : t('status.ok')}
    </p>
  );
}
