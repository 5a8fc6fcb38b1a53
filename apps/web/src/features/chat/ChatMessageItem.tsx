import type { ChatMessage } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { localeOf } from '../../lib/language';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { PersonName } from '../live/PersonName';
import { splitLinks } from './chat-links';

interface ChatMessageItemProps {
  message: ChatMessage;
  meId: string;
  mayDelete: boolean;
  onDelete: (message: ChatMessage) => void;
}

/** One message: who and when, the text with its links, and delete for those who may. */
export function ChatMessageItem({ message, meId, mayDelete, onDelete }: ChatMessageItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short' }).format(
    new Date(message.sentAt),
  );
  return (
    <li className="chat-message">
      <p className="chat-meta">
        <PersonName person={message.author} meId={meId} />{' '}
        <time dateTime={message.sentAt} className="muted">
          {time}
        </time>
      </p>
      <p className="chat-text">
        {splitLinks(message.text).map((part, index) =>
          part.kind === 'link' ? (
            <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
              {part.text}
            </a>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      {mayDelete && (
        <ConfirmButton
          label={t('chat.delete')}
          accessibleName={t('chat.deleteNamed', { name: message.author.name, time })}
          question={t('chat.deleteQuestion')}
          confirmLabel={t('common.confirmDelete')}
          onConfirm={() => onDelete(message)}
        />
      )}
    </li>
  );
}
