import { pickText, type Room, type RoomOccupancy } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { paths } from '../../lib/navigation';
import { PersonName } from './PersonName';

interface LobbyRoomCardProps {
  fairId: string;
  room: Room;
  /** Null while the lobby's presence is not known (loading, or the person is on the stage). */
  occupancy: RoomOccupancy | null;
  meId: string;
}

/** A theme room in the lobby: how many are there, the first few of them, and the way in. */
export function LobbyRoomCard({ fairId, room, occupancy, meId }: LobbyRoomCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickText(room.names, language);
  const others = occupancy ? occupancy.count - occupancy.sample.length : 0;

  return (
    <li className="card live-card">
      <h3>{name}</h3>
      {!occupancy ? null : occupancy.count === 0 ? (
        <p className="muted">{t('live.nobodyHere')}</p>
      ) : (
        <>
          <p className="count">{t('live.peopleHere', { count: occupancy.count })}</p>
          <ul className="people-list" aria-label={t('live.peopleIn', { room: name })}>
            {occupancy.sample.map((person) => (
              <li key={person.id}>
                <PersonName person={person} meId={meId} />
              </li>
            ))}
          </ul>
          {others > 0 && <p className="muted">{t('live.andOthers', { count: others })}</p>}
        </>
      )}
      <p className="card-action">
        <Link className="button-link" to={paths.liveRoom(fairId, room.id)}>
          {t('live.goToRoom', { room: name })}
        </Link>
      </p>
    </li>
  );
}
