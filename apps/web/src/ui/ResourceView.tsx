import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../hooks/use-resource';
import { errorMessageKey } from '../lib/errors';

interface ResourceViewProps<T> {
  resource: Resource<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** The loading and error states every data view shares; the view itself renders the data. */
export function ResourceView<T>({ resource, onRetry, children }: ResourceViewProps<T>) {
  const { t } = useTranslation();
  if (resource.status === 'loading') {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (resource.status === 'error') {
    return (
      <div role="alert" className="alert">
        <p>{t(errorMessageKey(resource.error))}</p>
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return children(resource.data);
}
