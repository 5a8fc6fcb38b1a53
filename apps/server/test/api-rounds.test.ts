import {
  apiRoutes,
  buildPath,
  roundOptOutResponseSchema,
  roundPlanResponseSchema,
} from '@kohtaamo/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFairApiFixture } from './http-harness';
import { storeBackends } from './store-backends';

describe.each(storeBackends)('round seating API ($name)', (backend) => {
  const f = useFairApiFixture(backend);
  let roundId: string;
  const planPath = (itemId = roundId) =>
    buildPath(apiRoutes.roundPlan, { fairId: f.fair.fairId, itemId });
  const optOutPath = () => buildPath(apiRoutes.roundOptOut, { fairId: f.fair.fairId });

  beforeAll(async () => {
    const round = await f.organiser
      .post(buildPath(apiRoutes.agenda, { fairId: f.fair.fairId }))
      .send({
        kind: 'networking_round',
        title: { fi: 'Kierros 1', en: 'Round 1' },
        startsAt: '2026-03-10T10:35:00+02:00',
        endsAt: '2026-03-10T11:30:00+02:00',
        place: { kind: 'room', roomId: f.fair.roomId },
      })
      .expect(201);
    roundId = round.body.item.id;
  });

  it('lets the organiser set a round to shuffle with a person pre-assigned, and read it back', async () => {
    const body = {
      mode: 'shuffle',
      preassignments: [{ registrationId: f.participantId, tableId: f.fair.tableId }],
    };
    const saved = await f.organiser.put(planPath()).send(body).expect(200);
    expect(roundPlanResponseSchema.parse(saved.body).plan).toEqual({ itemId: roundId, ...body });
    const read = await f.organiser.get(planPath()).expect(200);
    expect(read.body).toEqual(saved.body);
  });

  it('refuses a table of another fair, and the organiser of another fair', async () => {
    const refused = await f.organiser
      .put(planPath())
      .send({
        mode: 'free',
        preassignments: [{ registrationId: f.participantId, tableId: f.otherFair.tableId }],
      })
      .expect(400);
    expect(refused.body.error.issues[0].path).toEqual(['preassignments', 0, 'tableId']);
    await f.otherOrganiser.put(planPath()).send({ mode: 'free' }).expect(403);
    const read = await f.organiser.get(planPath()).expect(200);
    expect(read.body.plan.mode).toBe('shuffle');
  });

  it('has no seating plan for an item that is not a networking round', async () => {
    const speech = await f.organiser
      .post(buildPath(apiRoutes.agenda, { fairId: f.fair.fairId }))
      .send({
        kind: 'speech',
        title: { fi: 'Avaus' },
        startsAt: '2026-03-10T10:00:00+02:00',
        endsAt: '2026-03-10T10:30:00+02:00',
      })
      .expect(201);
    await f.organiser.get(planPath(speech.body.item.id)).expect(404);
    await f.organiser.put(planPath(speech.body.item.id)).send({ mode: 'shuffle' }).expect(404);
  });

  it("keeps each person's own opt-out", async () => {
    const before = await f.participant.get(optOutPath()).expect(200);
    expect(roundOptOutResponseSchema.parse(before.body)).toEqual({ optedOut: false });
    await f.participant.put(optOutPath()).send({ optedOut: true }).expect(200);
    expect((await f.participant.get(optOutPath()).expect(200)).body).toEqual({ optedOut: true });
    expect((await f.organiser.get(optOutPath()).expect(200)).body).toEqual({ optedOut: false });
    await f.participant.put(optOutPath()).send({ optedOut: false }).expect(200);
    expect((await f.participant.get(optOutPath()).expect(200)).body).toEqual({ optedOut: false });
  });
});
