import { HELP_NOTE_MAX_CHARS } from '@kohtaamo/protocol';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RealtimeErrorCode, RealtimeResult } from '../../lib/realtime/result';
import { useConnectionStore } from '../live/connection-store';
import { loadMine, lowerHand, raiseHand, useHelpStore } from './help-store';

/** "Raise a hand": asks the room's facilitators for help, with an optional note. */
export function RaiseHand({ meId }: { meId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const noteId = useId();
  const mine = useHelpStore((state) => state.mine);
  const answered = useHelpStore((state) => state.answered);
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RealtimeErrorCode | null>(null);

  useEffect(() => {
    if (connected) void loadMine(meId);
  }, [connected, meId]);

  const act = async (action: () => Promise<RealtimeResult<unknown>>) => {
    setPending(true);
    const result = await action();
    setPending(false);
    setError(result.ok ? null : result.error.code);
    return result.ok;
  };
  const onRaise = async (event: FormEvent) => {
    event.preventDefault();
    if (await act(() => raiseHand(note.trim()))) setNote('');
  };

  return (
    <section className="raise-hand" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('help.title')}</h2>
      <div role="status">
        {mine ? (
          <p className="notice">{t('help.raised')}</p>
        ) : (
          answered?.by && <p className="notice">{t('help.answered', { name: answered.by.name })}</p>
        )}
      </div>
      {mine ? (
        <>
          {mine.note && <p className="prose">{t('help.yourNote', { note: mine.note })}</p>}
          <button type="button" disabled={pending} onClick={() => void act(lowerHand)}>
            {t('help.lower')}
          </button>
        </>
      ) : (
        <form className="form raise-hand-form" onSubmit={(event) => void onRaise(event)}>
          <div className="field">
            <label htmlFor={noteId}>{t('help.noteLabel')}</label>
            <input
              id={noteId}
              type="text"
              maxLength={HELP_NOTE_MAX_CHARS}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <p>
            <button type="submit" className="primary" disabled={pending}>
              {t('help.raise')}
            </button>
          </p>
        </form>
      )}
      <div role="alert">{error && <p className="alert">{t(`errors.${error}`)}</p>}</div>
    </section>
  );
}
