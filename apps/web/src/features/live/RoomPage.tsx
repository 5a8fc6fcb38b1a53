import { pickText, type Room, roomStateOf } from '@kohtaamo/protocol';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { TableCall } from '../call/TableCall';
import { ChatPanel } from '../chat/ChatPanel';
import { TableSuggestions } from '../contacts/TableSuggestions';
import { RaiseHand } from '../help/RaiseHand';
import { FacilitatorPanel } from '../moderation/FacilitatorPanel';
import { mayModerateRoom } from '../moderation/moderation-rights';
import { PersonName } from './PersonName';
import { tableIdOf } from './places';
import { usePresenceStore } from './presence-store';
import { standingPeople, tableViews, unknownTableIds } from './room-view';
import { TableCard } from './TableCard';
import { useLiveFair } from './use-live-fair';
import { useWishPlace } from './use-wish-place';

/** `/fairs/:fairId/live/rooms/:roomId`: a theme room's tables and who is where. */
export function RoomPage() {
  const { t } = useTranslation();
  const { roomId = '' } = useParams();
  const { detail } = useLiveFair();
  const room = detail.rooms.find((candidate) => candidate.id === roomId);
  if (!room) {
    return (
      <>
        <PageHeading>{t('notFound.title')}</PageHeading>
        <p>{t('liveRoom.notFound')}</p>
        <p>
          <Link to={paths.live(detail.fair.id)}>{t('live.backToLobby')}</Link>
        </p>
      </>
    );
  }
  return <RoomView fairId={detail.fair.id} room={room} meId={detail.me.id} />;
}

function RoomView({ fairId, room, meId }: { fairId: string; room: Room; meId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { detail, reload } = useLiveFair();
  const moderates = mayModerateRoom(detail.me, room);
  const tablesHeadingId = useId();
  const standingHeadingId = useId();
  useWishPlace({ roomId: room.id });
  const state = usePresenceStore((store) => roomStateOf(store.sync, room.id));
  const myTableId = usePresenceStore((store) => tableIdOf(store.self?.location));
  const tables = tableViews(room.tables, state);
  const standing = standingPeople(state);
  const description = pickText(room.description, language);
  const myTable = tables.find((table) => table.id === myTableId);
  const roomName = pickText(room.names, language);
  const chatChannels = [
    ...(myTable
      ? [
          {
            channel: { kind: 'table', tableId: myTable.id } as const,
            label: t('chat.tableChannel', { table: myTable.name }),
          },
        ]
      : []),
    {
      channel: { kind: 'room', roomId: room.id } as const,
      label: t('chat.roomChannel', { room: roomName }),
    },
  ];

  // A table added during the fair has no name here yet: load the fair again, once per set of
  // such tables, so a table the REST answer still lacks cannot cause a loop.
  const unknownKey = unknownTableIds(room.tables, state).join(',');
  const reloadedFor = useRef('');
  useEffect(() => {
    if (!unknownKey || reloadedFor.current === unknownKey) return;
    reloadedFor.current = unknownKey;
    reload();
  }, [unknownKey, reload]);

  return (
    <>
      <PageHeading>{roomName}</PageHeading>
      <p>
        <Link to={paths.live(fairId)}>{t('live.backToLobby')}</Link>
      </p>
      {description && <p className="prose">{description}</p>}
      {!state && (
        <p role="status" className="muted">
          {t('live.presenceLoading')}
        </p>
      )}
      {myTable && <TableCall key={myTable.id} tableId={myTable.id} tableName={myTable.name} />}
      {!moderates && <RaiseHand meId={meId} />}
      <ChatPanel channels={chatChannels} meId={meId} moderator={moderates} />

      <section aria-labelledby={tablesHeadingId}>
        <h2 id={tablesHeadingId}>{t('liveRoom.tablesTitle')}</h2>
        {tables.length === 0 ? (
          <p className="muted">{t('liveRoom.noTables')}</p>
        ) : (
          <ul className="card-list live-grid" aria-labelledby={tablesHeadingId}>
            {tables.map((table) => (
              <TableCard
                key={table.id}
                roomId={room.id}
                table={table}
                myTableId={myTableId}
                meId={meId}
              />
            ))}
          </ul>
        )}
      </section>

      <TableSuggestions fairId={fairId} />

      <section aria-labelledby={standingHeadingId}>
        <h2 id={standingHeadingId}>{t('liveRoom.standingTitle')}</h2>
        {standing.length === 0 ? (
          <p className="muted">{t('liveRoom.nobodyStanding')}</p>
        ) : (
          <ul className="people-list" aria-labelledby={standingHeadingId}>
            {standing.map((person) => (
              <li key={person.id}>
                <PersonName person={person} meId={meId} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {moderates && (
        <FacilitatorPanel
          roomId={room.id}
          tables={tables}
          members={state?.members ?? []}
          meId={meId}
        />
      )}
    </>
  );
}
