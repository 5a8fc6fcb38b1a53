import { type AgendaItemBody, apiRoutes, buildPath } from '@kohtaamo/protocol';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { fairSnapshot, useFairApiFixture } from './http-harness';
import { unknownId } from './store-fixtures';
import { storeBackends } from './store-backends';

const openingSpeech: AgendaItemBody = {
  kind: 'speech',
  title: { fi: 'Avauspuhe', en: 'Opening speech', sv: 'Öppningstal' },
  startsAt: '2026-03-10T10:00:00+02:00',
  endsAt: '2026-03-10T10:30:00+02:00',
};

describe.each(storeBackends)('agenda API and calendar download ($name)', (backend) => {
  const f = useFairApiFixture(backend);

  const agendaPath = () => buildPath(apiRoutes.agenda, { fairId: f.fair.fairId });
  const itemPath = (itemId: string) =>
    buildPath(apiRoutes.agendaItem, { fairId: f.fair.fairId, itemId });

  it('adds a speech on the stage and a round in a room, listed in start order', async () => {
    const round = await f.organiser
      .post(agendaPath())
      .send({
        kind: 'networking_round',
        title: { fi: 'Verkostoitumiskierros', en: 'Networking round' },
        startsAt: '2026-03-10T10:35:00+02:00',
        endsAt: '2026-03-10T11:30:00+02:00',
        place: { kind: 'room', roomId: f.fair.roomId },
      })
      .expect(201);
    const speech = await f.organiser
      .post(agendaPath())
      .send({ ...openingSpeech, speakerIds: [f.participantId] })
      .expect(201);
    expect(speech.body.item).toMatchObject({
      kind: 'speech',
      place: { kind: 'stage' },
      speakerIds: [f.participantId],
    });
    const list = await f.participant.get(agendaPath()).expect(200);
    expect(list.body.agenda.map((item: { id: string }) => item.id)).toEqual([
      speech.body.item.id,
      round.body.item.id,
    ]);
  });

  it('moves an item and refuses an end before its stored start', async () => {
    const created = await f.organiser.post(agendaPath()).send(openingSpeech).expect(201);
    const moved = await f.organiser
      .patch(itemPath(created.body.item.id))
      .send({ startsAt: '2026-03-10T12:40:00+02:00', endsAt: '2026-03-10T13:00:00+02:00' })
      .expect(200);
    expect(Date.parse(moved.body.item.startsAt)).toBe(Date.parse('2026-03-10T12:40:00+02:00'));
    const refused = await f.organiser
      .patch(itemPath(created.body.item.id))
      .send({ endsAt: '2026-03-10T12:00:00+02:00' })
      .expect(400);
    expect(refused.body.error.issues[0].path).toEqual(['endsAt']);
    await f.organiser.delete(itemPath(created.body.item.id)).expect(204);
    await f.organiser.delete(itemPath(created.body.item.id)).expect(404);
  });

  it('refuses bad items, speakers and rooms of another f.fair, changing nothing', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const bad: unknown[] = [
      { ...openingSpeech, kind: 'party' },
      { ...openingSpeech, endsAt: openingSpeech.startsAt },
      { ...openingSpeech, startsAt: 'tomorrow morning' },
      { ...openingSpeech, title: {} },
      { ...openingSpeech, place: { kind: 'room' } },
      { ...openingSpeech, place: { kind: 'room', roomId: f.otherFair.roomId } },
      { ...openingSpeech, speakerIds: [unknownId()] },
    ];
    for (const body of bad) {
      const response = await f.organiser
        .post(agendaPath())
        .send(body as object)
        .expect(400);
      expect(response.body.error.code).toBe('INVALID');
    }
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('refuses participants and organisers of another fair with 403', async () => {
    const before = await fairSnapshot(f.api.store, f.fair.fairId);
    const itemId = before.agenda[0]?.id ?? '';
    for (const agent of [f.participant, f.otherOrganiser]) {
      await agent.post(agendaPath()).send(openingSpeech).expect(403);
      await agent
        .patch(itemPath(itemId))
        .send({ title: { en: 'X' } })
        .expect(403);
      await agent.delete(itemPath(itemId)).expect(403);
    }
    await f.otherOrganiser.get(agendaPath()).expect(403);
    await f.api.anonymous().get(agendaPath()).expect(401);
    expect(await fairSnapshot(f.api.store, f.fair.fairId)).toEqual(before);
  });

  it('answers 404 for agenda items of another fair', async () => {
    const other = await f.otherOrganiser
      .post(buildPath(apiRoutes.agenda, { fairId: f.otherFair.fairId }))
      .send(openingSpeech)
      .expect(201);
    await f.organiser.patch(itemPath(other.body.item.id)).send({ kind: 'break' }).expect(404);
    await f.organiser.delete(itemPath(other.body.item.id)).expect(404);
  });

  it('downloads the agenda as an iCalendar file that calendar apps can read back', async () => {
    const response = await f.participant
      .get(`${buildPath(apiRoutes.agendaIcs, { fairId: f.fair.fairId })}?lang=sv`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="?[a-z0-9-]+\.ics"?$/,
    );

    const events = Object.values(ical.sync.parseICS(response.body as string)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
    const agenda = (await f.participant.get(agendaPath()).expect(200)).body.agenda as {
      startsAt: string;
      endsAt: string;
    }[];
    expect(events).toHaveLength(agenda.length);
    const speech = events.find((event) => String(event.summary).startsWith('Öppningstal'));
    expect(speech?.location).toBe('Scen');
    expect(speech?.start.getTime()).toBe(Date.parse(openingSpeech.startsAt));
    expect(speech?.end?.getTime()).toBe(Date.parse(openingSpeech.endsAt));
    const round = events.find((event) => String(event.summary).startsWith('Verkostoitumis'));
    expect(round?.location).toBe('Boende');
  });
});
