import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';

/** Where a deleted account lands: signed out, with nothing left to show but this. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
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
