import type { apiRoutes } from '@kohtaamo/protocol';
import type { HostileWorld, WorldRole } from './hostile-world';
import { REGISTERED_ROLES, WORLD_ROLES } from './hostile-world';
import { unknownId } from './store-fixtures';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type RouteName = keyof typeof apiRoutes;

/** One REST call: who may make it, and a request to make it with. */
export interface RestRow {
  method: Method;
  route: RouteName;
  allow: readonly WorldRole[];
  /** Path parameters besides the fair (always fair A) and the body. */
  sample?: (world: HostileWorld) => Promise<RestSample> | RestSample;
  /** The call ends the caller's session, so it is made with a session of its own. */
  ownSession?: boolean;
}
export interface RestSample {
  params?: Record<string, string>;
  body?: object;
}

const everyone = WORLD_ROLES;
const signedIn = WORLD_ROLES.filter((role) => role !== 'anonymous');
const registered = REGISTERED_ROLES;
const organiser = ['organiser'] as const;

/** Named by nothing in the fair: the call is allowed and then finds nothing. */
const unknown = (name: string) => () => ({ params: { [name]: unknownId() } });

/**
 * Every REST route and method. Samples are harmless for those allowed: reads, edits that keep
 * things as they are, bodies the route refuses as invalid and ids that name nothing. So an
 * allowed call may answer 400 or 404 (it was not refused for who asked), and the fair stays
 * usable for the next row. Facilitators and speakers run the fair live over the socket; over
 * REST they have what participants have.
 */
