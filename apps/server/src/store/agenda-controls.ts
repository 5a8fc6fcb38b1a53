import { asc, eq } from 'drizzle-orm';
import type { LiveControl } from '../domain/live-agenda';
import type { Db } from './db';
import { isUuid } from './mapping';
import { agendaControls } from './schema';
import type { AgendaControlRepository } from './types';

type ControlRow = typeof agendaControls.$inferSelect;

/** The row's columns as a control; the table's checks make sure the ones a kind needs are set. */
function toControl(row: ControlRow): LiveControl {
  const atMs = row.at.getTime();
  const itemId = row.itemId ?? '';
  const roomId = row.roomId ?? '';
  const minutes = row.minutes ?? 0;
  switch (row.kind) {
    case 'fair.start':
    case 'fair.pause':
    case 'fair.resume':
    case 'fair.end':
      return { kind: row.kind, atMs };
    case 'item.start':
    case 'item.end':
      return { kind: row.kind, itemId, atMs };
    case 'item.extend':
      return { kind: row.kind, itemId, minutes, atMs };
    case 'room.start':
      return { kind: row.kind, roomId, minutes, atMs };
    case 'room.end':
      return { kind: row.kind, roomId, atMs };
  }
}

function columnsOf(control: LiveControl) {
  return {
    kind: control.kind,
    itemId: 'itemId' in control ? control.itemId : null,
    roomId: 'roomId' in control ? control.roomId : null,
    minutes: 'minutes' in control ? control.minutes : null,
    at: new Date(control.atMs),
  };
}

export function agendaControlRepository(db: Db): AgendaControlRepository {
  return {
    async append(fairId, control, actorId) {
      await db.insert(agendaControls).values({ fairId, actorId, ...columnsOf(control) });
    },

    async list(fairId) {
      if (!isUuid(fairId)) return [];
      const rows = await db
        .select()
        .from(agendaControls)
        .where(eq(agendaControls.fairId, fairId))
        .orderBy(asc(agendaControls.at), asc(agendaControls.seq));
      return rows.map(toControl);
    },
  };
}
