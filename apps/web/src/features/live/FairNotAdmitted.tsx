import type { Fair } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';

/**
 * Shown instead of the live pages when the fair's status does not let the person in
 * (`admitsToLive`): a draft not yet open to participants, or a closed fair. After a fair the
 * contacts page (outside the live fair) still has the person's cards, people met and exports.
 */
export function FairNotAdmitted({ fair, closed }: { fair: Fair; closed: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{fair.title}</PageHeading>
      <div className="notice">
        <p>{t(closed ? 'connection.fairClosed' : 'connection.fairNotOpen')}</p>
        <ul>
          {closed && (
            <li>
              <Link to={paths.contacts(fair.id)}>{t('connection.toContacts')}</Link>
            </li>
          )}
          <li>
            <Link to={paths.fair(fair.id)}>{t('connection.toFair')}</Link>
          </li>
        </ul>
      </div>
    </>
  );
}
