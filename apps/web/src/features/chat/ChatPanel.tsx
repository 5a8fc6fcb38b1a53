import { type ChatChannel, chatChannelKey, type ChatMessage } from '@kohtaamo/protocol';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import { useConnectionStore } from '../live/connection-store';
import { usePresenceStore } from '../live/presence-store';
import { isInChannelPlace } from './chat-access';
import { ChatComposer } from './ChatComposer';
import { ChatMessageItem } from './ChatMessageItem';
import { deleteMessage, loadOlder, openChannel, useChatStore } from './chat-store';

export interface ChatChannelOption {
  channel: ChatChannel;
  /** "Table 3", "Housing": what the switcher and the field are labelled with. */
  label: string;
}

interface ChatPanelProps {
  /** The channels this person may use here, the one to show first first. */
  channels: readonly ChatChannelOption[];
  meId: string;
  /** A facilitator of this room or an organiser: may delete anyone's message. */
  moderator: boolean;
}

/** Pixels from the bottom within which the log keeps following new messages. */
const FOLLOW_SLACK_PX = 80;

/**
 * Chat of the room and of one's table. History loads when a channel opens and again after a
 * reconnection; new messages from others are announced politely.
 */
export function ChatPanel({ channels, meId, moderator }: ChatPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const selected =
    channels.find((option) => chatChannelKey(option.channel) === chosenKey) ?? channels[0];
  const key = selected ? chatChannelKey(selected.channel) : '';
  const held = useChatStore((state) => state.channels[key]);
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const [error, setError] = useState<RealtimeErrorCode | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  const channel = selected?.channel;
  // The room page mounts this before presence has taken the person into the room, and the
  // server refuses a channel's history to someone not there (moderators excepted): wait.
  const here = usePresenceStore(
    (state) => channel !== undefined && isInChannelPlace(state.self?.location ?? null, channel),
  );
  const mayRead = here || moderator;
  // By ids rather than the object, so a parent's new object for the same channel does not reload.
  const roomId = channel?.kind === 'room' ? channel.roomId : null;
  const tableId = channel?.kind === 'table' ? channel.tableId : null;
  useEffect(() => {
    if (!connected || !mayRead) return;
    if (tableId) void openChannel({ kind: 'table', tableId });
    else if (roomId) void openChannel({ kind: 'room', roomId });
  }, [connected, mayRead, roomId, tableId]);

  const lastId = held?.messages.at(-1)?.id;
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && following.current) log.scrollTop = log.scrollHeight;
  }, [lastId, key]);

  if (!selected || !channel) return null;

  const onScroll = () => {
    const log = logRef.current;
    if (log)
      following.current = log.scrollHeight - log.scrollTop - log.clientHeight < FOLLOW_SLACK_PX;
  };
  const remove = async (message: ChatMessage) => {
    const result = await deleteMessage(message);
    setError(result.ok || result.error.code === 'NOT_FOUND' ? null : result.error.code);
  };
  const older = async () => {
    following.current = false;
    const result = await loadOlder(channel);
    setError(result.ok ? null : result.error.code);
  };
  const arrived = held?.arrived;
  const announcement =
    arrived && arrived.author.id !== meId
      ? t('chat.newMessage', {
          name: arrived.author.name,
          channel: selected.label,
          text: arrived.text,
        })
      : '';

  return (
    <section className="chat-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('chat.title')}</h2>
      {channels.length > 1 && (
        <div role="group" aria-label={t('chat.channels')} className="chat-channels">
          {channels.map((option) => {
            const optionKey = chatChannelKey(option.channel);
            return (
              <button
                key={optionKey}
                type="button"
                aria-pressed={optionKey === key}
                onClick={() => {
                  following.current = true;
                  setChosenKey(optionKey);
                }}
              >
                {option.label}
              </button>
            );
          })}
        </div>
      )}
      <div
        ref={logRef}
        className="chat-log"
        role="region"
        aria-label={t('chat.logLabel', { channel: selected.label })}
        tabIndex={0}
        onScroll={onScroll}
      >
        {held?.hasMore && (
          <button type="button" className="chat-older" onClick={() => void older()}>
            {t('chat.older')}
          </button>
        )}
        {!held || held.status === 'loading' ? (
          <p className="muted">{t('common.loading')}</p>
        ) : held.status === 'error' ? (
          <p className="alert">{t(`errors.${held.errorCode ?? 'INTERNAL'}`)}</p>
        ) : held.messages.length === 0 ? (
          <p className="muted">{t('chat.empty')}</p>
        ) : (
          <ol className="chat-messages">
            {held.messages.map((message) => (
              <ChatMessageItem
                key={message.id}
                message={message}
                meId={meId}
                mayDelete={moderator || message.author.id === meId}
                onDelete={(target) => void remove(target)}
              />
            ))}
          </ol>
        )}
      </div>
      <div role="status" className="visually-hidden">
        {announcement && <p key={arrived?.id}>{announcement}</p>}
      </div>
      <div role="alert">{error && <p className="alert">{t(`errors.${error}`)}</p>}</div>
      <ChatComposer key={key} channel={channel} label={selected.label} />
    </section>
  );
}
