import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { sendRoomRound } from './agenda-live-store';
import { formatCountdown } from './countdown';
import { MinutesField } from './MinutesField';
import { useAgendaView } from './use-agenda-view';

const DEFAULT_ROUND_MINUTES = 15;

/**
 * A timed round in one room, for the facilitator panel (the room's facilitators and organisers;
 * the server checks). Everyone in the room sees its countdown and hears its start, last minute
 * and end. Must be rendered inside the live layout.
 */
export function RoomRoundControl({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const live = useAgendaView(roomId);
  const [minutes, setMinutes] = useState(DEFAULT_ROUND_MINUTES);
  const [busy, setBusy] = useState(false);
  if (!live || live.agenda.phase === 'ended') return null;

  async function send(action: 'start' | 'end') {
    setBusy(true);
    await sendRoomRound(action === 'start' ? { action, roomId, minutes } : { action, roomId });
    setBusy(false);
  }

  return (
    <section aria-labelledby={headingId} className="room-round-control">
      <h3 id={headingId}>{t('agendaLive.roomRoundControl.heading')}</h3>
      {live.roomRoundLeftMs !== null ? (
        <p>
          {t('agendaLive.roomRoundControl.running', {
            time: formatCountdown(live.roomRoundLeftMs),
          })}{' '}
          <ConfirmButton
            label={t('agendaLive.roomRoundControl.end')}
            question={t('agendaLive.roomRoundControl.endQuestion')}
            confirmLabel={t('agendaLive.roomRoundControl.endConfirm')}
            disabled={busy}
            onConfirm={() => void send('end')}
          />
        </p>
      ) : (
        <p>
          <MinutesField
            label={t('agendaLive.roomRoundControl.minutes')}
            value={minutes}
            onChange={setMinutes}
          />{' '}
          <button type="button" disabled={busy} onClick={() => void send('start')}>
            {t('agendaLive.roomRoundControl.start')}
          </button>
        </p>
      )}
    </section>
  );
}
