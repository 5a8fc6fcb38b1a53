import type { RoomMember } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableView } from '../live/room-view';
import { RoomRoundControl } from '../agenda-live';
import { HelpQueue } from '../help/HelpQueue';
import { BroadcastForm } from './BroadcastForm';
import { peopleInTableOrder } from './moderation-rights';
import { PersonModeration } from './PersonModeration';
import { TableRules } from './TableRules';
import './moderation.css';

interface FacilitatorPanelProps {
  roomId: string;
  tables: readonly TableView[];
  members: readonly RoomMember[];
  meId: string;
}

/**
 * The room's moderation tools, for the organisers and the room's facilitators (the room page
 * decides; the server checks every action again): people, tables, a message to the room.
 */
export function FacilitatorPanel({ roomId, tables, members, meId }: FacilitatorPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const peopleHeadingId = useId();
  const broadcastHeadingId = useId();
  const tableNames = new Map(tables.map((table) => [table.id, table.name]));
  const people = peopleInTableOrder(members, tables);

  return (
    <section aria-labelledby={headingId} className="facilitator-panel">
      <h2 id={headingId}>{t('facilitator.title')}</h2>
      <p className="hint">{t('facilitator.hint')}</p>
      <RoomRoundControl roomId={roomId} />
      <HelpQueue roomId={roomId} meId={meId} />

      <section aria-labelledby={peopleHeadingId}>
        <h3 id={peopleHeadingId}>{t('facilitator.peopleTitle')}</h3>
        {people.length === 0 ? (
          <p className="muted">{t('facilitator.nobody')}</p>
        ) : (
          <ul className="plain-list moderation-people" aria-labelledby={peopleHeadingId}>
            {people.map((member) => (
              <li key={member.person.id}>
                <PersonModeration
                  member={member}
                  tableName={member.tableId ? tableNames.get(member.tableId) : undefined}
                  tables={tables}
                  meId={meId}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <TableRules tables={tables} />

      <section aria-labelledby={broadcastHeadingId}>
        <h3 id={broadcastHeadingId}>{t('facilitator.broadcastTitle')}</h3>
        <BroadcastForm roomId={roomId} />
      </section>
    </section>
  );
}
