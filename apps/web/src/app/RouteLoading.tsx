import { useTranslation } from 'react-i18next';

/** Shown while a page's code is being downloaded (the live fair is loaded on first use). */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}
