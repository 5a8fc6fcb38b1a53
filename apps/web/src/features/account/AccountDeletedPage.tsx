import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { accountDeleted } from '../../lib/session-store';
import { PageHeading } from '../../ui/PageHeading';

/** Where a deleted account lands: signed out, with nothing left to show but this. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const justDeleted = wasJustDeleted(state);

  useEffect(() => {
    // Only after a deletion from the account page: a visit by link leaves the session alone.
    if (justDeleted) accountDeleted();
  }, [justDeleted]);

  return (
    <>
      <PageHeading>{t('account.deletedTitle')}</PageHeading>
      <p role="status">{t('account.deletedText')}</p>
      <p>
        <Link to={paths.signUp}>{t('account.deletedSignUp')}</Link>
      </p>
    </>
  );
}

function wasJustDeleted(state: unknown): boolean {
  return typeof state === 'object' && state !== null && Reflect.get(state, 'deleted') === true;
}
