import {
  pickText,
  type AgendaItem,
  type FairDetailResponse,
  type Registration,
} from '@kohtaamo/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import type { Resource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FormAlert } from '../../ui/FormAlert';
import { AgendaItemSummary } from '../fair/AgendaItemSummary';
import { AgendaList } from '../fair/AgendaList';
import { RoundSeatingSection } from '../rounds/RoundSeatingEditor';
import { staffNames } from '../fair/people';
import { AgendaItemForm } from './AgendaItemForm';
import { agendaFormOf, newAgendaForm, nextStart } from './agenda-form';
import { MANAGE_SECTIONS } from './manage-sections';

interface AgendaManagerProps {
  detail: FairDetailResponse;
  registrations: Resource<Registration[]>;
  onChanged: () => void;
}

/** The fair's programme, in order of start: add, edit and delete items. */
export function AgendaManager({ detail, registrations, onChanged }: AgendaManagerProps) {
  const { t } = useTranslation();
  const headingId = MANAGE_SECTIONS.agenda.id;
  const { fair, rooms, agenda } = detail;
  const namesById = staffNames(detail.staff);
  if (registrations.status === 'ready') {
    for (const { id, profile } of registrations.data) namesById.set(id, profile.displayName);
  }
  const shared = { timeZone: fair.timeZone, rooms, registrations };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agenda.title')}</h2>
      <AgendaList
        agenda={agenda}
        timeZone={fair.timeZone}
        renderItem={(item) => (
          <ManagedAgendaItem
            item={item}
            detail={detail}
            registrations={registrations}
            namesById={namesById}
            onChanged={onChanged}
          />
        )}
      />
      <AgendaItemForm
        mode="add"
        {...shared}
        initial={newAgendaForm(nextStart(agenda, fair.startsAt), fair.timeZone)}
        save={async (body) => {
          await api.createAgendaItem(fair.id, body);
          onChanged();
        }}
      />
    </section>
  );
}

interface ManagedAgendaItemProps {
  item: AgendaItem;
  detail: FairDetailResponse;
  registrations: Resource<Registration[]>;
  namesById: ReadonlyMap<string, string>;
  onChanged: () => void;
}

function ManagedAgendaItem(props: ManagedAgendaItemProps) {
  const { item, detail, registrations, namesById, onChanged } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const editRef = useReturnFocus<HTMLButtonElement>(editing);
  const deletion = useFormSubmit();
  const { fair, rooms } = detail;
  const title = pickText(item.title, language);

  if (editing) {
    return (
      <AgendaItemForm
        mode="edit"
        timeZone={fair.timeZone}
        rooms={rooms}
        registrations={registrations}
        initial={agendaFormOf(item, fair.timeZone)}
        save={async (body) => {
          await api.updateAgendaItem(fair.id, item.id, body);
          onChanged();
        }}
        onClose={() => setEditing(false)}
      />
    );
  }

  const remove = async () => {
    if (await deletion.submit(() => api.deleteAgendaItem(fair.id, item.id))) onChanged();
  };
  return (
    <>
      <AgendaItemSummary item={item} timeZone={fair.timeZone} rooms={rooms} namesById={namesById} />
      <div className="actions">
        <button
          ref={editRef}
          type="button"
          aria-label={t('agenda.editNamed', { title })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
        <ConfirmButton
          label={t('common.delete')}
          accessibleName={t('agenda.deleteNamed', { title })}
          question={t('agenda.deleteQuestion', { title })}
          confirmLabel={t('common.confirmDelete')}
          onConfirm={() => void remove()}
          disabled={deletion.pending}
        />
      </div>
      <FormAlert message={deletion.formError} />
      {item.kind === 'networking_round' && (
        <RoundSeatingSection
          fairId={fair.id}
          item={item}
          rooms={rooms}
          registrations={registrations}
        />
      )}
    </>
  );
}
