import { pickText, type InvitePreviewResponse } from '@kohtaamo/protocol';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { formatDateTimeRange } from '../../lib/datetime';
import { paths, withNext } from '../../lib/navigation';
import { useSessionStore } from '../../lib/session-store';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { RegistrationForm } from './RegistrationForm';

/** Public: anyone with the invite link sees the fair; signed in, they register for it here. */
export function JoinPage() {
  const { code = '' } = useParams();
  const accountId = useSessionStore((state) => state.account?.id);
  // The preview tells whether the signed-in person is registered, so it is loaded afresh for
  // whoever signs in.
  return <InvitePreview key={accountId ?? ''} code={code} />;
}

function InvitePreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.previewInvite(code), [code]);
  const { resource, reload } = useResource(load);
  const title =
    resource.status === 'ready'
      ? t('join.title', { title: resource.data.fair.title })
      : t('join.loadingTitle');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ResourceView resource={resource} onRetry={reload}>
        {(preview) => <JoinContent code={code} preview={preview} />}
      </ResourceView>
    </>
  );
}

function JoinContent({ code, preview }: { code: string; preview: InvitePreviewResponse }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const account = useSessionStore((state) => state.account);
  const status = useSessionStore((state) => state.status);
  const { fair, rooms } = preview;

  let action;
  if (preview.registrationId) {
    action = (
      <p className="notice">
        {t('join.alreadyRegistered')} <Link to={paths.fair(fair.id)}>{t('join.goToFair')}</Link>
      </p>
    );
  } else if (account) {
    action = <RegistrationForm code={code} preview={preview} displayName={account.displayName} />;
  } else if (status !== 'loading') {
    const here = location.pathname;
    action = (
      <div className="notice">
        <p>{t('join.signInFirst')}</p>
        <p className="actions">
          <Link to={withNext(paths.signIn, here)}>{t('auth.signIn')}</Link>
          <Link to={withNext(paths.signUp, here)}>{t('auth.createAccount')}</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <p className="lead">
        {formatDateTimeRange(fair.startsAt, fair.endsAt, fair.timeZone, language)}{' '}
        <span className="muted">({fair.timeZone})</span>
      </p>
      {fair.description && <p className="prose">{fair.description}</p>}
      {rooms.length > 0 && (
        <>
          <h2>{t('join.themes')}</h2>
          <ul className="tag-list">
            {rooms.map((room) => (
              <li key={room.id}>{pickText(room.names, language)}</li>
            ))}
          </ul>
        </>
      )}
      {action}
    </>
  );
}
