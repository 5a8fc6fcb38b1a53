import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RequestItemProps {
  /** Who asks whom, as a sentence naming the other person. */
  text: string;
  organisation: string;
  /** The note the asker wrote, if any. */
  message: string;
  /** What I can do about the request. */
  children: ReactNode;
}

/** One request to exchange cards in a list, mine or someone else's. */
export function RequestItem({ text, organisation, message, children }: RequestItemProps) {
  const { t } = useTranslation();
  return (
    <li className="card request">
      <p>
        {text}
        {organisation && <span className="muted"> ({organisation})</span>}
      </p>
      {message && (
        <p className="request-message">
          <span className="muted">{t('requests.messageLabel')}</span> {message}
        </p>
      )}
      <div className="actions">{children}</div>
    </li>
  );
}
