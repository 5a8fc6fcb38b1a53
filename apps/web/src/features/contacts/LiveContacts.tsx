import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '../../lib/navigation';
import { useContactsStore } from './contacts-store';
import { IncomingRequests } from './IncomingRequests';
import { PeopleIMet } from './PeopleIMet';
import { Tablemates } from './Tablemates';
import { useContacts } from './use-contacts';

interface LiveContactsProps {
  fairId: string;
  meId: string;
}

/**
 * Above every live page: the way to my card and contacts, and requests waiting for my answer
 * (nothing while there are none). The contacts page shows the requests itself.
 */
export function LiveContactsBar({ fairId, meId }: LiveContactsProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useContacts(fairId, meId);
  const waiting = useContactsStore((state) =>
    state.open.status === 'ready' ? state.open.data.incoming.length : 0,
  );
  const onContactsPage = pathname === paths.liveContacts(fairId);

  return (
    <>
      {!onContactsPage && (
        <p className="contacts-link">
          <Link to={paths.liveContacts(fairId)}>
            {waiting > 0 ? t('contactsLink.waiting', { count: waiting }) : t('contactsLink.plain')}
          </Link>
        </p>
      )}
      {!onContactsPage && <IncomingRequests compact />}
    </>
  );
}

/** Below every live page: who sits with me now, and the people I have met so far. */
export function LiveContactsPanels({ meId }: { meId: string }) {
  return (
    <div className="live-contacts">
      <Tablemates meId={meId} />
      <PeopleIMet />
    </div>
  );
}
