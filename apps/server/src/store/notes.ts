import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import { contactNotes } from './schema';
import type { ContactNoteRepository } from './types';

export function contactNoteRepository(db: Db): ContactNoteRepository {
  return {
    async listFor(fairId, ownerId) {
      const rows = await db
        .select({ contactId: contactNotes.contactId, note: contactNotes.note })
        .from(contactNotes)
        .where(and(eq(contactNotes.fairId, fairId), eq(contactNotes.ownerId, ownerId)));
      return new Map(rows.map((row) => [row.contactId, row.note]));
    },

    async put(fairId, ownerId, contactId, note) {
      if (note.length === 0) {
        await db
          .delete(contactNotes)
          .where(and(eq(contactNotes.ownerId, ownerId), eq(contactNotes.contactId, contactId)));
        return;
      }
      const values = { note, updatedAt: new Date() };
      await db
        .insert(contactNotes)
        .values({ fairId, ownerId, contactId, ...values })
        .onConflictDoUpdate({
          target: [contactNotes.ownerId, contactNotes.contactId],
          set: values,
        });
    },
  };
}
