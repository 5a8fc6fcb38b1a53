import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { roomIdOf } from './places';
import { usePresenceStore } from './presence-store';
import { useFairNames } from './use-fair-names';
import { useLiveFair } from './use-live-fair';

/**
 * The way back from a live page that is not a place (my card and contacts) to where the person
 * is: their room when they are in one or at one of its tables, else the lobby. The lobby page
 * would take a seated person away from their table.
 */
export function BackToPlace() {
  const { t } = useTranslation();
  const { detail } = useLiveFair();
  const names = useFairNames(detail.rooms);
  const roomId = usePresenceStore((state) => roomIdOf(state.self?.location));
  const room = roomId ? names.room(roomId) : undefined;
  return (
    <p>
      {roomId && room ? (
        <Link to={paths.liveRoom(detail.fair.id, roomId)}>{t('live.backToRoom', { room })}</Link>
      ) : (
        <Link to={paths.live(detail.fair.id)}>{t('live.backToLobby')}</Link>
      )}
    </p>
  );
}
