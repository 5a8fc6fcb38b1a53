import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { localeOf } from '../../lib/language';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { liveRequest } from '../live/live-session';
import { setStageState, useModerationStore } from './moderation-store';
import { useModeration } from './use-moderation';

/**
 * "Everyone to the stage" and "back to your tables", each asked first: both move everyone in
 * the fair. The state shown is the server's (asked on connecting, then `stage.state`).
 */
export function StageControls({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const stage = useModerationStore((state) => state.stage);
  const { pending, run } = useModeration();

  const act = (event: 'stage.call' | 'stage.return') =>
    void run(
      () => liveRequest(event, {}),
      (result) => {
        setStageState(result.state);
        return { kind: 'moderated', entry: result.entry };
      },
    );

  const since =
    stage?.since &&
    new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', timeZone }).format(
      Date.parse(stage.since),
    );
  const stateText = !stage
    ? t('dashboard.stage.unknown')
    : stage.called
      ? t('dashboard.stage.called', { time: since ?? '' })
      : t('dashboard.stage.notCalled');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.stage.title')}</h2>
      <p className="hint">{t('dashboard.stage.hint')}</p>
      <p className="notice">{stateText}</p>
      <div className="stage-controls">
        <ConfirmButton
          label={t('dashboard.stage.call')}
          question={t('dashboard.stage.callQuestion')}
          confirmLabel={t('dashboard.stage.callConfirm')}
          disabled={pending || stage?.called === true}
          onConfirm={() => act('stage.call')}
        />
        <ConfirmButton
          label={t('dashboard.stage.return')}
          question={t('dashboard.stage.returnQuestion')}
          confirmLabel={t('dashboard.stage.returnConfirm')}
          disabled={pending || stage?.called === false}
          onConfirm={() => act('stage.return')}
        />
      </div>
    </section>
  );
}
