import { roomBodySchema, type FairPerson, type Room } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { FormAlert } from '../../ui/FormAlert';
import { LocalizedFields } from './LocalizedFields';
import { EMPTY_LOCALIZED, localizedTextOf, type LocalizedValues } from './localized';
import { MANAGE_SECTIONS } from './manage-sections';
import { RoomCard } from './RoomCard';
import { useRoomNameLabels } from './use-room-name-labels';

interface RoomsSectionProps {
  fairId: string;
  rooms: readonly Room[];
  /** The fair's staff, to name each room's facilitators. */
  staff: readonly FairPerson[];
  onChanged: () => void;
}

/** The fair's themed rooms and their tables. */
export function RoomsSection({ fairId, rooms, staff, onChanged }: RoomsSectionProps) {
  const { t } = useTranslation();
  const nameOf = new Map(staff.map((person) => [person.registrationId, person.displayName]));
  const headingId = MANAGE_SECTIONS.rooms.id;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('rooms.title')}</h2>
      {rooms.length === 0 ? (
        <p className="muted">{t('rooms.empty')}</p>
      ) : (
        <ul className="card-list" aria-labelledby={headingId}>
          {rooms.map((room) => (
            <li key={room.id} className="card">
              <RoomCard
                fairId={fairId}
                room={room}
                facilitatorNames={room.facilitatorIds.flatMap((id) => nameOf.get(id) ?? [])}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ul>
      )}
      <AddRoomForm fairId={fairId} onAdded={onChanged} />
    </section>
  );
}

function AddRoomForm({ fairId, onAdded }: { fairId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const labels = useRoomNameLabels();
  const [names, setNames] = useState<LocalizedValues>(EMPTY_LOCALIZED);
  const { pending, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await submit(() =>
      api.createRoom(fairId, checkBody(roomBodySchema, { names: localizedTextOf(names) })),
    );
    if (added) {
      setNames(EMPTY_LOCALIZED);
      onAdded();
    }
  };

  return (
    <form
      className="form subform"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id={headingId}>{t('rooms.addTitle')}</h3>
      <LocalizedFields
        labels={labels}
        values={names}
        onChange={setNames}
        error={fieldError('names')}
        maxLength={300}
      />
      <FormAlert message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {t('rooms.add')}
      </button>
    </form>
  );
}