export const restTable: RestRow[] = [
  { method: 'post', route: 'signUp', allow: everyone, sample: () => ({ body: {} }) },
  { method: 'post', route: 'signIn', allow: everyone, sample: () => ({ body: {} }) },
  { method: 'post', route: 'signOut', allow: everyone, ownSession: true },
  { method: 'get', route: 'me', allow: signedIn },
  { method: 'get', route: 'fairs', allow: signedIn },
  { method: 'post', route: 'fairs', allow: signedIn, sample: () => ({ body: {} }) },
  { method: 'get', route: 'fair', allow: registered },
  { method: 'patch', route: 'fair', allow: organiser, sample: () => ({ body: {} }) },
  {
    method: 'post',
    route: 'fairCopies',
    allow: organiser,
    sample: () => ({ body: { title: 'Yhteistyömessut 2027', startDate: '2027-03-10' } }),
  },
  { method: 'get', route: 'fairInvite', allow: organiser },
  { method: 'post', route: 'fairInvite', allow: organiser },
  {
    method: 'get',
    route: 'invite',
    allow: everyone,
    sample: async (world) => ({
      params: { code: (await world.store.fairs.inviteCode(world.fairId)) ?? '' },
    }),
  },
  {
    method: 'post',
    route: 'inviteRegistrations',
    allow: signedIn,
    sample: async (world) => ({
      params: { code: (await world.store.fairs.inviteCode(world.fairId)) ?? '' },
      body: {},
    }),
  },
  { method: 'get', route: 'registrations', allow: organiser },
  { method: 'get', route: 'myRegistration', allow: registered },
  { method: 'put', route: 'myRegistration', allow: registered, sample: () => ({ body: {} }) },
  {
    method: 'put',
    route: 'registrationRole',
    allow: organiser,
    sample: (world) => ({
      params: { registrationId: world.target.registrationId },
      body: { role: 'participant' },
    }),
  },
  { method: 'post', route: 'rooms', allow: organiser, sample: () => ({ body: {} }) },
  {
    method: 'patch',
    route: 'room',
    allow: organiser,
    sample: (world) => ({ params: { roomId: world.roomA }, body: {} }),
  },
  { method: 'delete', route: 'room', allow: organiser, sample: unknown('roomId') },
  {
    method: 'post',
    route: 'roomTables',
    allow: organiser,
    sample: (world) => ({ params: { roomId: world.roomA }, body: {} }),
  },
  {
    method: 'patch',
    route: 'table',
    allow: organiser,
    sample: (world) => ({ params: { tableId: world.tableA2 }, body: {} }),
  },
  { method: 'delete', route: 'table', allow: organiser, sample: unknown('tableId') },
  { method: 'get', route: 'agenda', allow: registered },
  { method: 'post', route: 'agenda', allow: organiser, sample: () => ({ body: {} }) },
  {
    method: 'patch',
    route: 'agendaItem',
    allow: organiser,
    sample: () => ({ params: { itemId: unknownId() }, body: {} }),
  },
  { method: 'delete', route: 'agendaItem', allow: organiser, sample: unknown('itemId') },
  { method: 'get', route: 'agendaIcs', allow: registered },
  { method: 'get', route: 'myCard', allow: registered },
  { method: 'put', route: 'myCard', allow: registered, sample: () => ({ body: {} }) },
  { method: 'get', route: 'exchanges', allow: registered },
  { method: 'post', route: 'exchanges', allow: registered, sample: () => ({ body: {} }) },
  { method: 'delete', route: 'exchange', allow: registered, sample: unknown('exchangeId') },
  {
    method: 'post',
    route: 'exchangeAnswer',
    allow: registered,
    sample: () => ({ params: { exchangeId: unknownId() }, body: { answer: 'accept' } }),
  },
  { method: 'get', route: 'blocks', allow: registered },
  { method: 'put', route: 'block', allow: registered, sample: unknown('personId') },
  { method: 'delete', route: 'block', allow: registered, sample: unknown('personId') },
  { method: 'get', route: 'contacts', allow: registered },
  { method: 'get', route: 'contact', allow: registered, sample: unknown('personId') },
  {
    method: 'put',
    route: 'contactNote',
    allow: registered,
    sample: () => ({ params: { personId: unknownId() }, body: { note: 'Muistiinpano' } }),
  },
  { method: 'get', route: 'contactsVcf', allow: registered },
  { method: 'get', route: 'contactVcf', allow: registered, sample: unknown('personId') },
  { method: 'get', route: 'contactsCsv', allow: registered },
  { method: 'get', route: 'peopleIMet', allow: registered },
  // Data rights: the erasure's empty confirmation and the deletion's missing password are refused
  // as invalid, so an allowed call erases and deletes nothing.
  { method: 'post', route: 'fairErasure', allow: organiser, sample: () => ({ body: {} }) },
  { method: 'post', route: 'accountDeletion', allow: signedIn, sample: () => ({ body: {} }) },
  { method: 'get', route: 'myData', allow: signedIn },
  { method: 'get', route: 'report', allow: organiser },
  { method: 'get', route: 'reportCsv', allow: organiser },
  { method: 'get', route: 'moderationLog', allow: organiser },
  { method: 'get', route: 'roundPlan', allow: organiser, sample: unknown('itemId') },
  {
    method: 'put',
    route: 'roundPlan',
    allow: organiser,
    sample: () => ({ params: { itemId: unknownId() }, body: { mode: 'free' } }),
  },
  { method: 'get', route: 'roundOptOut', allow: registered },
  { method: 'put', route: 'roundOptOut', allow: registered, sample: () => ({ body: {} }) },
];

/** A call made from fair B, naming fair A's people or things in its path or body. */
export interface AcrossFairsRow {
  name: string;
  as: 'participant of another fair' | 'organiser of another fair';
  method: Method;
  route: RouteName;
  sample: (world: HostileWorld) => RestSample;
}

const later = { startsAt: '2026-05-12T08:00:00.000Z', endsAt: '2026-05-12T08:30:00.000Z' };

function acrossFairs(as: AcrossFairsRow['as']) {
  return (name: string, method: Method, route: RouteName, sample: AcrossFairsRow['sample']) => ({
    name,
    as,
    method,
    route,
    sample,
  });
}
const participantOfB = acrossFairs('participant of another fair');
const organiserOfB = acrossFairs('organiser of another fair');

