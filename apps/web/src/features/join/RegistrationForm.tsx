import { registerBodySchema, type InvitePreviewResponse } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { paths } from '../../lib/navigation';
import { FormAlert } from '../../ui/FormAlert';
import { ProfileFields } from './ProfileFields';
import {
  PROFILE_ISSUES,
  emptyProfileForm,
  profileOf,
  type ProfileFormValues,
} from './profile-form';

interface RegistrationFormProps {
  code: string;
  preview: InvitePreviewResponse;
  displayName: string;
}

export function RegistrationForm({ code, preview, displayName }: RegistrationFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const [values, setValues] = useState<ProfileFormValues>(() => emptyProfileForm(displayName));
  const { pending, formError, fieldError, submit } = useFormSubmit(PROFILE_ISSUES);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const body = checkBody(registerBodySchema, { profile: profileOf(values) });
      const registration = await api.registerWithInvite(code, body);
      await navigate(paths.fair(registration.fairId));
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('join.formTitle')}</h2>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <ProfileFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          rooms={preview.rooms}
          fieldError={fieldError}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('join.submit')}
        </button>
      </form>
    </section>
  );
}
