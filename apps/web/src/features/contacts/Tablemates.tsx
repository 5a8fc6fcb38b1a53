import { roomStateOf } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePresenceStore } from '../live/presence-store';
import { AskCardButton } from './AskCardButton';
import { exchangeStateOf } from './exchanges';
import { useExchangeKnowledge } from './use-contacts';

/** Who sits at my table right now, with a way to ask each for their card before we part. */
export function Tablemates({ meId }: { meId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const knowledge = useExchangeKnowledge();
  const people = usePresenceStore(
    useShallow((store) => {
      const location = store.self?.location;
      if (location?.kind !== 'table') return [];
      const room = roomStateOf(store.sync, location.roomId);
      return (room?.members ?? [])
        .filter((member) => member.tableId === location.tableId && member.person.id !== meId)
        .map((member) => member.person);
    }),
  );
  if (people.length === 0) return null;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tablemates.title')}</h2>
      <ul className="card-list live-grid" aria-labelledby={headingId}>
        {people.map((person) => (
          <li key={person.id} className="card live-card">
            <h3>{person.name}</h3>
            {person.organisation && <p>{person.organisation}</p>}
            <AskCardButton person={person} state={exchangeStateOf(person.id, knowledge)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
