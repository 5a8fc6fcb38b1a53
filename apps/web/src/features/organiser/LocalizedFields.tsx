import { LANGUAGES, type Language } from '@kohtaamo/protocol';
import { useId } from 'react';
import { Field } from '../../ui/Field';
import type { LocalizedValues } from './localized';

interface LocalizedFieldsProps {
  /** One label per language, such as "Name (Finnish)". */
  labels: Record<Language, string>;
  values: LocalizedValues;
  onChange: (values: LocalizedValues) => void;
  /** One error for the whole text ("give it in at least one language"). */
  error: string | undefined;
  maxLength: number;
}

/** A text the organiser writes once per language; each input is marked with its language. */
export function LocalizedFields(props: LocalizedFieldsProps) {
  const { labels, values, onChange, error, maxLength } = props;
  const errorId = useId();
  return (
    <div className="localized-fields">
      {LANGUAGES.map((language) => (
        <Field key={language} label={labels[language]}>
          {(control) => (
            <input
              {...control}
              lang={language}
              maxLength={maxLength}
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
              value={values[language]}
              onChange={(e) => onChange({ ...values, [language]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
