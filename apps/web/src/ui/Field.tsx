import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What a form control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** A label, an optional hint, the control, and the field's error linked by aria-describedby. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-describedby': describedBy(hint && hintId, error && errorId),
        'aria-invalid': error ? true : undefined,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextFieldProps extends InputProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
}

export function TextField({ label, hint, error, value, onValue, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input {...input} {...control} value={value} onChange={(e) => onValue(e.target.value)} />
      )}
    </Field>
  );
}

interface CheckboxOption {
  value: string;
  label: string;
  /** The language of the label, when it differs from the page's. */
  lang?: string;
}

interface CheckboxGroupProps {
  legend: string;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onSelected: (selected: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A fieldset of checkboxes; the order of `selected` follows `options`. */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const { legend, options, selected, onSelected, hint, error } = props;
  const id = useId();
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    onSelected(options.map((option) => option.value).filter((option) => next.has(option)));
  };
  return (
    <fieldset
      className="checkbox-group"
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />{' '}
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
