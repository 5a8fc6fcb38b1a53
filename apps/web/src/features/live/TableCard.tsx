import type { Destination } from '@kohtaamo/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goTo } from './live-session';
import { PersonName } from './PersonName';
import { tableActionFor, type TableView } from './room-view';

interface TableCardProps {
  roomId: string;
  table: TableView;
  /** The table this person sits at, if any. */
  myTableId: string | null;
  meId: string;
}

/** A table in a room: its rules, who sits there, the free seats and the one action it offers. */
export function TableCard({ roomId, table, myTableId, meId }: TableCardProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const { action, allowed } = tableActionFor(table, myTableId);
  const mine = myTableId === table.id;

  const act = async () => {
    // Leaving a table is going to its room; sitting and moving are going to the table.
    const to: Destination =
      action === 'leave' ? { kind: 'room', roomId } : { kind: 'table', tableId: table.id };
    setPending(true);
    try {
      await goTo(to, { kind: 'done', action, roomId, tableId: table.id });
    } finally {
      setPending(false);
    }
  };

  const label = { sit: 'liveRoom.sit', move: 'liveRoom.move', leave: 'liveRoom.leave' } as const;
  const named = {
    sit: 'liveRoom.sitNamed',
    move: 'liveRoom.moveNamed',
    leave: 'liveRoom.leaveNamed',
  } as const;

  return (
    <li className={mine ? 'card live-card mine' : 'card live-card'}>
      <h3>{table.name}</h3>
      <p className="badges">
        {table.closed && <span className="badge">{t('liveRoom.closed')}</span>}
        {table.locked && <span className="badge">{t('liveRoom.locked')}</span>}
        {!table.closed && table.free === 0 && <span className="badge">{t('liveRoom.full')}</span>}
        <span className="count">
          {t('liveRoom.seatsFree', { free: table.free, capacity: table.capacity })}
        </span>
      </p>
      {mine && <p className="you-here">{t('liveRoom.youSitHere')}</p>}
      {table.seated.length === 0 ? (
        <p className="muted">{t('liveRoom.emptyTable')}</p>
      ) : (
        <ul className="people-list" aria-label={t('liveRoom.seatedAt', { table: table.name })}>
          {table.seated.map((person) => (
            <li key={person.id}>
              <PersonName person={person} meId={meId} />
            </li>
          ))}
        </ul>
      )}
      <p className="card-action">
        <button
          type="button"
          className={action === 'leave' ? undefined : 'primary'}
          aria-label={t(named[action], { table: table.name })}
          disabled={!allowed || pending}
          onClick={() => void act()}
        >
          {t(label[action])}
        </button>
      </p>
    </li>
  );
}
