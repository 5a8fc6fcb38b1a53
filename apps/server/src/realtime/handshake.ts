import {
  admitsToLive,
  type ConnectRefusal,
  handshakeAuthSchema,
  liveRefusalOf,
  type PersonRef,
  PROTOCOL_VERSION,
  type Role,
} from '@kohtaamo/protocol';
import { parse as parseCookies } from 'cookie';
import { signedCookie } from 'cookie-parser';
import { SESSION_COOKIE } from '../http/session';
import { personRefOf } from '../domain/people';
import type { Store } from '../store/types';

/** Who is on the other end of a connection, as the server established it. */
export interface Member {
  fairId: string;
  registrationId: string;
  role: Role;
  /** As the handshake saw them; actions check the store again (`currentActor`). */
  facilitatorRoomIds: readonly string[];
  person: PersonRef;
}

/** The connection is refused; `data` reaches the client as `connect_error`'s `err.data`. */
export class ConnectionRefused extends Error {
  readonly data: { code: ConnectRefusal };
  constructor(code: ConnectRefusal, message: string) {
    super(message);
    this.name = 'ConnectionRefused';
    this.data = { code };
  }
}

function sessionIdFrom(cookieHeader: string | undefined, secret: string): string | undefined {
  if (!cookieHeader) return undefined;
  const raw = parseCookies(cookieHeader)[SESSION_COOKIE];
  if (!raw?.startsWith('s:')) return undefined;
  const unsigned = signedCookie(raw, secret);
  return typeof unsigned === 'string' && unsigned.length > 0 ? unsigned : undefined;
}

/**
 * The same session cookie as the REST API, checked once when the socket connects: the account
 * must be signed in and registered for the fair named in the handshake, and the fair's status
 * must admit the person's role (`admitsToLive`).
 */
export async function authenticate(
  handshake: { headers: { cookie?: string | undefined }; auth: unknown },
  deps: { store: Store; cookieSecret: string; now: () => Date },
): Promise<Member> {
  const auth = handshakeAuthSchema.safeParse(handshake.auth);
  if (!auth.success) throw new ConnectionRefused('INVALID', 'Name the fair to connect to');
  if (auth.data.protocol !== PROTOCOL_VERSION) {
    throw new ConnectionRefused('OUTDATED', 'Kohtaamo has been updated; reload the page');
  }
  const sessionId = sessionIdFrom(handshake.headers.cookie, deps.cookieSecret);
  const session = sessionId ? await deps.store.sessions.findValid(sessionId, deps.now()) : null;
  if (!session) throw new ConnectionRefused('UNAUTHENTICATED', 'Sign in first');
  const registration = await deps.store.registrations.findByAccount(
    auth.data.fairId,
    session.accountId,
  );
  if (!registration) {
    throw new ConnectionRefused('NOT_REGISTERED', 'You are not registered for this fair');
  }
  const fair = await deps.store.fairs.findById(registration.fairId);
  if (!fair) throw new ConnectionRefused('NOT_REGISTERED', 'The fair no longer exists');
  if (!admitsToLive(fair.status, registration.role)) {
    const refusal = liveRefusalOf(fair.status);
    throw new ConnectionRefused(
      refusal,
      refusal === 'FAIR_CLOSED' ? 'The fair has closed' : 'The fair has not opened yet',
    );
  }
  return {
    fairId: registration.fairId,
    registrationId: registration.id,
    role: registration.role,
    facilitatorRoomIds: registration.facilitatorRoomIds,
    person: personRefOf(registration),
  };
}
