import { apiRoutes, buildPath } from '@kohtaamo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type FairSetup,
  type TestApi,
  createFairWithRoom,
  createTestApi,
  fairSnapshot,
  register,
} from './http-harness';
import { storeBackends } from './store-backends';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(storeBackends)('rooms and tables API ($name)', (backend) => {
  let api: TestApi;
  let dispose: () => Promise<void>;
  let organiser: Agent;
  let otherOrganiser: Agent;
  let participant: Agent;
  let fair: FairSetup;
  let otherFair: FairSetup;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    api = createTestApi(opened.store);
    organiser = await api.signUp('Olli');
    otherOrganiser = await api.signUp('Oona');
    participant = await api.signUp('Leila');
    fair = await createFairWithRoom(organiser);
    otherFair = await createFairWithRoom(otherOrganiser);
    await register(participant, fair.inviteCode);
  });
  afterAll(() => dispose());

  const roomsPath = () => buildPath(apiRoutes.rooms, { fairId: fair.fairId });
  const roomPath = (roomId: string) => buildPath(apiRoutes.room, { fairId: fair.fairId, roomId });
  const tablesPath = (roomId: string) =>
    buildPath(apiRoutes.roomTables, { fairId: fair.fairId, roomId });
  const tablePath = (tableId: string) =>
    buildPath(apiRoutes.table, { fairId: fair.fairId, tableId });

  it('adds a theme room with names in three languages, renames it and removes it', async () => {
    const created = await organiser
      .post(roomsPath())
      .send({ names: { fi: 'Terveys', en: 'Health' } })
      .expect(201);
    const roomId: string = created.body.room.id;
    expect(created.body.room).toMatchObject({ names: { fi: 'Terveys', en: 'Health' }, tables: [] });

    const renamed = await organiser
      .patch(roomPath(roomId))
      .send({ names: { fi: 'Terveys', en: 'Health', sv: 'Hälsa' } })
      .expect(200);
    expect(renamed.body.room.names.sv).toBe('Hälsa');

    await organiser.delete(roomPath(roomId)).expect(204);
    await organiser.delete(roomPath(roomId)).expect(404);
  });

  it('adds tables with a capacity of 2 to 12 and changes them', async () => {
    const created = await organiser.post(tablesPath(fair.roomId)).send({ name: 'B' }).expect(201);
    expect(created.body.table).toMatchObject({ name: 'B', capacity: 6, locked: false });
    const updated = await organiser
      .patch(tablePath(created.body.table.id))
      .send({ capacity: 12, locked: true })
      .expect(200);
    expect(updated.body.table).toMatchObject({ capacity: 12, locked: true });
    await organiser.delete(tablePath(created.body.table.id)).expect(204);
  });

  it('refuses rooms without a name and tables outside 2–12 seats, changing nothing', async () => {
    const before = await fairSnapshot(api.store, fair.fairId);
    await organiser.post(roomsPath()).send({ names: {} }).expect(400);
    await organiser
      .post(roomsPath())
      .send({ names: { de: 'Gesundheit' } })
      .expect(400);
    for (const capacity of [1, 13, 2.5, '6']) {
      await organiser.post(tablesPath(fair.roomId)).send({ name: 'C', capacity }).expect(400);
      await organiser.patch(tablePath(fair.tableId)).send({ capacity }).expect(400);
    }
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });

  it('refuses participants and organisers of another fair with 403', async () => {
    const before = await fairSnapshot(api.store, fair.fairId);
    for (const agent of [participant, otherOrganiser]) {
      await agent
        .post(roomsPath())
        .send({ names: { en: 'X' } })
        .expect(403);
      await agent
        .patch(roomPath(fair.roomId))
        .send({ names: { en: 'X' } })
        .expect(403);
      await agent.delete(roomPath(fair.roomId)).expect(403);
      await agent.post(tablesPath(fair.roomId)).send({ name: 'X' }).expect(403);
      await agent.patch(tablePath(fair.tableId)).send({ capacity: 2 }).expect(403);
      await agent.delete(tablePath(fair.tableId)).expect(403);
    }
    await api
      .anonymous()
      .post(roomsPath())
      .send({ names: { en: 'X' } })
      .expect(401);
    expect(await fairSnapshot(api.store, fair.fairId)).toEqual(before);
  });

  it('answers 404 for rooms and tables that do not exist or belong to another fair', async () => {
    const before = await fairSnapshot(api.store, otherFair.fairId);
    await organiser
      .patch(roomPath(unknownId))
      .send({ names: { en: 'X' } })
      .expect(404);
    await organiser
      .patch(roomPath(otherFair.roomId))
      .send({ names: { en: 'X' } })
      .expect(404);
    await organiser.delete(roomPath(otherFair.roomId)).expect(404);
    await organiser.post(tablesPath(otherFair.roomId)).send({ name: 'X' }).expect(404);
    await organiser.patch(tablePath(otherFair.tableId)).send({ capacity: 2 }).expect(404);
    await organiser.delete(tablePath(otherFair.tableId)).expect(404);
    expect(await fairSnapshot(api.store, otherFair.fairId)).toEqual(before);
  });
});
