import { useId } from 'react';
import { useCatchFocus } from '../../hooks/use-focus';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import { answerRequest, blockPerson, retry, useContactsStore } from './contacts-store';
import { RequestItem } from './RequestItem';
import { useListAction } from './use-list-action';

/**
 * Requests others sent me, each with accept, decline and block. `compact` (in the live fair)
 * renders nothing while there are none, so it takes no room on the fair's pages.
 */
export function IncomingRequests({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const open = useContactsStore((state) => state.open);
  const { pendingId, status, error, run } = useListAction();
  const incoming = open.status === 'ready' ? open.data.incoming : [];
  // An answered request leaves the list with the button that had focus.
  const sectionRef = useCatchFocus<HTMLElement>(Boolean(status || error), incoming.length);
  if (compact && incoming.length === 0 && !status && !error) return null;

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={compact ? 'card requests-panel' : undefined}
    >
      {/* In the live fair this panel comes before the page's h1, so it is a titled region. */}
      {compact ? (
        <p id={headingId} className="panel-title">
          {t('requests.incomingTitle', { count: incoming.length })}
        </p>
      ) : (
        <h2 id={headingId}>{t('requests.incomingTitle', { count: incoming.length })}</h2>
      )}
      {open.status !== 'ready' && (
        <ResourceView resource={open} onRetry={() => retry('open')}>
          {() => null}
        </ResourceView>
      )}
      {open.status === 'ready' && incoming.length === 0 && (
        <p className="muted">{t('requests.noIncoming')}</p>
      )}
      {incoming.length > 0 && (
        <ul className="card-list" aria-labelledby={headingId}>
          {incoming.map((request) => {
            const { name, organisation } = request.from;
            const busy = pendingId === request.id;
            const answer = (accept: boolean) =>
              void run(
                request.id,
                () => answerRequest(request, accept),
                t(accept ? 'requests.accepted' : 'requests.declined', { name }),
              );
            return (
              <RequestItem
                key={request.id}
                text={t('requests.asksYou', { name })}
                organisation={organisation}
                message={request.message}
              >
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  aria-label={t('requests.acceptNamed', { name })}
                  onClick={() => answer(true)}
                >
                  {t('requests.accept')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('requests.declineNamed', { name })}
                  onClick={() => answer(false)}
                >
                  {t('requests.decline')}
                </button>
                <ConfirmButton
                  label={t('requests.block')}
                  accessibleName={t('requests.blockNamed', { name })}
                  question={t('requests.blockQuestion', { name })}
                  confirmLabel={t('requests.blockConfirm')}
                  disabled={busy}
                  onConfirm={() =>
                    void run(
                      request.id,
                      () => blockPerson(request.from),
                      t('requests.blocked', { name }),
                    )
                  }
                />
              </RequestItem>
            );
          })}
        </ul>
      )}
      <FormAlert message={error} />
      <FormStatus message={status} />
    </section>
  );
}
