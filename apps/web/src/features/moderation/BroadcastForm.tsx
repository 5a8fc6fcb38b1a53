import {
  BROADCAST_MAX_CHARS,
  pickText,
  type BroadcastAudience,
  type Room,
} from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import type { RealtimeErrorCode } from '../../lib/realtime/result';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { liveRequest } from '../live/live-session';

const FAIR_AUDIENCE = 'fair';

type BroadcastFormProps =
  /** The dashboard: the whole fair or any one of these rooms. */
  | { rooms: readonly Room[]; roomId?: never }
  /** The facilitator panel: this room only. */
  | { roomId: string; rooms?: never };

/** A message to everyone in the fair or in one room, shown to them at once. */
export function BroadcastForm(props: BroadcastFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [choice, setChoice] = useState(FAIR_AUDIENCE);
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RealtimeErrorCode | null>(null);
  const [sent, setSent] = useState(false);

  const audienceRoomId = props.roomId ?? (choice === FAIR_AUDIENCE ? null : choice);
  const audience: BroadcastAudience = audienceRoomId
    ? { kind: 'room', roomId: audienceRoomId }
    : { kind: 'fair' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSent(false);
    const result = await liveRequest('moderation.broadcast', { audience, text });
    setPending(false);
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setText('');
    setSent(true);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {props.rooms && (
        <Field label={t('dashboard.broadcast.audience')}>
          {(control) => (
            <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value={FAIR_AUDIENCE}>{t('dashboard.broadcast.wholeFair')}</option>
              {props.rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {pickText(room.names, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        label={t('dashboard.broadcast.text')}
        hint={t('dashboard.broadcast.hint', { max: BROADCAST_MAX_CHARS })}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={BROADCAST_MAX_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <FormAlert message={error ? t(`errors.${error}`) : undefined} />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending || text.trim() === ''}>
          {t('dashboard.broadcast.send')}
        </button>
      </div>
      <FormStatus message={sent ? t('dashboard.broadcast.sent') : undefined} />
    </form>
  );
}
