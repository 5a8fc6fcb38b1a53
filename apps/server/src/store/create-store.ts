import { sql } from 'drizzle-orm';
import { accountRepository } from './accounts';
import { chatRepository } from './chat';
import { helpRepository } from './help';
import { contactCardRepository } from './cards';
import { dataRightsRepository } from './erasure';
import { exchangeRepository } from './exchanges';
import { meetingRepository } from './meetings';
import { moderationLogRepository, stageCallRepository } from './moderation';
import { contactNoteRepository } from './notes';
import { agendaRepository } from './agenda';
import { agendaControlRepository } from './agenda-controls';
import type { Db } from './db';
import { StoreUnavailableError } from './errors';
import { fairRepository } from './fairs';
import { mapErrors } from './pg-errors';
import { registrationRepository } from './registrations';
import { roomRepository } from './rooms';
import { roundRepository } from './rounds';
import { seatIntervalRepository } from './seat-intervals';
import { sessionRepository } from './sessions';
import { signInLockoutRepository } from './sign-in-lockouts';
import { tableRepository } from './tables';
import type { Store } from './types';

/** Builds the store over a migrated database; `close` releases the driver (once). */
export function createStore(db: Db, close: () => Promise<void>): Store {
  let closing: Promise<void> | undefined;
  return {
    accounts: mapErrors(accountRepository(db)),
    sessions: mapErrors(sessionRepository(db)),
    signInLockouts: mapErrors(signInLockoutRepository(db)),
    fairs: mapErrors(fairRepository(db)),
    rooms: mapErrors(roomRepository(db)),
    tables: mapErrors(tableRepository(db)),
    agenda: mapErrors(agendaRepository(db)),
    registrations: mapErrors(registrationRepository(db)),
    seatIntervals: mapErrors(seatIntervalRepository(db)),
    cards: mapErrors(contactCardRepository(db)),
    exchanges: mapErrors(exchangeRepository(db)),
    notes: mapErrors(contactNoteRepository(db)),
    meetings: mapErrors(meetingRepository(db)),
    chat: mapErrors(chatRepository(db)),
    help: mapErrors(helpRepository(db)),
    moderationLog: mapErrors(moderationLogRepository(db)),
    stageCalls: mapErrors(stageCallRepository(db)),
    agendaControls: mapErrors(agendaControlRepository(db)),
    rounds: mapErrors(roundRepository(db)),
    dataRights: mapErrors(dataRightsRepository(db)),

    async ping() {
      try {
        await db.execute(sql`select 1`);
      } catch (err) {
        // Whatever the cause, a database that cannot answer `select 1` is not ready.
        throw new StoreUnavailableError(err);
      }
    },

    close() {
      closing ??= close();
      return closing;
    },
  };
}
