import type { Room } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFairNames } from '../live/use-fair-names';
import { dismissMessage, useModerationStore } from './moderation-store';
import { newsText } from './notices';
import './moderation.css';

/**
 * Broadcasts and moderation notices, kept in view until dismissed, and a banner while everyone
 * is called to the stage. Not a live region: `LiveAnnouncer` has announced each already, and
 * this is where they can be read again after a place-change notice replaced them there.
 */
export function LiveMessages({ rooms }: { rooms: readonly Room[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const names = useFairNames(rooms);
  const messages = useModerationStore((state) => state.messages);
  const stageCalled = useModerationStore((state) => state.stage?.called === true);
  if (messages.length === 0 && !stageCalled) return null;

  return (
    <section aria-labelledby={headingId} className="live-messages">
      <h2 id={headingId} className="visually-hidden">
        {t('facilitator.messagesTitle')}
      </h2>
      {stageCalled && <p className="notice stage-banner">{t('facilitator.stageBanner')}</p>}
      {messages.length > 0 && (
        <ul className="plain-list">
          {messages.map((message) => {
            const text = newsText(message.news, names, t);
            return (
              <li key={message.id} className="notice live-message">
                <p>{text}</p>
                <button
                  type="button"
                  aria-label={t('facilitator.dismissNamed', { text })}
                  onClick={() => dismissMessage(message.id)}
                >
                  {t('facilitator.dismiss')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
