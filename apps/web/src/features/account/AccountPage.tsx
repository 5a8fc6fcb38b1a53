import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { myDataUrl } from '../../lib/api-data-rights';
import { paths } from '../../lib/navigation';
import { useSessionStore } from '../../lib/session-store';
import { PageHeading } from '../../ui/PageHeading';
import { DeleteAccountDialog } from './DeleteAccountDialog';

/** `/account`: who I am here, a download of everything held about me, and leaving for good. */
export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useSessionStore((state) => state.account);
  const [deleting, setDeleting] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setDeleting(false);
    openerRef.current?.focus();
  };

  // The page that follows forgets the account: forgetting it here first would send this page,
  // which needs an account, to the sign-in form before the navigation lands.
  const deleted = () => {
    void navigate(paths.accountDeleted, { replace: true, state: { deleted: true } });
  };

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      {account && (
        <dl className="profile-summary">
          <div>
            <dt>{t('account.name')}</dt>
            <dd>{account.displayName}</dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{account.email}</dd>
          </div>
        </dl>
      )}

      <section aria-labelledby="my-data">
        <h2 id="my-data">{t('account.dataTitle')}</h2>
        <p>{t('account.dataExplanation')}</p>
        <a className="button-link" href={myDataUrl} download>
          {t('account.download')}
        </a>
      </section>

      <section aria-labelledby="delete-account">
        <h2 id="delete-account">{t('account.deleteTitle')}</h2>
        <p>{t('account.deleteExplanation')}</p>
        <button
          ref={openerRef}
          type="button"
          className="danger"
          aria-haspopup="dialog"
          onClick={() => setDeleting(true)}
        >
          {t('account.delete')}
        </button>
      </section>
      <DeleteAccountDialog open={deleting} onClose={close} onDeleted={deleted} />
    </>
  );
}
