import { type HelpRequest, roomStateOf } from '@kohtaamo/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { localeOf } from '../../lib/language';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import { useConnectionStore } from '../live/connection-store';
import { PersonName } from '../live/PersonName';
import { usePresenceStore } from '../live/presence-store';
import { useLiveFair } from '../live/use-live-fair';
import { openQueue, resolveHand, useHelpStore } from './help-store';

/**
 * The raised hands of one room, longest waiting first, for its facilitators and the
 * organisers: who, where they are now, their note, and "helped". New hands are announced.
 */
export function HelpQueue({ roomId, meId }: { roomId: string; meId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const queue = useHelpStore((state) => state.queues[roomId]);
  const raised = useHelpStore((state) => state.raised);
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const roomState = usePresenceStore((state) => roomStateOf(state.sync, roomId));
  const { detail } = useLiveFair();
  const [error, setError] = useState<RealtimeErrorCode | null>(null);

  useEffect(() => {
    if (connected) void openQueue(roomId);
  }, [connected, roomId]);

  const tables = detail.rooms.find((room) => room.id === roomId)?.tables ?? [];
  const whereIs = (request: HelpRequest): string | null => {
    if (!roomState) return null;
    const member = roomState?.members.find(({ person }) => person.id === request.person.id);
    if (!member) return t('help.whereUnknown');
    if (!member.tableId) return t('help.whereStanding');
    const table = tables.find(({ id }) => id === member.tableId);
    return table ? t('help.whereTable', { table: table.name }) : t('help.whereStanding');
  };
  const time = new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short' });
  const resolve = async (request: HelpRequest) => {
    const result = await resolveHand(request);
    setError(result.ok || result.error.code === 'NOT_FOUND' ? null : result.error.code);
  };
  const requests = queue?.requests ?? [];

  return (
    <section className="help-queue" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('help.queueTitle', { count: requests.length })}</h2>
      <div role="status" className="visually-hidden">
        {raised?.roomId === roomId && (
          <p key={raised.id}>{t('help.newHand', { name: raised.person.name })}</p>
        )}
      </div>
      {!queue || queue.status === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : queue.status === 'error' ? (
        <p className="alert">{t(`errors.${queue.errorCode ?? 'INTERNAL'}`)}</p>
      ) : requests.length === 0 ? (
        <p className="muted">{t('help.queueEmpty')}</p>
      ) : (
        <ol className="help-requests">
          {requests.map((request) => (
            <li key={request.id} className="card">
              <p>
                <PersonName person={request.person} meId={meId} />
              </p>
              <p className="muted">
                {whereIs(request) && <>{whereIs(request)} · </>}
                <time dateTime={request.raisedAt}>
                  {t('help.raisedAt', { time: time.format(new Date(request.raisedAt)) })}
                </time>
              </p>
              {request.note && <p className="prose">{request.note}</p>}
              <button
                type="button"
                className="primary"
                aria-label={t('help.resolveNamed', { name: request.person.name })}
                onClick={() => void resolve(request)}
              >
                {t('help.resolve')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div role="alert">{error && <p className="alert">{t(`errors.${error}`)}</p>}</div>
    </section>
  );
}
