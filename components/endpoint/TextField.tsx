'use client';
import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** Either a react-hook-form registration or plain controlled-input props (value, onChange, name). */
type InputBinding = UseFormRegisterReturn | Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>;

/** A labelled text input with its help text and its error announced beside it. */
export function TextField({
  id,
  label,
  help,
  registration,
  error,
  type = 'text',
}: {
  id: string;
  label: string;
  help?: string;
  registration: InputBinding;
  error?: string;
  type?: 'text' | 'password';
}) {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...registration}
      />
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
