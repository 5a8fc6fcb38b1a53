import type { MediaPlace } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../lib/media/use-call';
import { CallControls } from './CallControls';
import { callStatusText } from './call-text';
import { ScreenTile, VideoTile } from './VideoTile';
import './call.css';

interface CallViewProps {
  place: MediaPlace;
  title: string;
  /** Whether this person sends sound and video here (everyone at a table; speakers on stage). */
  publishes: boolean;
  /** What to say while nobody else is in the call. */
  emptyText: string;
}

/** A call: its state (announced), a grid of everyone in it, and the controls. */
export function CallView({ place, title, publishes, emptyText }: CallViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const call = useCall(place);
  const { status, participants, controls } = call;
  const statusText = callStatusText(status, t);
  const inCall = status.kind === 'connected' || status.kind === 'reconnecting';
  const others = participants.filter((participant) => !participant.isLocal);
  const failed = status.kind === 'failed';

  return (
    <section className="call" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {/* Always rendered, so screen readers announce every change of the call's state. */}
      <div role="status" aria-live="polite">
        {!failed && (
          <p className={status.kind === 'reconnecting' ? 'notice' : 'muted'}>{statusText}</p>
        )}
      </div>
      <div role="alert">{failed && <p className="alert">{statusText}</p>}</div>
      {(failed || status.kind === 'idle') && (
        <p>
          <button type="button" className="primary" onClick={call.join}>
            {failed ? t('call.retry') : t('call.join')}
          </button>
        </p>
      )}
      {inCall && (
        <>
          <ul className="call-grid" aria-label={t('call.participants')}>
            {participants.map((participant) => (
              <ScreenTile key={`${participant.id}-screen`} participant={participant} />
            ))}
            {participants.map((participant) => (
              <VideoTile key={participant.id} participant={participant} />
            ))}
          </ul>
          {others.length === 0 && <p className="muted">{emptyText}</p>}
          <CallControls controls={controls} actions={call} publishes={publishes} />
        </>
      )}
    </section>
  );
}
