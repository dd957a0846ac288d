'use client';
import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** Either a react-hook-form registration or plain controlled-input props (value, onChange, name). */
type InputBinding = UseFormRegisterReturn | Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange'>;

/** A labelled text input with its help text and its error beside it (announced once, by the form's error summary). */
export function TextField({
  id,
  label,
  help,
  registration,
  error,
  type = 'text',
  onPasted,
}: {
  id: string;
  label: string;
  help?: string;
  registration: InputBinding;
  error?: string;
  type?: 'text' | 'password';
  /** Called once a paste has landed in the input (the form validates on blur or paste, not per key). */
  onPasted?: () => void;
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
        onPaste={onPasted ? () => requestAnimationFrame(onPasted) : undefined}
        {...registration}
      />
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
