import { MODERATION_REASON_MAX_CHARS, type RoomMember } from '@kohtaamo/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Field, TextField } from '../../ui/Field';
import { liveRequest } from '../live/live-session';
import type { TableView } from '../live/room-view';
import { moveTargets, personActions, type PersonAction } from './moderation-rights';
import { useModeration } from './use-moderation';

interface PersonModerationProps {
  member: RoomMember;
  /** The name of the table the person sits at; undefined when standing (or not yet named). */
  tableName: string | undefined;
  tables: readonly TableView[];
  meId: string;
}

/**
 * One person's moderation controls, folded under their name so a full room stays readable: an
 * optional reason (shown to them and logged), mute, remove (asked first) and move.
 */
export function PersonModeration({ member, tableName, tables, meId }: PersonModerationProps) {
  const { t } = useTranslation();
  const { person, tableId } = member;
  const actions = personActions({ id: person.id, tableId }, meId);
  const targets = moveTargets(tables, tableId);
  const [reason, setReason] = useState('');
  const [targetId, setTargetId] = useState('');
  const { pending, run } = useModeration();
  const name = person.name;
  const place = tableName
    ? t('facilitator.atTable', { table: tableName })
    : t('facilitator.standing');
  const chosenTarget = targets.some((table) => table.id === targetId) ? targetId : '';

  if (actions.length === 0) {
    return (
      <p>
        <span className="person-name">{name}</span> {t('live.you')}, {place}
      </p>
    );
  }

  const withReason = reason.trim() ? { reason: reason.trim() } : {};
  const act = async (action: PersonAction | 'move') => {
    const request = () => {
      switch (action) {
        case 'muteMicrophone':
        case 'muteCamera': {
          const track = action === 'muteMicrophone' ? 'microphone' : 'camera';
          return liveRequest('moderation.mute', { person: person.id, track, ...withReason });
        }
        case 'removeFromTable':
        case 'removeFromRoom': {
          const from = action === 'removeFromTable' ? 'table' : 'room';
          return liveRequest('moderation.remove', { person: person.id, from, ...withReason });
        }
        case 'move':
          return liveRequest('moderation.move', {
            person: person.id,
            tableId: chosenTarget,
            ...withReason,
          });
      }
    };
    const done = await run(request, (entry) => ({ kind: 'moderated', entry }));
    if (done) setReason('');
  };

  return (
    <details>
      <summary>
        <span className="person-name">{name}</span>
        {person.organisation && <span className="muted">, {person.organisation}</span>} – {place}
      </summary>
      <TextField
        label={t('facilitator.reason')}
        hint={t('facilitator.reasonHint')}
        value={reason}
        onValue={setReason}
        maxLength={MODERATION_REASON_MAX_CHARS}
      />
      <div className="moderation-controls">
        {actions.map((action) =>
          action === 'removeFromTable' || action === 'removeFromRoom' ? (
            <ConfirmButton
              key={action}
              label={t(`facilitator.action.${action}`)}
              accessibleName={t(`facilitator.actionNamed.${action}`, { name })}
              question={t(`facilitator.removeQuestion.${action}`, { name })}
              confirmLabel={t('facilitator.removeConfirm')}
              disabled={pending}
              onConfirm={() => void act(action)}
            />
          ) : (
            <button
              key={action}
              type="button"
              aria-label={t(`facilitator.actionNamed.${action}`, { name })}
              disabled={pending}
              onClick={() => void act(action)}
            >
              {t(`facilitator.action.${action}`)}
            </button>
          ),
        )}
      </div>
      {targets.length === 0 ? (
        <p className="muted">{t('facilitator.noMoveTargets')}</p>
      ) : (
        <div className="moderation-controls">
          <Field label={t('facilitator.moveTo')}>
            {(control) => (
              <select
                {...control}
                value={chosenTarget}
                onChange={(event) => setTargetId(event.target.value)}
              >
                <option value="" disabled>
                  {t('facilitator.moveTo')}
                </option>
                {targets.map((table) => (
                  <option key={table.id} value={table.id}>
                    {table.name} (
                    {t('liveRoom.seatsFree', { free: table.free, capacity: table.capacity })})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            aria-label={t('facilitator.moveNamed', { name })}
            disabled={pending || chosenTarget === ''}
            onClick={() => void act('move')}
          >
            {t('facilitator.move')}
          </button>
        </div>
      )}
    </details>
  );
}
