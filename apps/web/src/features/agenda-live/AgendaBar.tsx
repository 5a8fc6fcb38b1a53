import { type LiveAgendaItem, pickText } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { localeOf } from '../../lib/language';
import { paths } from '../../lib/navigation';
import { usePresenceStore } from '../live/presence-store';
import { formatCountdown, isLastMinute, offersStage } from './countdown';
import { JOIN_STAGE_STATE } from './use-join-stage';
import { useAgendaView } from './use-agenda-view';

/**
 * Above every live page (lobby, rooms, tables, stage): what is on now with its countdown, what
 * comes next, and the round of the room one is in. The countdowns are timers, not live regions:
 * the announcements (cues) are what screen readers hear.
 */
export function AgendaBar({ fairId, timeZone }: { fairId: string; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const live = useAgendaView();
  const onStage = usePresenceStore((state) => state.self?.location.kind === 'stage');
  if (!live) return null;
  const { agenda, current, next, roomRound, currentLeftMs, roomRoundLeftMs } = live;
  const title = (item: LiveAgendaItem) => pickText(item.title, language);
  const clock = new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', timeZone });

  if (agenda.phase === 'ended') {
    return (
      <section className="agenda-bar" aria-label={t('agendaLive.barLabel')}>
        <p>{t('agendaLive.ended')}</p>
      </section>
    );
  }
  return (
    <section className="agenda-bar" aria-label={t('agendaLive.barLabel')}>
      {agenda.phase === 'paused' && <p className="agenda-paused">{t('agendaLive.paused')}</p>}
      {agenda.phase === 'before' && <p>{t('agendaLive.before')}</p>}
      {current && currentLeftMs !== null ? (
        <p>
          {t('agendaLive.now', { title: title(current) })}{' '}
          <Countdown leftMs={currentLeftMs} label={t('agendaLive.timeLeft')} />
        </p>
      ) : (
        agenda.phase === 'running' && <p>{t('agendaLive.nothingNow')}</p>
      )}
      {roomRound && roomRoundLeftMs !== null && (
        <p>
          {t('agendaLive.roomRound')}{' '}
          <Countdown leftMs={roomRoundLeftMs} label={t('agendaLive.timeLeft')} />
        </p>
      )}
      {next && (
        <p>
          {t('agendaLive.next', {
            title: title(next),
            time: clock.format(Date.parse(next.startsAt)),
          })}
        </p>
      )}
      {!onStage && offersStage(live, live.fairNowMs) && (
        <p>
          <button
            type="button"
            onClick={() => void navigate(paths.live(fairId), { state: JOIN_STAGE_STATE })}
          >
            {t('agendaLive.joinStage')}
          </button>
        </p>
      )}
    </section>
  );
}

function Countdown({ leftMs, label }: { leftMs: number; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span role="timer" aria-label={label} className="agenda-countdown">
        {formatCountdown(leftMs)}
      </span>
      {isLastMinute(leftMs) && (
        <strong className="agenda-warning"> {t('agendaLive.oneMinuteLeft')}</strong>
      )}
    </>
  );
}
