import { updateProfileBodySchema, type Profile, type Room } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstControl } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { ProfileFields } from '../join/ProfileFields';
import {
  PROFILE_ISSUES,
  profileFormOf,
  profileOf,
  type ProfileFormValues,
} from '../join/profile-form';

interface ProfileEditFormProps {
  fairId: string;
  profile: Profile;
  rooms: readonly Room[];
  /** Called with whether the profile was saved (false when cancelled). */
  onDone: (saved: boolean) => void;
}

/** The registration form's fields, filled in with the stored profile, saved in place. */
export function ProfileEditForm({ fairId, profile, rooms, onDone }: ProfileEditFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState<ProfileFormValues>(() => profileFormOf(profile));
  const { pending, formError, fieldError, submit } = useFormSubmit(PROFILE_ISSUES);
  const formRef = useFocusFirstControl<HTMLFormElement>(() => onDone(false));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit(() =>
      api.updateMyRegistration(
        fairId,
        checkBody(updateProfileBodySchema, { profile: profileOf(values) }),
      ),
    );
    if (saved) onDone(true);
  };

  return (
    <form
      ref={formRef}
      className="form subform"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id={headingId}>{t('myProfile.editTitle')}</h3>
      <ProfileFields
        values={values}
        onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
        rooms={rooms}
        fieldError={fieldError}
      />
      <FormAlert message={formError} />
      <FormActions
        submitLabel={t('common.saveChanges')}
        pending={pending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
