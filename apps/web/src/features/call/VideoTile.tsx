import { useTranslation } from 'react-i18next';
import type { CallParticipant } from '../../lib/media/call-state';
import { TrackAudio, TrackVideo } from './TrackVideo';

/** One person in the call grid: their camera (or initials), their name, whether they speak. */
export function VideoTile({ participant }: { participant: CallParticipant }) {
  const { t } = useTranslation();
  const { id, name, isLocal, camera, audio, speaking } = participant;
  const shownName = isLocal ? `${name} ${t('live.you')}` : name;
  return (
    <li className={speaking ? 'call-tile speaking' : 'call-tile'}>
      {camera ? (
        <TrackVideo
          track={camera}
          mirrored={isLocal}
          personId={id}
          source="camera"
          label={t('call.videoOf', { name })}
        />
      ) : (
        <div className="call-placeholder" aria-hidden="true">
          {initialsOf(name)}
        </div>
      )}
      {!isLocal && audio && <TrackAudio track={audio} />}
      <p className="call-name">
        <span>{shownName}</span>
        {!camera && <span className="call-sr-only">{t('call.noVideo')}</span>}
        {speaking && (
          <span className="call-speaking">
            <span aria-hidden="true">●</span> {t('call.speaking')}
          </span>
        )}
      </p>
    </li>
  );
}

/** A shared screen gets a tile of its own, wider than the faces. */
export function ScreenTile({ participant }: { participant: CallParticipant }) {
  const { t } = useTranslation();
  if (!participant.screen) return null;
  return (
    <li className="call-tile screen">
      <TrackVideo
        track={participant.screen}
        personId={participant.id}
        source="screen"
        label={t('call.screenOf', { name: participant.name })}
      />
      <p className="call-name">{t('call.screenOf', { name: participant.name })}</p>
    </li>
  );
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
