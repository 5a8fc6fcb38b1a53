import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { paths, withNext } from '../lib/navigation';
import { loadSession, useSessionStore } from '../lib/session-store';

/** Pages inside need a signed-in person; others go to sign-in and come back afterwards. */
export function RequireAccount() {
  const { t } = useTranslation();
  const location = useLocation();
  const account = useSessionStore((state) => state.account);
  const status = useSessionStore((state) => state.status);

  if (status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (status === 'unreachable') {
    return (
      <div role="alert" className="alert">
        <p>{t('errors.NETWORK')}</p>
        <button type="button" onClick={() => void loadSession()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!account) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={withNext(paths.signIn, next)} replace />;
  }
  return <Outlet />;
}
