import { randomUUID } from 'node:crypto';
import type { PersonRef, Registration } from '@kohtaamo/protocol';
import type { Store } from '../src/store/types';
import { agendaItem, createFair, createRoom, register } from './store-fixtures';

const at = (minutes: number) => new Date(Date.UTC(2026, 4, 12, 8, minutes));
const rateLimit = { requests: 20, windowMs: 600_000 };

const refOf = (registration: Registration): PersonRef => ({
  id: registration.id,
  name: registration.profile.displayName,
  organisation: registration.profile.organisation,
});

/**
 * A fair with something in every personal table: an organiser, a facilitator (Aino), a speaker
 * (Bertil) and a participant (Chen) who sat together, exchanged cards, wrote notes, blocked,
 * chatted, raised hands, were moderated, called to the stage and planned into a round.
 */
export async function populatedFair(store: Store, status: 'closed' | 'live' = 'closed') {
  const { fair, organiser, organiserAccount } = await createFair(store, { status });
  const room = await createRoom(store, fair.id);
  const table = await store.tables.create(fair.id, room.id, { name: 'Pöytä 1', capacity: 6 });
  if (!table) throw new Error('the table was not created');
  const aino = await register(store, fair.id, { displayName: 'Aino' });
  const bertil = await register(store, fair.id, { displayName: 'Bertil' });
  const chen = await register(store, fair.id, { displayName: 'Chen', organisation: 'Kunta' });
  await store.registrations.assignRole(fair.id, aino.id, 'facilitator', [room.id]);
  await store.registrations.assignRole(fair.id, bertil.id, 'speaker', []);
  await store.agenda.create(fair.id, agendaItem({ speakerIds: [bertil.id, organiser.id] }));
  const round = await store.agenda.create(
    fair.id,
    agendaItem({
      kind: 'networking_round',
      startsAt: '2026-05-12T07:00:00.000Z',
      endsAt: '2026-05-12T07:30:00.000Z',
    }),
  );

  for (const person of [organiser, aino, bertil, chen]) {
    await store.seatIntervals.open({
      fairId: fair.id,
      registrationId: person.id,
      tableId: table.id,
      joinedAt: at(0),
    });
    await store.cards.put(
      fair.id,
      person.id,
      { ...emptyCard, name: person.profile.displayName, email: 'x@example.fi' },
      ['name', 'email'],
    );
  }
  await store.seatIntervals.close({
    fairId: fair.id,
    registrationId: chen.id,
    tableId: table.id,
    leftAt: at(5),
    freedAt: at(5),
  });
  await store.meetings.replaceForFair(fair.id, [
    meeting(aino.id, chen.id, table.id),
    meeting(organiser.id, chen.id, table.id),
  ]);

  const asked = await store.exchanges.ask({
    fairId: fair.id,
    fromId: chen.id,
    toId: aino.id,
    message: 'Hei!',
    now: at(3),
    rateLimit,
  });
  if (asked.kind !== 'asked') throw new Error('the exchange was not asked');
  await store.exchanges.answer({
    fairId: fair.id,
    exchangeId: asked.request.id,
    answererId: aino.id,
    accept: true,
    now: at(4),
  });
  await store.exchanges.ask({
    fairId: fair.id,
    fromId: organiser.id,
    toId: bertil.id,
    message: '',
    now: at(4),
    rateLimit,
  });
  await store.notes.put(fair.id, aino.id, chen.id, 'Asuntoasiat, soita maanantaina');
  await store.notes.put(fair.id, chen.id, aino.id, 'Fasilitaattori');
  await store.exchanges.block(fair.id, bertil.id, chen.id, at(5));

  await store.chat.add({
    fairId: fair.id,
    channel: { kind: 'room', roomId: room.id },
    authorId: chen.id,
    text: 'Hei kaikki',
    sentAt: at(6),
  });
  const hand = await store.help.raise({
    fairId: fair.id,
    roomId: room.id,
    personId: chen.id,
    note: 'Ääni ei kuulu',
    now: at(7),
  });
  await store.help.close(fair.id, hand.id, { outcome: 'resolved', by: aino.id, now: at(8) });
  await store.moderationLog.append(fair.id, {
    id: randomUUID(),
    at: at(9).toISOString(),
    actor: refOf(aino),
    action: { kind: 'mute', track: 'microphone' },
    target: refOf(chen),
    roomId: room.id,
    tableId: table.id,
    reason: 'Kaikuu',
  });
  await store.stageCalls.call(fair.id, { calledAt: at(10), calledBy: organiser.id }, [
    { personId: chen.id, location: { kind: 'table', roomId: room.id, tableId: table.id } },
  ]);
  await store.agendaControls.append(
    fair.id,
    { kind: 'fair.start', atMs: at(0).getTime() },
    aino.id,
  );
  await store.rounds.putPlan(fair.id, round.id, {
    mode: 'shuffle',
    preassignments: [
      { registrationId: chen.id, tableId: table.id },
      { registrationId: organiser.id, tableId: table.id },
    ],
  });
  await store.rounds.setOptedOut(fair.id, bertil.id, true);
  await store.sessions.create({
    id: randomUUID(),
    accountId: chen.accountId,
    expiresAt: at(24 * 60),
  });

  return { fair, room, table, organiser, organiserAccount, aino, bertil, chen, round };
}

const emptyCard = {
  organisation: '',
  title: '',
  phone: '',
  website: '',
  languages: [],
  cooperation: '',
};

function meeting(one: string, other: string, tableId: string) {
  const [personA, personB] = one < other ? [one, other] : [other, one];
  return { personA, personB, tableId, overlapMs: 300_000, firstAt: at(0) };
}
