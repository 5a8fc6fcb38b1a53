import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { fairSnapshot, useFairApiFixture } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('rooms and tables API ($name)', (backend) => {
  const f = useFairApiFixture(backend);

  const roomsPath = () => buildPath(apiRoutes.rooms, { fairId: f.fair.fairId });
  const roomPath = (roomId: string) => buildPath(apiRoutes.room, { fairId: f.fair.fairId, roomId });
  const tablesPath = (roomId: string) =>
    buildPath(apiRoutes.roomTables, { fairId: f.fair.fairId, roomId });
  const tablePath = (tableId: string) =>
    buildPath(apiRoutes.table, { fairId: f.fair.fairId, tableId });

  it('adds a theme room with names in three languages, renames it and removes it', async () => {
    const created = await f.organiser
      .post(roomsPath())
      .send({ names: { fi: 'Terveys', en: 'Health' } })
      .expect(201);
    const roomId: string = created.body.room.id;
    expect(created.body.room).toMatchObject({ names: { fi: 'Terveys', en: 'Health' }, tables: [] });

    const renamed = await f.organiser
      .patch(roomPath(roomId))
      .send({ names: { fi: 'Terveys', en: 'Health', sv: 'Hälsa' } })
      .expect(200);
    expect(renamed.body.room.names.sv).toBe('Hälsa');

    await f.organiser.delete(roomPath(roomId)).expect(204);
    await f.organiser.delete(roomPath(roomId)).expect(404);
  });

  it('adds tables with a capacity of 2 to 12 and changes them', async () => {
    const created = await f.organiser
      .post(tablesPath(f.fair.roomId))
      .send({ name: 'B' })
      .expect(201);
    expect(created.body.table).toMatchObject({ name: 'B', capacity: 6, locked: false });
    const updated = await f.organiser
      .patch(tablePath(created.body.table.id))
      .send({ capacity: 12, locked: true })
      .expect(200);
    expect(updated.body.table).toMatchObject({ capacity: 12, locked: true });
    await f.organiser.delete(tablePath(created.body.table.id)).expect(204);
  });

  it('refuses rooms without a name and tables outside 2–12 seats, changing nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    await f.organiser.post(roomsPath()).send({ names: {} }).expect(400);
    await f.organiser
      .post(roomsPath())
      .send({ names: { de: 'Gesundheit' } })
      .expect(400);
    for (const capacity of [1, 13, 2.5, '6']) {
      await f.organiser.post(tablesPath(f.fair.roomId)).send({ name: 'C', capacity }).expect(400);
      await f.organiser.patch(tablePath(f.fair.tableId)).send({ capacity }).expect(400);
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('refuses participants and organisers of another fair with 403', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    for (const agent of [f.participant, f.otherOrganiser]) {
      await agent
        .post(roomsPath())
        .send({ names: { en: 'X' } })
        .expect(403);
      await agent
        .patch(roomPath(f.fair.roomId))
        .send({ names: { en: 'X' } })
        .expect(403);
      await agent.delete(roomPath(f.fair.roomId)).expect(403);
      await agent.post(tablesPath(f.fair.roomId)).send({ name: 'X' }).expect(403);
      await agent.patch(tablePath(f.fair.tableId)).send({ capacity: 2 }).expect(403);
      await agent.delete(tablePath(f.fair.tableId)).expect(403);
    }
    await f.api
      .anonymous()
      .post(roomsPath())
      .send({ names: { en: 'X' } })
      .expect(401);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 404 for rooms and tables that do not exist or belong to another fair', async () => {
    const before = await fairSnapshot(f.api.store, f.otherFair.fairId);
    await f.organiser
      .patch(roomPath(unknownId()))
      .send({ names: { en: 'X' } })
      .expect(404);
    await f.organiser
      .patch(roomPath(f.otherFair.roomId))
      .send({ names: { en: 'X' } })
      .expect(404);
    await f.organiser.delete(roomPath(f.otherFair.roomId)).expect(404);
    await f.organiser.post(tablesPath(f.otherFair.roomId)).send({ name: 'X' }).expect(404);
    await f.organiser.patch(tablePath(f.otherFair.tableId)).send({ capacity: 2 }).expect(404);
    await f.organiser.delete(tablePath(f.otherFair.tableId)).expect(404);
    expect(await fairSnapshot(f.api.store, f.otherFair.fairId)).toEqual(before);
  });
});
