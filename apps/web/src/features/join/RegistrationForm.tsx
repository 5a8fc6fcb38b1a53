import { registerBodySchema, type InvitePreviewResponse } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody, type IssueKeysByField } from '../../lib/errors';
import { paths } from '../../lib/navigation';
import { FormAlert } from '../../ui/FormAlert';
import { DataConsent } from './DataConsent';
import { ProfileFields } from './ProfileFields';
import {
  PROFILE_ISSUES,
  emptyProfileForm,
  profileOf,
  type ProfileFormValues,
} from './profile-form';

const REGISTRATION_ISSUES: IssueKeysByField = { ...PROFILE_ISSUES, consent: 'issues.consent' };

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
  const [consent, setConsent] = useState(false);
  const { pending, formError, fieldError, submit } = useFormSubmit(REGISTRATION_ISSUES);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const body = checkBody(registerBodySchema, { profile: profileOf(values), consent });
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
        <DataConsent checked={consent} onChecked={setConsent} error={fieldError('consent')} />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('join.submit')}
        </button>
      </form>
    </section>
  );
}
