import { admitsToLive, type FairDetailResponse } from '@kohtaamo/protocol';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router-dom';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { AgendaBar } from '../agenda-live/AgendaBar';
import { LiveContactsBar, LiveContactsPanels } from '../contacts/LiveContacts';
import { LiveMessages } from '../moderation/LiveMessages';
import { useModerationFeed } from '../moderation/use-moderation-feed';
import { useRoundNotices } from '../rounds/use-round-notices';
import { ConnectionBanner } from './ConnectionBanner';
import { useConnectionStore } from './connection-store';
import { FairNotAdmitted } from './FairNotAdmitted';
import { LiveAnnouncer } from './LiveAnnouncer';
import { useFollowMoves } from './use-follow-moves';
import type { LiveFair } from './use-live-fair';
import { useLiveConnection } from './use-live-connection';

/**
 * The frame of the live fair (`/fairs/:fairId/live/…`): loads the fair's rooms and tables over
 * REST, holds the live connection while any live page is open, shows its state and announces
 * place changes and card exchanges. The lobby, room and contacts pages render inside, between
 * the requests waiting for an answer and the people met.
 */
export function LiveLayout() {
  const { t } = useTranslation();
  const { fairId = '' } = useParams();
  const load = useCallback(() => api.getFair(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  // The last fair that loaded stays in use if a later reload fails, so a passing REST error
  // does not close the live connection.
  const [kept, setKept] = useState<FairDetailResponse | null>(null);
  if (resource.status === 'ready' && resource.data !== kept) setKept(resource.data);
  const detail = kept?.fair.id === fairId ? kept : null;
  // The server refuses a person the fair's status does not admit, at the handshake or when the
  // status changes while they are in; either way they read why instead of a dead live page.
  const status = useConnectionStore((state) => state.status);
  const refusedCode = status.kind === 'refused' ? status.code : undefined;
  const sentAway = refusedCode === 'FAIR_CLOSED' || refusedCode === 'FAIR_NOT_OPEN';
  const admitted = detail !== null && admitsToLive(detail.fair.status, detail.me.role);
  // Connect once the fair has loaded: a person who may not see it gets one clear error, and
  // the names are there when presence arrives.
  useLiveConnection(detail && admitted ? fairId : null);
  useFollowMoves(fairId);
  useModerationFeed();
  useRoundNotices();

  if (!detail) {
    return (
      <>
        <PageHeading>{t('fair.loadingTitle')}</PageHeading>
        <ResourceView resource={resource} onRetry={reload}>
          {() => null}
        </ResourceView>
      </>
    );
  }
  if (!admitted || sentAway) {
    const closed = sentAway ? refusedCode === 'FAIR_CLOSED' : detail.fair.status === 'closed';
    return <FairNotAdmitted fair={detail.fair} closed={closed} />;
  }
  const context: LiveFair = { detail, reload };
  return (
    <>
      <ConnectionBanner />
      <LiveMessages rooms={detail.rooms} />
      <AgendaBar fairId={fairId} timeZone={detail.fair.timeZone} />
      <LiveContactsBar fairId={fairId} meId={detail.me.id} />
      <Outlet context={context} />
      <LiveContactsPanels meId={detail.me.id} />
      <LiveAnnouncer rooms={detail.rooms} />
    </>
  );
}
