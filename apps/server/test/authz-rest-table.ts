import { apiRoutes } from '@kohtaamo/protocol';
import type { HostileWorld, WorldRole } from './hostile-world';
import { WORLD_ROLES } from './hostile-world';
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
const registered = signedIn.filter((role) => role !== 'participant of another fair');
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
  { method: 'get', route: 'fairInvite', allow: organiser },
  { method: 'post', route: 'fairInvite', allow: organiser },
  {
    method: 'get',
    route: 'invite',
    allow: everyone,
    sample: async (world) => ({ params: { code: (await world.store.fairs.inviteCode(world.fairId)) ?? '' } }),
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
