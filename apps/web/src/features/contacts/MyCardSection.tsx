import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useInlineEdit } from '../../hooks/use-inline-edit';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api-contacts';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import { CardEditForm } from './CardEditForm';
import { CardSummary } from './CardSummary';

/** My contact card for this fair: what it says, what contacts see of it, and its editor. */
export function MyCardSection({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const load = useCallback(() => api.getMyCard(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const { editing, saved, editButtonRef, startEditing, finishEditing } = useInlineEdit(reload);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('card.title')}</h2>
      <p className="hint">{t('card.explanation')}</p>
      <ResourceView resource={resource} onRetry={reload}>
        {(myCard) =>
          editing ? (
            <CardEditForm fairId={fairId} card={myCard} onDone={finishEditing} />
          ) : (
            <>
              {!myCard.saved && <p className="notice">{t('card.notSaved')}</p>}
              <CardSummary card={myCard.card} shared={myCard.shared} />
              <button ref={editButtonRef} type="button" onClick={startEditing}>
                {t('card.edit')}
              </button>
            </>
          )
        }
      </ResourceView>
      <FormStatus message={saved ? t('card.saved') : undefined} />
    </section>
  );
}
