import { ORGANISATION_TYPES, pickText, type Room } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { languageName } from '../../lib/language';
import { CheckboxGroup, Field, TextField } from '../../ui/Field';
import { COMMON_SPOKEN_LANGUAGES, type ProfileFormValues } from './profile-form';

interface ProfileFieldsProps {
  values: ProfileFormValues;
  onChange: (patch: Partial<ProfileFormValues>) => void;
  rooms: readonly Pick<Room, 'id' | 'names'>[];
  fieldError: (name: string) => string | undefined;
}

/** The profile a person registers for a fair with; field errors use the `profile.*` names. */
export function ProfileFields({ values, onChange, rooms, fieldError }: ProfileFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <TextField
        label={t('profile.displayName')}
        autoComplete="name"
        required
        maxLength={80}
        value={values.displayName}
        onValue={(displayName) => onChange({ displayName })}
        error={fieldError('profile.displayName')}
      />
      <TextField
        label={t('profile.organisation')}
        autoComplete="organization"
        required
        maxLength={120}
        value={values.organisation}
        onValue={(organisation) => onChange({ organisation })}
        error={fieldError('profile.organisation')}
      />
      <Field label={t('profile.organisationType')} error={fieldError('profile.organisationType')}>
        {(control) => (
          <select
            {...control}
            value={values.organisationType}
            onChange={(e) => {
              const type = ORGANISATION_TYPES.find((option) => option === e.target.value);
              if (type) onChange({ organisationType: type });
            }}
          >
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`organisationTypes.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('profile.jobTitle')}
        autoComplete="organization-title"
        maxLength={120}
        value={values.title}
        onValue={(title) => onChange({ title })}
        error={fieldError('profile.title')}
      />
      <CheckboxGroup
        legend={t('profile.languages')}
        options={COMMON_SPOKEN_LANGUAGES.map((code) => ({
          value: code,
          label: languageName(code, language),
        }))}
        selected={values.commonLanguages}
        onSelected={(commonLanguages) => onChange({ commonLanguages })}
      />
      <TextField
        label={t('profile.otherLanguages')}
        hint={t('profile.otherLanguagesHint')}
        value={values.otherLanguages}
        onValue={(otherLanguages) => onChange({ otherLanguages })}
        error={fieldError('profile.languages')}
      />
      {rooms.length > 0 && (
        <CheckboxGroup
          legend={t('profile.themes')}
          options={rooms.map((room) => ({ value: room.id, label: pickText(room.names, language) }))}
          selected={values.themes}
          onSelected={(themes) => onChange({ themes })}
          error={fieldError('profile.themes')}
        />
      )}
    </>
  );
}
