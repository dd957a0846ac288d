'use client';
/**
 * The control for one agent option, chosen from its schema description:
 * radios or a select for a choice, checkboxes for several, a checkbox, a
 * number input (values stay numbers), a textarea with one entry per line, or
 * a text input. Label and help come from the form messages; errors appear
 * right under the control and are tied to it with aria-describedby.
 */
import { useEffect, useRef, useState } from 'react';
import { useController, type ControllerRenderProps, type Path, type UseFormReturn } from 'react-hook-form';
import type { AgentId } from '@/lib/agents/meta';
import type { Settings, SettingsInput } from '@/lib/settings/schema';
import {
  choiceControl,
  errorEntries,
  fieldDomId,
  isFixedChoice,
  linesToList,
  listToLines,
  sameList,
  type ChoiceValue,
  type OptionField,
} from './option-fields';
import type { FormText } from './use-form-text';

type Form = UseFormReturn<SettingsInput, unknown, Settings>;

interface Props {
  form: Form;
  agent: AgentId;
  field: OptionField;
  /** The errors subtree of this option. */
  errors: unknown;
  text: FormText;
  /** A schema message ready to show (language, secret redaction). */
  errorText: (path: string, message: string) => string;
  revalidate: () => void;
}

interface Described {
  path: Path<SettingsInput>;
  id: string;
  label: string;
  help: string | undefined;
  helpId: string;
  errorId: string;
  messages: string[];
  describedBy: string | undefined;
  invalid: true | undefined;
}

function describe(
  agent: AgentId,
  field: OptionField,
  errors: unknown,
  { maybe }: FormText,
  errorText: Props['errorText'],
): Described {
  const path = `agents.${agent}.${field.name}`;
  const id = fieldDomId(path);
  const help = maybe(`help.${agent}.${field.name}`);
  const messages = errorEntries(errors).map((entry) => {
    const message = errorText(path, entry.message);
    const index = entry.path[0];
    return field.kind === 'lines' && index !== undefined && /^\d+$/.test(index)
      ? (maybe('error.line', { n: Number(index) + 1, message }) ?? message)
      : message;
  });
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return {
    path: path as Path<SettingsInput>,
    id,
    label: maybe(`field.${agent}.${field.name}`) ?? field.name,
    help,
    helpId,
    errorId,
    messages,
    describedBy: [help ? helpId : '', messages.length ? errorId : ''].filter(Boolean).join(' ') || undefined,
    invalid: messages.length ? true : undefined,
  };
}

function choiceLabel(agent: AgentId, field: OptionField, value: ChoiceValue, { maybe }: FormText): string {
  return maybe(`opt.${agent}.${field.name}.${value}`) ?? maybe(`opt.${field.name}.${value}`) ?? String(value);
}

function Help({ d }: { d: Described }) {
  return d.help ? (
    <p id={d.helpId} className="help">
      {d.help}
    </p>
  ) : null;
}

