import { type RoomOccupancy, lobbyStateOf, publishesAt } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { useJoinStageOnArrival } from '../agenda-live/use-join-stage';
import { StageCall } from '../call/StageCall';
import { TableSuggestions } from '../contacts/TableSuggestions';
import { RoundOptOutToggle } from '../rounds/RoundOptOutToggle';
import { goTo } from './live-session';
import { LobbyRoomCard } from './LobbyRoomCard';
import { usePresenceStore } from './presence-store';
import { useLiveFair } from './use-live-fair';
import { useWishPlace } from './use-wish-place';

/** The live fair's lobby: every theme room with who is there now, and the stage. */
export function LobbyPage() {
  const { t } = useTranslation();
  const { detail } = useLiveFair();
  const { fair, rooms, me } = detail;
  const roomsHeadingId = useId();
  const stageHeadingId = useId();
  const joiningStage = useJoinStageOnArrival();
  useWishPlace(joiningStage ? 'stage' : 'lobby');
  const lobby = usePresenceStore((state) => lobbyStateOf(state.sync));
  const onStage = usePresenceStore((state) => state.self?.location.kind === 'stage');
  const occupancyOf = (roomId: string) => lobby?.rooms.find((room) => room.roomId === roomId);

  return (
    <>
      <PageHeading>{t('live.lobbyTitle', { fair: fair.title })}</PageHeading>
      <p>
        <Link to={paths.fair(fair.id)}>{t('live.fairInfo')}</Link>
      </p>
      <p className="lead">{t('live.lobbyIntro')}</p>
      {!lobby && !onStage && (
        <p role="status" className="muted">
          {t('live.presenceLoading')}
        </p>
      )}
      {onStage && (
        <div className="notice">
          <p>{t('live.onStage')}</p>
          <button type="button" onClick={() => void goTo({ kind: 'lobby' })}>
            {t('live.backToLobby')}
          </button>
        </div>
      )}
      {onStage && <StageCall publishes={publishesAt({ kind: 'stage' }, me.role)} />}

      {me.role === 'participant' && <RoundOptOutToggle fairId={fair.id} />}

      <TableSuggestions fairId={fair.id} />

      <section aria-labelledby={roomsHeadingId}>
        <h2 id={roomsHeadingId}>{t('live.roomsTitle')}</h2>
        {rooms.length === 0 ? (
          <p className="muted">{t('live.noRooms')}</p>
        ) : (
          <ul className="card-list live-grid" aria-labelledby={roomsHeadingId}>
            {rooms.map((room) => (
              <LobbyRoomCard
                key={room.id}
                fairId={fair.id}
                room={room}
                occupancy={lobby ? (occupancyOf(room.id) ?? emptyRoom(room.id)) : null}
                meId={me.id}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={stageHeadingId} className="card">
        <h2 id={stageHeadingId}>{t('live.stage')}</h2>
        {lobby && <p className="count">{t('live.stageCount', { count: lobby.stageCount })}</p>}
        {!onStage && (
          <p className="card-action">
            <button type="button" onClick={() => void goTo({ kind: 'stage' })}>
              {t('live.watchStage')}
            </button>
          </p>
        )}
      </section>
    </>
  );
}

/** A room the lobby state does not list has nobody in it. */
function emptyRoom(roomId: string): RoomOccupancy {
  return { roomId, count: 0, sample: [] };
}
