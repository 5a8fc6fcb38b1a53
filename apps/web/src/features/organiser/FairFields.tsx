import { LANGUAGES } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { knownTimeZones } from '../../lib/datetime';
import { isLanguage } from '../../lib/language';
import { CheckboxGroup, Field, TextField } from '../../ui/Field';
import type { FairFormValues } from './fair-form';

interface FairFieldsProps {
  values: FairFormValues;
  onChange: (patch: Partial<FairFormValues>) => void;
  fieldError: (name: string) => string | undefined;
}

/** The fields a fair is created and edited with. */
export function FairFields({ values, onChange, fieldError }: FairFieldsProps) {
  const { t } = useTranslation();
  const timeHint = t('fairForm.timeHint', { timeZone: values.timeZone });
  return (
    <>
      <TextField
        label={t('fairForm.title')}
        required
        maxLength={200}
        value={values.title}
        onValue={(title) => onChange({ title })}
        error={fieldError('title')}
      />
      <Field label={t('fairForm.description')} error={fieldError('description')}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={5000}
            value={values.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('fairForm.timeZone')} error={fieldError('timeZone')}>
        {(control) => (
          <select
            {...control}
            value={values.timeZone}
            onChange={(e) => onChange({ timeZone: e.target.value })}
          >
            {knownTimeZones(values.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <TextField
          label={t('fairForm.start')}
          hint={timeHint}
          type="datetime-local"
          required
          value={values.startsLocal}
          onValue={(startsLocal) => onChange({ startsLocal })}
          error={fieldError('startsAt')}
        />
        <TextField
          label={t('fairForm.end')}
          hint={timeHint}
          type="datetime-local"
          required
          value={values.endsLocal}
          onValue={(endsLocal) => onChange({ endsLocal })}
          error={fieldError('endsAt')}
        />
      </div>
      <CheckboxGroup
        legend={t('fairForm.languages')}
        options={LANGUAGES.map((language) => ({
          value: language,
          label: t(`languages.${language}`),
        }))}
        selected={values.languages}
        onSelected={(selected) => onChange({ languages: selected.filter(isLanguage) })}
        error={fieldError('languages')}
      />
    </>
  );
}
