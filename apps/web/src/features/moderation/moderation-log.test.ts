import { ERASED_PERSON_ID, MODERATION_LOG_LIMIT } from '@kohtaamo/protocol';
import { aino, ROOM_A, TABLE_1, TABLE_2 } from '@kohtaamo/protocol/fixtures';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT, logEntry, names } from './moderation-fixtures';
import { logRow, logTimeFormat, mergeLogEntries } from './moderation-log';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const helsinkiTimes = logTimeFormat('en-GB', 'Europe/Helsinki');
const row = (entry: Parameters<typeof logRow>[0]) => logRow(entry, names, t, helsinkiTimes);

describe('moderation log rows', () => {
  it('says who did what to whom, where, when and why', () => {
    const entry = logEntry({ reason: 'Background noise' });
    expect(row(entry)).toEqual({
      id: entry.id,
      time: '12:15:30',
      actor: 'Omar Hassan',
      action: 'Muted the microphone',
      target: 'Aino Virtanen',
      place: 'Table 1, Housing',
      reason: 'Background noise',
    });
  });

  it('shows a person whose account was deleted as a deleted account', () => {
    const erased = { id: ERASED_PERSON_ID, name: '', organisation: '' };
    expect(row(logEntry({ actor: erased, target: erased }))).toMatchObject({
      actor: 'A deleted account',
      target: 'A deleted account',
    });
  });

  it('names the destination of a move', () => {
    const action = { kind: 'move', roomId: ROOM_A, tableId: TABLE_2 } as const;
    expect(row(logEntry({ action })).action).toBe('Moved to Table 2 in Housing');
  });

  it('tells a table action by the table, with nobody as its target and no reason', () => {
    const entry = logEntry({ action: { kind: 'table', change: 'lock' }, target: null });
    expect(row(entry)).toMatchObject({
      action: 'Locked the table',
      target: '–',
      place: 'Table 1, Housing',
      reason: '–',
    });
  });

  it('quotes a broadcast and places a fair-wide one in the whole fair', () => {
    const entry = logEntry({
      action: { kind: 'broadcast', audience: { kind: 'fair' }, text: 'Coffee is served' },
      target: null,
      roomId: null,
      tableId: null,
    });
    expect(row(entry)).toMatchObject({
      action: 'Message to everyone: “Coffee is served”',
      place: 'The whole fair',
    });
  });

  it('counts the people a stage call moved', () => {
    const entry = logEntry({ action: { kind: 'stage.call', people: 1 }, target: null });
    expect(row(entry).action).toBe('Called everyone to the stage (1 person moved)');
    const back = logEntry({ action: { kind: 'stage.return', people: 42 }, target: null });
    expect(row(back).action).toBe('Sent everyone back to their places (42 people returned)');
  });

  it('still reads when a room or table has been removed since', () => {
    const gone = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5eff';
    expect(row(logEntry({ tableId: gone })).place).toBe('a table that was removed, Housing');
  });
});

describe('merging the log', () => {
  it('puts the newest first and keeps an entry heard twice once', () => {
    const older = logEntry({ at: '2026-05-04T09:00:00.000Z' });
    const newer = logEntry({ at: '2026-05-04T09:05:00.000Z', target: aino, tableId: TABLE_1 });
    const merged = mergeLogEntries([older], [newer, older]);
    expect(merged.map((entry) => entry.id)).toEqual([newer.id, older.id]);
  });

  it('keeps at most the log’s limit, dropping the oldest', () => {
    const many = Array.from({ length: MODERATION_LOG_LIMIT + 2 }, (_, index) =>
      logEntry({ at: new Date(Date.UTC(2026, 4, 4, 9, 0, index)).toISOString() }),
    );
    const merged = mergeLogEntries(many, []);
    expect(merged).toHaveLength(MODERATION_LOG_LIMIT);
    expect(merged.at(-1)?.at).toBe(many[2]?.at);
  });
});
