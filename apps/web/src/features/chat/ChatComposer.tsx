import { CHAT_MAX_CHARS, type ChatChannel } from '@kohtaamo/protocol';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import { sendMessage } from './chat-store';

/** The message field of a channel: Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ channel, label }: { channel: ChatChannel; label: string }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<RealtimeErrorCode | null>(null);

  const send = async () => {
    if (sending || text.trim().length === 0) return;
    setSending(true);
    const result = await sendMessage(channel, text);
    setSending(false);
    if (result.ok) {
      setText('');
      setError(null);
    } else {
      setError(result.error.code);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="chat-composer" onSubmit={onSubmit}>
      <label htmlFor={fieldId}>{t('chat.messageTo', { channel: label })}</label>
      <p id={hintId} className="hint">
        {t('chat.enterHint')}
      </p>
      <div className="chat-compose-row">
        <textarea
          id={fieldId}
          rows={2}
          maxLength={CHAT_MAX_CHARS}
          value={text}
          aria-describedby={hintId}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="primary" disabled={sending || text.trim() === ''}>
          {t('chat.send')}
        </button>
      </div>
      <div role="alert">{error && <p className="alert">{t(`errors.${error}`)}</p>}</div>
    </form>
  );
}
