import { useTranslation } from 'react-i18next';

/** The note a person wrote with their request, marked as theirs. */
export function RequestMessage({ message }: { message: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="request-message">
      <span className="muted">{t('requests.messageLabel')}</span> {message}
    </p>
  );
}
