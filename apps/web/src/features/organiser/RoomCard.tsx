import { pickText, updateRoomBodySchema, type Room } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstControl, useReturnFocus } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { LocalizedFields } from './LocalizedFields';
import { localizedTextOf, localizedValuesOf, type LocalizedValues } from './localized';
import { MANAGE_SECTIONS } from './manage-sections';
import { TablesEditor } from './TablesEditor';
import { useRoomNameLabels } from './use-room-name-labels';

interface RoomCardProps {
  fairId: string;
  room: Room;
  facilitatorNames: readonly string[];
  onChanged: () => void;
}

/**
 * One room, closed to a line with its name and size so a fair of many rooms stays short; opened,
 * it can be renamed or deleted and its tables edited. The browser keeps it open or closed across
 * the reloads after each change, since the element stays mounted.
 */
export function RoomCard({ fairId, room, facilitatorNames, onChanged }: RoomCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [renaming, setRenaming] = useState(false);
  const renameRef = useReturnFocus<HTMLButtonElement>(renaming);
  const deletion = useFormSubmit();
  const name = pickText(room.names, language);
  const seats = room.tables.reduce((sum, table) => sum + table.capacity, 0);
  const size = t('rooms.size', {
    tables: t('rooms.tableCount', { count: room.tables.length }),
    seats: t('rooms.seatCount', { count: seats }),
  });

  const remove = async () => {
    if (await deletion.submit(() => api.deleteRoom(fairId, room.id))) onChanged();
  };

  return (
    <details className="room">
      <summary>
        <span className="room-name">{name}</span> <span className="muted">{size}</span>
      </summary>
      <p>
        {facilitatorNames.length > 0
          ? t('rooms.facilitators', { names: facilitatorNames.join(', ') })
          : t('rooms.noFacilitators')}{' '}
        <a href={`#${MANAGE_SECTIONS.registrations.id}`}>{t('rooms.assignFacilitators')}</a>
      </p>
      {renaming ? (
        <RenameRoomForm
          fairId={fairId}
          room={room}
          name={name}
          onDone={(renamed) => {
            setRenaming(false);
            if (renamed) onChanged();
          }}
        />
      ) : (
        <div className="actions">
          <button
            ref={renameRef}
            type="button"
            aria-label={t('rooms.renameNamed', { name })}
            onClick={() => setRenaming(true)}
          >
            {t('rooms.rename')}
          </button>
          <ConfirmButton
            label={t('rooms.delete')}
            accessibleName={t('rooms.deleteNamed', { name })}
            question={t('rooms.deleteQuestion', { name })}
            confirmLabel={t('common.confirmDelete')}
            onConfirm={() => void remove()}
            disabled={deletion.pending}
          />
        </div>
      )}
      <FormAlert message={deletion.formError} />
      <TablesEditor fairId={fairId} room={room} roomName={name} onChanged={onChanged} />
    </details>
  );
}

interface RenameRoomFormProps {
  fairId: string;
  room: Room;
  name: string;
  onDone: (renamed: boolean) => void;
}

function RenameRoomForm({ fairId, room, name, onDone }: RenameRoomFormProps) {
  const { t } = useTranslation();
  const labels = useRoomNameLabels();
  const [names, setNames] = useState<LocalizedValues>(() => localizedValuesOf(room.names));
  const { pending, formError, fieldError, submit } = useFormSubmit();
  const formRef = useFocusFirstControl<HTMLFormElement>();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const renamed = await submit(() =>
      api.updateRoom(
        fairId,
        room.id,
        checkBody(updateRoomBodySchema, { names: localizedTextOf(names) }),
      ),
    );
    if (renamed) onDone(true);
  };

  return (
    <form
      ref={formRef}
      className="form subform"
      noValidate
      aria-label={t('rooms.renameNamed', { name })}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <LocalizedFields
        labels={labels}
        values={names}
        onChange={setNames}
        error={fieldError('names')}
        maxLength={300}
      />
      <FormAlert message={formError} />
      <FormActions
        submitLabel={t('common.save')}
        pending={pending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
