import { CARD_FIELDS, type Contact } from '@kohtaamo/protocol';
import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';

/**
 * vCard 4.0 (RFC 6350) written by ical.js, which escapes text and structured values and folds
 * long lines; the result is UTF-8 text, so ä, ö and å stay as they are.
 */
function vcardOf(contact: Contact): string {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', '4.0');
  const name = contact.card.name ?? contact.person.name;
  card.addPropertyWithValue('fn', name);
  // N wants family and given names; a single name field is split at its last space.
  const words = name.trim().split(/\s+/);
  const structuredName = new ICAL.Property('n');
  structuredName.setValue([
    words.length > 1 ? words[words.length - 1]! : name,
    words.length > 1 ? words.slice(0, -1).join(' ') : '',
    '',
    '',
    '',
  ]);
  card.addProperty(structuredName);
  const organisation = contact.card.organisation ?? contact.person.organisation;
  if (organisation) {
    const org = new ICAL.Property('org');
    org.setValue([organisation]);
    card.addProperty(org);
  }
  if (contact.card.title) card.addPropertyWithValue('title', contact.card.title);
  if (contact.card.email) card.addPropertyWithValue('email', contact.card.email);
  if (contact.card.phone) {
    const tel = new ICAL.Property('tel');
    tel.setParameter('type', 'work');
    tel.setValue(contact.card.phone);
    card.addProperty(tel);
  }
  if (contact.card.website) card.addPropertyWithValue('url', contact.card.website);
  for (const language of contact.card.languages ?? []) card.addPropertyWithValue('lang', language);
  const note = [contact.card.cooperation, contact.note].filter(Boolean).join('\n\n');
  if (note) card.addPropertyWithValue('note', note);
  return card.toString();
}

export function contactsToVcard(contacts: readonly Contact[]): string {
  return contacts.map((contact) => `${vcardOf(contact)}\r\n`).join('');
}

/**
 * A spreadsheet opening the CSV must not run a formula a contact typed in: cells starting with
 * = + - @ (or a tab or carriage return, which some programs skip) get a leading apostrophe.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The card's fields in the protocol's order, then what only the owner of the export adds. */
export const CONTACT_CSV_COLUMNS = [...CARD_FIELDS, 'note', 'exchanged_at'] as const;

/** RFC 4180 (CRLF, quoted as needed), UTF-8 with a byte order mark so Excel reads it as such. */
export function contactsToCsv(contacts: readonly Contact[]): string {
  const rows = contacts.map((contact) =>
    [
      contact.card.name ?? contact.person.name,
      contact.card.organisation ?? contact.person.organisation,
      contact.card.title ?? '',
      contact.card.email ?? '',
      contact.card.phone ?? '',
      contact.card.website ?? '',
      (contact.card.languages ?? []).join(' '),
      contact.card.cooperation ?? '',
      contact.note,
      contact.exchangedAt,
    ].map(neutraliseCell),
  );
  return stringify([[...CONTACT_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}