function Errors({ d }: { d: Described }) {
  if (d.messages.length === 0) return null;
  return (
    <div id={d.errorId} className="error">
      {d.messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

/** Under every control: its help, then its errors (the ids aria-describedby names). */
function HelpAndErrors({ d }: { d: Described }) {
  return (
    <>
      <Help d={d} />
      <Errors d={d} />
    </>
  );
}

export function OptionControl(props: Props) {
  const { agent, field, errors, text, errorText } = props;
  const d = describe(agent, field, errors, text, errorText);
  if (isFixedChoice(field) && field.kind === 'choice') {
    return (
      <div className="field">
        <span className="field-label">{d.label}</span>
        <p>{text.maybe('fixed.value', { value: choiceLabel(agent, field, field.options[0] ?? '', text) })}</p>
        <Help d={d} />
      </div>
    );
  }
  switch (field.kind) {
    case 'choice':
      return choiceControl(field) === 'radio' ? <RadioChoice {...props} d={d} /> : <SelectChoice {...props} d={d} />;
    case 'multi':
      return <MultiChoice {...props} d={d} />;
    case 'boolean':
      return <BooleanOption {...props} d={d} />;
    case 'lines':
      return <LinesOption {...props} d={d} />;
    case 'number':
    case 'text':
      return <InputOption {...props} d={d} />;
  }
}

type WithD = Props & { d: Described };

type Control = ControllerRenderProps<SettingsInput, Path<SettingsInput>>;

/** The form's controller for this option's value. */
function useOptionControl(form: Form, d: Described): Control {
  return useController({ control: form.control, name: d.path }).field;
}

/**
 * What every input of an option shares: its id and name, the ref that lets
 * the form focus it on an error (the first of a list), blur, and the aria
 * ties to its help and errors. `index`: the input's place in a list of radios
 * or checkboxes.
 */
function inputProps(d: Described, control: Control, index?: number) {
  return {
    id: index === undefined ? d.id : `${d.id}-${index}`,
    name: d.path,
    ref: index === undefined || index === 0 ? control.ref : undefined,
    onBlur: control.onBlur,
    'aria-invalid': d.invalid,
    'aria-describedby': d.describedBy,
  };
}

function RadioChoice({ form, agent, field, text, revalidate, d }: WithD) {
  const control = useOptionControl(form, d);
  if (field.kind !== 'choice') return null;
  return (
    <fieldset className="choices option-field" aria-describedby={d.describedBy}>
      <legend>{d.label}</legend>
      {field.options.map((option, i) => (
        <label key={String(option)}>
          <input
            type="radio"
            {...inputProps(d, control, i)}
            checked={Object.is(control.value, option)}
            onChange={() => {
              control.onChange(option);
              revalidate();
            }}
          />{' '}
          {choiceLabel(agent, field, option, text)}
        </label>
      ))}
      <HelpAndErrors d={d} />
    </fieldset>
  );
}

function SelectChoice({ form, agent, field, text, revalidate, d }: WithD) {
  const control = useOptionControl(form, d);
  if (field.kind !== 'choice') return null;
  const current = field.options.find((o) => Object.is(o, control.value));
  return (
    <div className="field option-field">
      <label htmlFor={d.id}>{d.label}</label>
      <select
        {...inputProps(d, control)}
        value={current === undefined ? '' : String(current)}
        onChange={(e) => {
          const chosen = field.options.find((o) => String(o) === e.target.value);
          if (chosen !== undefined) control.onChange(chosen);
          revalidate();
        }}
      >
        {current === undefined ? <option value="">—</option> : null}
        {field.options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {choiceLabel(agent, field, option, text)}
          </option>
        ))}
      </select>
      <HelpAndErrors d={d} />
    </div>
  );
}

function MultiChoice({ form, agent, field, text, revalidate, d }: WithD) {
  const control = useOptionControl(form, d);
  if (field.kind !== 'multi') return null;
  const chosen: unknown[] = Array.isArray(control.value) ? control.value : [];
  const toggle = (option: string, on: boolean) => {
    // Keep the schema's order; values the form does not offer are kept for the schema to report.
    const next = on
      ? field.options.filter((o) => o === option || chosen.includes(o)).concat(chosen.filter((c): c is string => typeof c === 'string' && !field.options.includes(c)))
      : chosen.filter((c) => c !== option);
    control.onChange(next);
    revalidate();
  };
  return (
    <fieldset className="choices option-field option-multi" aria-describedby={d.describedBy}>
      <legend>{d.label}</legend>
      <div className="multi-options">
        {field.options.map((option, i) => (
          <label key={option}>
            <input type="checkbox" {...inputProps(d, control, i)} checked={chosen.includes(option)} onChange={(e) => toggle(option, e.target.checked)} />{' '}
            {choiceLabel(agent, field, option, text)}
          </label>
        ))}
      </div>
      <HelpAndErrors d={d} />
    </fieldset>
  );
}

function BooleanOption({ form, revalidate, d }: WithD) {
  const control = useOptionControl(form, d);
  return (
    <div className="field option-field checkbox-field">
      <label htmlFor={d.id}>
        <input
          type="checkbox"
          {...inputProps(d, control)}
          checked={control.value === true}
          onChange={(e) => {
            control.onChange(e.target.checked);
            revalidate();
          }}
        />{' '}
        {d.label}
      </label>
      <HelpAndErrors d={d} />
    </div>
  );
}

function LinesOption({ form, revalidate, d }: WithD) {
  const control = useOptionControl(form, d);
  const list = Array.isArray(control.value) ? control.value.filter((v): v is string => typeof v === 'string') : [];
  // The textarea keeps exactly what was typed (blank lines too); the form value is the list of entries.
  const [draft, setDraft] = useState(() => listToLines(list));
  const pasted = useRef(false);
  const listKey = JSON.stringify(list);
  useEffect(() => {
    // A change from elsewhere (a shared link, a reset) replaces the text; the user's own typing does not.
    const incoming = JSON.parse(listKey) as string[];
    setDraft((current) => (sameList(linesToList(current), incoming) ? current : listToLines(incoming)));
  }, [listKey]);
  return (
    <div className="field option-field option-wide">
      <label htmlFor={d.id}>{d.label}</label>
      <textarea
        {...inputProps(d, control)}
        rows={Math.min(8, Math.max(3, list.length + 1))}
        value={draft}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => {
          setDraft(e.target.value);
          control.onChange(linesToList(e.target.value));
          // Validated on blur or paste, not on each key; a shown error clears as soon as it is fixed.
          if (d.invalid || pasted.current) revalidate();
          pasted.current = false;
        }}
        onPaste={() => {
          pasted.current = true;
        }}
        onBlur={() => {
          control.onBlur();
          revalidate();
        }}
      />
      <HelpAndErrors d={d} />
    </div>
  );
}

function InputOption({ form, field, revalidate, d }: WithD) {
  const number = field.kind === 'number' ? field : undefined;
  const pasted = useRef(false);
  // Validated on blur or paste, not on each key; a shown error clears as soon as it is fixed.
  const registration = form.register(d.path, {
    valueAsNumber: number !== undefined,
    onChange: () => {
      if (d.invalid || pasted.current) revalidate();
      pasted.current = false;
    },
    onBlur: revalidate,
  });
  return (
    <div className="field option-field">
      <label htmlFor={d.id}>{d.label}</label>
      <input
        id={d.id}
        type={number ? 'number' : 'text'}
        inputMode={number ? 'numeric' : undefined}
        min={number?.min}
        max={number?.max}
        step={number ? (number.integer ? 1 : 'any') : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={d.invalid}
        aria-describedby={d.describedBy}
        onPaste={() => {
          pasted.current = true;
        }}
        {...registration}
      />
      <HelpAndErrors d={d} />
    </div>
  );
}
