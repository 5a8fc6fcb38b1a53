import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { paths } from '../lib/navigation';
import { signOut, useSessionStore } from '../lib/session-store';
import { LanguageSelect } from './LanguageSelect';

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={paths.home} className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('header.navigation')}>
            <NavLink to={paths.home} end>
              {t('header.myFairs')}
            </NavLink>
          </nav>
          <div className="header-tools">
            <LanguageSelect />
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="container">
        <Outlet />
      </main>
    </>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useSessionStore((state) => state.account);
  const status = useSessionStore((state) => state.status);
  if (status === 'loading') return null;
  if (!account) {
    return <Link to={paths.signIn}>{t('header.signIn')}</Link>;
  }
  const handleSignOut = async () => {
    try {
      await signOut();
    } finally {
      await navigate(paths.signIn);
    }
  };
  return (
    <div className="account">
      <span className="muted">{t('header.signedInAs', { name: account.displayName })}</span>
      <NavLink to={paths.account}>{t('header.account')}</NavLink>
      <button type="button" onClick={() => void handleSignOut()}>
        {t('header.signOut')}
      </button>
    </div>
  );
}
