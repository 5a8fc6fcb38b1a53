import { type AgendaCue, type Language, pickText } from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { currentLanguage } from '../../lib/i18n';
import type { FairNames } from '../live/fair-names';
import { minutesBetween } from './countdown';

/** The sentence a cue is announced with ("…starts in 2 minutes — join the stage"). */
export function agendaCueText(
  cue: AgendaCue,
  names: FairNames,
  t: TFunction,
  language: Language = currentLanguage(i18next.language),
): string {
  const title = cue.item ? pickText(cue.item.title, language) : '';
  const place = cue.item?.place;
  const room = place?.kind === 'room' ? (names.room(place.roomId) ?? '') : '';
  const roomRound = cue.roomId !== undefined;
  switch (cue.kind) {
    case 'speech.soon': {
      const count = minutesBetween(cue.at, cue.item?.startsAt ?? cue.at);
      return room
        ? t('agendaLive.cue.speechSoonRoom', { title, room, count })
        : t('agendaLive.cue.speechSoonStage', { title, count });
    }
    case 'speech.started':
      return room
        ? t('agendaLive.cue.speechStartedRoom', { title, room })
        : t('agendaLive.cue.speechStartedStage', { title });
    case 'round.started':
      return roomRound
        ? t('agendaLive.cue.roomRoundStarted', {
            count: minutesBetween(cue.at, cue.endsAt ?? cue.at),
          })
        : t('agendaLive.cue.roundStarted', { title });
    case 'round.oneMinute':
      return roomRound
        ? t('agendaLive.cue.roomRoundOneMinute')
        : t('agendaLive.cue.roundOneMinute', { title });
    case 'round.ended':
      return roomRound
        ? t('agendaLive.cue.roomRoundEnded')
        : t('agendaLive.cue.roundEnded', { title });
    case 'fair.ended':
      return t('agendaLive.cue.fairEnded');
  }
}
