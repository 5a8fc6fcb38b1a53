import type { WriteAttempt } from './outage-writes';
import type { TestDatabase } from './services';

/** The number in "Kortti 12" / "Muistiinpano 12": which round wrote the stored value. */
function versionOf(text: string | undefined): number {
  return Number(/(\d+)$/.exec(text ?? '')?.[1] ?? -1);
}

/** Clock readings of the test and the nodes (one machine) may differ by rounding. */
const CLOCK_SLACK_MS = 50;

/**
 * Reads PostgreSQL directly and lists every acknowledged write it does not hold. A card or a note
 * is overwritten by later rounds, so a stored version at least as new as the acknowledged one
 * shows the acknowledged write landed; the rest are rows of their own.
 */
export async function missingWrites(
  db: TestDatabase,
  fairId: string,
  log: readonly WriteAttempt[],
): Promise<string[]> {
  const [cards, notes, exchanges, seats, chat, accounts, registrations] = await Promise.all([
    db.query<{ registration_id: string; name: string }>(
      `select registration_id, fields->>'name' as name from contact_cards where fair_id = $1`,
      [fairId],
    ),
    db.query<{ owner_id: string; note: string }>(
      'select owner_id, note from contact_notes where fair_id = $1',
      [fairId],
    ),
    db.query<{ id: string; from_id: string; to_id: string }>(
      'select id, from_id, to_id from exchanges where fair_id = $1',
      [fairId],
    ),
    db.query<{ registration_id: string; table_id: string; joined_at: Date }>(
      'select registration_id, table_id, joined_at from seat_intervals where fair_id = $1',
      [fairId],
    ),
    db.query<{ id: string; author_id: string }>(
      'select id, author_id from chat_messages where fair_id = $1',
      [fairId],
    ),
    db.query<{ email: string }>('select email from accounts'),
    db.query<{ id: string }>('select id from registrations where fair_id = $1', [fairId]),
  ]);
  const cardOf = new Map(cards.map((row) => [row.registration_id, versionOf(row.name)]));
  const noteOf = new Map(notes.map((row) => [row.owner_id, versionOf(row.note)]));
  const exchangeIds = new Set(exchanges.map((row) => `${row.id} ${row.from_id} ${row.to_id}`));
  const messageIds = new Set(chat.map((row) => `${row.id} ${row.author_id}`));
  const emails = new Set(accounts.map((row) => row.email));
  const registrationIds = new Set(registrations.map((row) => row.id));

  const stored = (write: WriteAttempt): boolean => {
    const { record } = write;
    switch (write.kind) {
      case 'card':
        return (cardOf.get(String(record.person)) ?? -1) >= Number(record.version);
      case 'note':
        return (noteOf.get(String(record.person)) ?? -1) >= Number(record.version);
      case 'exchange':
        return exchangeIds.has(`${record.id} ${record.person} ${record.other}`);
      case 'chat':
        return messageIds.has(`${record.id} ${record.person}`);
      case 'registration':
        return record.step === 'sign-up'
          ? emails.has(String(record.email))
          : registrationIds.has(String(record.id));
      case 'seat':
        return seats.some(
          (row) =>
            row.registration_id === record.person &&
            row.table_id === record.tableId &&
            row.joined_at.getTime() >= write.startedAtMs - CLOCK_SLACK_MS &&
            row.joined_at.getTime() <= write.answeredAtMs + CLOCK_SLACK_MS,
        );
    }
  };
  return log
    .filter((write) => write.outcome === 'ok' && !stored(write))
    .map((write) => `${write.kind} ${JSON.stringify(write.record)}`);
}
