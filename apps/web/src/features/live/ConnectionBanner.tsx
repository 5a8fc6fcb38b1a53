import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { paths, withNext } from '../../lib/navigation';
import { useConnectionStore } from './connection-store';
import { reconnectLive } from './live-session';

/**
 * The live connection's state when it needs the person's attention. Always rendered as a live
 * region, so a lost connection or another tab taking over is announced when it happens.
 */
export function ConnectionBanner() {
  return (
    <div role="status" className="connection-banner">
      <BannerContent />
    </div>
  );
}

function BannerContent() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const status = useConnectionStore((state) => state.status);

  switch (status.kind) {
    case 'idle':
    case 'connected':
      return null;
    case 'connecting':
      return <p className="notice">{t('connection.connecting')}</p>;
    case 'reconnecting':
      return <p className="notice">{t('connection.reconnecting')}</p>;
    case 'replaced':
      return (
        <div className="notice">
          <p>{t('connection.replaced')}</p>
          <button type="button" className="primary" onClick={reconnectLive}>
            {t('connection.useHere')}
          </button>
        </div>
      );
    case 'refused':
      if (status.code === 'UNAUTHENTICATED') {
        return (
          <div className="alert">
            <p>{t('connection.unauthenticated')}</p>
            <Link to={withNext(paths.signIn, pathname)}>{t('connection.signInAgain')}</Link>
          </div>
        );
      }
      if (status.code === 'OUTDATED') {
        return (
          <div className="alert">
            <p>{t('connection.outdated')}</p>
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              {t('connection.reload')}
            </button>
          </div>
        );
      }
      // The live layout shows these in place of the page (`FairNotAdmitted`).
      if (status.code === 'FAIR_CLOSED' || status.code === 'FAIR_NOT_OPEN') return null;
      if (status.code === 'NOT_REGISTERED') {
        return (
          <div className="alert">
            <p>{t('connection.notRegistered')}</p>
            <Link to={paths.home}>{t('connection.toMyFairs')}</Link>
          </div>
        );
      }
      return (
        <div className="alert">
          <p>{t('connection.invalid')}</p>
          <button type="button" onClick={reconnectLive}>
            {t('common.retry')}
          </button>
        </div>
      );
  }
}