/**
 * Fair B's own routes can name anything in their bodies and paths; each of these must be refused
 * (400, 403 or 404) and change nothing, or fair B's people could reach into fair A.
 */
export const acrossFairsTable: AcrossFairsRow[] = [
  participantOfB('ask fair A’s person for an exchange', 'post', 'exchanges', (w) => ({
    body: { personId: w.target.registrationId },
  })),
  participantOfB('block fair A’s person', 'put', 'block', (w) => ({
    params: { personId: w.target.registrationId },
  })),
  participantOfB('read fair A’s person as a contact', 'get', 'contact', (w) => ({
    params: { personId: w.target.registrationId },
  })),
  participantOfB('export fair A’s person as a vCard', 'get', 'contactVcf', (w) => ({
    params: { personId: w.target.registrationId },
  })),
  participantOfB('note on fair A’s person', 'put', 'contactNote', (w) => ({
    params: { personId: w.target.registrationId },
    body: { note: 'x' },
  })),
  organiserOfB('give fair A’s person a role', 'put', 'registrationRole', (w) => ({
    params: { registrationId: w.target.registrationId },
    body: { role: 'organiser' },
  })),
  organiserOfB('let one’s facilitator run fair A’s room', 'put', 'registrationRole', (w) => ({
    params: { registrationId: w.people['participant of another fair'].registrationId },
    body: { role: 'facilitator', facilitatorRoomIds: [w.roomA] },
  })),
  organiserOfB('edit fair A’s room', 'patch', 'room', (w) => ({
    params: { roomId: w.roomA },
    body: { position: 7 },
  })),
  organiserOfB('delete fair A’s room', 'delete', 'room', (w) => ({ params: { roomId: w.roomA } })),
  organiserOfB('add a table to fair A’s room', 'post', 'roomTables', (w) => ({
    params: { roomId: w.roomA },
    body: { name: 'X', capacity: 6 },
  })),
  organiserOfB('lock fair A’s table', 'patch', 'table', (w) => ({
    params: { tableId: w.tableA1 },
    body: { locked: true },
  })),
  organiserOfB('delete fair A’s table', 'delete', 'table', (w) => ({
    params: { tableId: w.tableA1 },
  })),
  organiserOfB('edit fair A’s agenda item', 'patch', 'agendaItem', (w) => ({
    params: { itemId: w.roundItem },
    body: { kind: 'break' },
  })),
  organiserOfB('delete fair A’s agenda item', 'delete', 'agendaItem', (w) => ({
    params: { itemId: w.roundItem },
  })),
  organiserOfB('read fair A’s round plan', 'get', 'roundPlan', (w) => ({
    params: { itemId: w.roundItem },
  })),
  organiserOfB('plan fair A’s round', 'put', 'roundPlan', (w) => ({
    params: { itemId: w.roundItem },
    body: { mode: 'shuffle' },
  })),
  organiserOfB('seat fair A’s person at fair A’s table', 'put', 'roundPlan', (w) => ({
    params: { itemId: w.otherRoundItem },
    body: {
      mode: 'free',
      preassignments: [{ registrationId: w.target.registrationId, tableId: w.tableA1 }],
    },
  })),
  organiserOfB('put a round in fair A’s room', 'post', 'agenda', (w) => ({
    body: {
      kind: 'networking_round',
      title: { fi: 'Kierros' },
      ...later,
      place: { kind: 'room', roomId: w.roomA },
    },
  })),
  organiserOfB('name fair A’s speaker in one’s agenda', 'post', 'agenda', (w) => ({
    body: {
      kind: 'speech',
      title: { fi: 'Puhe' },
      ...later,
      speakerIds: [w.people.speaker.registrationId],
    },
  })),
];
