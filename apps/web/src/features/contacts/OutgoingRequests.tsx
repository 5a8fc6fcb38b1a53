import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { useContactsStore, withdrawRequest } from './contacts-store';
import { RequestItem } from './RequestItem';
import { useListAction } from './use-list-action';

/** My requests still waiting for an answer, each of which I can withdraw. */
export function OutgoingRequests() {
  const { t } = useTranslation();
  const headingId = useId();
  const open = useContactsStore((state) => state.open);
  const { pendingId, status, error, run } = useListAction();
  const outgoing = open.status === 'ready' ? open.data.outgoing : [];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('requests.outgoingTitle')}</h2>
      {open.status === 'ready' && outgoing.length === 0 && (
        <p className="muted">{t('requests.noOutgoing')}</p>
      )}
      {outgoing.length > 0 && (
        <ul className="card-list" aria-labelledby={headingId}>
          {outgoing.map((request) => {
            const { name, organisation } = request.to;
            return (
              <RequestItem
                key={request.id}
                text={t('requests.youAsked', { name })}
                organisation={organisation}
                message={request.message}
              >
                <button
                  type="button"
                  disabled={pendingId === request.id}
                  aria-label={t('requests.withdrawNamed', { name })}
                  onClick={() =>
                    void run(
                      request.id,
                      () => withdrawRequest(request),
                      t('requests.withdrawn', { name }),
                    )
                  }
                >
                  {t('requests.withdraw')}
                </button>
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
