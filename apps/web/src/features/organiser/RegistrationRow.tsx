import {
  ROLES,
  assignRoleBodySchema,
  pickText,
  type Registration,
  type Role,
  type Room,
} from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { CheckboxGroup, Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';

interface RegistrationRowProps {
  fairId: string;
  registration: Registration;
  rooms: readonly Room[];
  onChanged: () => void;
}

/** One person: who they are, and a form for their role (and rooms, for a facilitator). */
export function RegistrationRow({ fairId, registration, rooms, onChanged }: RegistrationRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { profile } = registration;
  const [role, setRole] = useState<Role>(registration.role);
  const [roomIds, setRoomIds] = useState(registration.facilitatorRoomIds);
  // The stored role can change from elsewhere (naming someone an item's speaker makes them a
  // speaker); the form follows the stored one whenever it changes.
  const [storedRole, setStoredRole] = useState(registration.role);
  if (registration.role !== storedRole) {
    setStoredRole(registration.role);
    setRole(registration.role);
  }
  const { pending, succeeded, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { role, facilitatorRoomIds: role === 'facilitator' ? roomIds : [] };
    const saved = await submit(() =>
      api.assignRole(fairId, registration.id, checkBody(assignRoleBodySchema, body)),
    );
    if (saved) onChanged();
  };

  return (
    <>
      <h3>{profile.displayName}</h3>
      <p>
        {profile.title ? `${profile.title}, ` : ''}
        {profile.organisation}{' '}
        <span className="muted">({t(`organisationTypes.${profile.organisationType}`)})</span>
      </p>
      <form
        className="form subform"
        noValidate
        aria-label={t('registrations.roleOf', { name: profile.displayName })}
        onSubmit={(event) => void handleSubmit(event)}
      >
        <Field label={t('registrations.role')} error={fieldError('role')}>
          {(control) => (
            <select
              {...control}
              value={role}
              onChange={(e) => {
                const next = ROLES.find((option) => option === e.target.value);
                if (next) setRole(next);
              }}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === 'facilitator' &&
          (rooms.length === 0 ? (
            <p className="muted">{t('registrations.noRooms')}</p>
          ) : (
            <CheckboxGroup
              legend={t('registrations.facilitatorRooms')}
              options={rooms.map((room) => ({
                value: room.id,
                label: pickText(room.names, language),
              }))}
              selected={roomIds}
              onSelected={setRoomIds}
              error={fieldError('facilitatorRoomIds')}
            />
          ))}
        <FormAlert message={formError} />
        <button type="submit" disabled={pending}>
          {t('registrations.saveRole')}
        </button>
        <FormStatus message={succeeded ? t('common.saved') : undefined} />
      </form>
    </>
  );
}
