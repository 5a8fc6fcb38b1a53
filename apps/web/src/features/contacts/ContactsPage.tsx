import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFairDetail } from '../../hooks/use-fair-detail';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { BackToPlace } from '../live/BackToPlace';
import { BlockedList } from './BlockedList';
import { ContactList } from './ContactList';
import { IncomingRequests } from './IncomingRequests';
import { MyCardSection } from './MyCardSection';
import { OutgoingRequests } from './OutgoingRequests';
import { PeopleIMet } from './PeopleIMet';
import { useContacts } from './use-contacts';

/**
 * `/fairs/:fairId/contacts` (after the fair) and `/fairs/:fairId/live/contacts` (during it,
 * inside the live layout so the person keeps their seat and hears requests as they come):
 * requests, contacts with notes and exports, my card, the people met, blocked people.
 */
export function ContactsPage({ live = false }: { live?: boolean }) {
  const { t } = useTranslation();
  const { fairId, resource, reload } = useFairDetail();

  return (
    <>
      <PageHeading>{t('contactsPage.title')}</PageHeading>
      {live ? (
        <BackToPlace />
      ) : (
        <p>
          <Link to={paths.fair(fairId)}>{t('manage.backToFair')}</Link>
        </p>
      )}
      <ResourceView resource={resource} onRetry={reload}>
        {(detail) => <ContactsSections fairId={fairId} meId={detail.me.id} live={live} />}
      </ResourceView>
    </>
  );
}

function ContactsSections({ fairId, meId, live }: { fairId: string; meId: string; live: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {/* In the live fair the layout keeps the store loaded and current. */}
      {!live && <LoadContacts fairId={fairId} meId={meId} />}
      <p className="lead">{t('contactsPage.intro')}</p>
      <IncomingRequests />
      <ContactList fairId={fairId} />
      <OutgoingRequests />
      <MyCardSection fairId={fairId} />
      {!live && <PeopleIMet />}
      <BlockedList />
    </>
  );
}

function LoadContacts({ fairId, meId }: { fairId: string; meId: string }) {
  useContacts(fairId, meId);
  return null;
}
