import { fairStatusSteps, type Fair, type FairStatus } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { MANAGE_SECTIONS } from './manage-sections';

/**
 * Where the fair stands (draft → open → live → closed) and the step on or back from there.
 * Each step says what it changes for people before it is taken, since opening lets
 * participants in and closing sends them out of the live fair (`admitsToLive`).
 */
export function FairStatusSection({ fair, onChanged }: { fair: Fair; onChanged: () => void }) {
  const { t } = useTranslation();
  const headingId = MANAGE_SECTIONS.status.id;
  const { next, previous } = fairStatusSteps(fair.status);
  const { pending, succeeded, formError, submit } = useFormSubmit();

  const moveTo = (status: FairStatus) => {
    void submit(async () => {
      await api.updateFair(fair.id, { status });
      onChanged();
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('fairStatus.title')}</h2>
      <p>
        {t('fairStatus.current')} <strong>{t(`fairStatuses.${fair.status}`)}</strong>
      </p>
      <p className="muted">{t(`fairStatus.explain.${fair.status}`)}</p>
      <div className="status-steps">
        {next && (
          <ConfirmButton
            tone="primary"
            label={t(`fairStatus.forward.${next}`)}
            question={t(`fairStatus.forwardQuestion.${next}`)}
            confirmLabel={t(`fairStatus.forwardConfirm.${next}`)}
            onConfirm={() => moveTo(next)}
            disabled={pending}
          />
        )}
        {previous && (
          <ConfirmButton
            label={t(`fairStatus.back.${previous}`)}
            question={t(`fairStatus.backQuestion.${previous}`)}
            confirmLabel={t('fairStatus.backConfirm')}
            onConfirm={() => moveTo(previous)}
            disabled={pending}
          />
        )}
      </div>
      <FormAlert message={formError} />
      <FormStatus message={succeeded ? t('fairStatus.changed') : undefined} />
    </section>
  );
}
