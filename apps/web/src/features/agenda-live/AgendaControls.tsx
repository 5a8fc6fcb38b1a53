import { type AgendaControl, pickText } from '@kohtaamo/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { sendAgendaControl } from './agenda-live-store';
import { MinutesField } from './MinutesField';
import { useAgendaView } from './use-agenda-view';

const DEFAULT_EXTENSION_MINUTES = 5;

/**
 * The organiser's hand on the running agenda, for the live dashboard: start the fair, start the
 * next item, extend or end the current one, pause and resume, end the fair. Ending asks first.
 * Must be rendered inside the live layout (it uses the live connection).
 */
export function AgendaControls() {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const live = useAgendaView();
  const [minutes, setMinutes] = useState(DEFAULT_EXTENSION_MINUTES);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (!live) return null;
  const { agenda, current, next } = live;
  const paused = agenda.phase === 'paused';

  async function run(control: AgendaControl) {
    setBusy(true);
    setDone(false);
    setDone(await sendAgendaControl(control));
    setBusy(false);
  }

  return (
    <section aria-labelledby={headingId} className="agenda-controls">
      <h3 id={headingId}>{t('agendaLive.controls.heading')}</h3>
      {agenda.phase === 'ended' ? (
        <p>{t('agendaLive.ended')}</p>
      ) : (
        <>
          {agenda.phase === 'before' && (
            <button type="button" disabled={busy} onClick={() => run({ kind: 'fair.start' })}>
              {t('agendaLive.controls.startFair')}
            </button>
          )}
          {current && (
            <div role="group" aria-label={pickText(current.title, language)}>
              <MinutesField
                label={t('agendaLive.controls.extendMinutes')}
                value={minutes}
                onChange={setMinutes}
              />{' '}
              <button
                type="button"
                disabled={busy}
                onClick={() => run({ kind: 'item.extend', itemId: current.id, minutes })}
              >
                {t('agendaLive.controls.extend', { title: pickText(current.title, language) })}
              </button>{' '}
              {!paused && (
                <ConfirmButton
                  label={t('agendaLive.controls.endItem', {
                    title: pickText(current.title, language),
                  })}
                  question={t('agendaLive.controls.endItemQuestion', {
                    title: pickText(current.title, language),
                  })}
                  confirmLabel={t('agendaLive.controls.endItemConfirm')}
                  disabled={busy}
                  onConfirm={() => void run({ kind: 'item.end', itemId: current.id })}
                />
              )}
            </div>
          )}
          {next && !paused && agenda.phase !== 'before' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => run({ kind: 'item.start', itemId: next.id })}
            >
              {t('agendaLive.controls.startItem', { title: pickText(next.title, language) })}
            </button>
          )}{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => run({ kind: paused ? 'fair.resume' : 'fair.pause' })}
          >
            {paused ? t('agendaLive.controls.resume') : t('agendaLive.controls.pause')}
          </button>{' '}
          <ConfirmButton
            label={t('agendaLive.controls.endFair')}
            question={t('agendaLive.controls.endFairQuestion')}
            confirmLabel={t('agendaLive.controls.endFairConfirm')}
            disabled={busy}
            onConfirm={() => void run({ kind: 'fair.end' })}
          />
        </>
      )}
      <p role="status">{done ? t('agendaLive.controls.done') : ''}</p>
    </section>
  );
}
