import {
  apiRoutes,
  buildPath,
  type ExchangeRequest,
  type ProfileInput,
  type PutMyCardBody,
  type ServerEvents,
} from '@kohtaamo/protocol';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseVcard } from 'vcard4';
import type { PersonNotifier } from '../src/meetings/meeting-service';
import type { Store } from '../src/store/types';
import {
  type Agent,
  createFairWithRoom,
  createTestApi,
  register,
  sampleProfile,
} from './http-harness';
import { storeBackends, useStore } from './store-backends';

const profileOf = (displayName: string, organisation: string): ProfileInput => ({
  ...sampleProfile,
  displayName,
  organisation,
});

const asaCard: PutMyCardBody = {
  card: {
    name: 'Åsa Öhman-Väänänen',
    organisation: 'Föreningen Kotona; Hemma ry',
    title: 'Koordinaattori, kotoutuminen',
    email: 'asa@example.fi',
    phone: '+358 40 123 4567',
    website: 'https://example.fi/',
    languages: ['sv', 'fi'],
    cooperation: '=HYPERLINK("http://evil.example","click")',
  },
  shared: ['name', 'organisation', 'title', 'email', 'languages', 'cooperation'],
};

interface Sent {
  personId: string;
  event: keyof ServerEvents;
  payload: unknown;
}

describe.each(storeBackends)('contact cards and exchanges over REST ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));
  const sent: Sent[] = [];
  const notify: PersonNotifier = (personId, event, ...args) => {
    sent.push({ personId, event, payload: args[0] });
  };
  const cast = {} as {
    organiser: Agent;
    asa: Agent;
    bertil: Agent;
    cecilia: Agent;
    asaId: string;
    bertilId: string;
    ceciliaId: string;
    fairId: string;
  };
  const path = <P extends Parameters<typeof buildPath>[0]>(route: P, extra = {}) =>
    buildPath(route, { fairId: cast.fairId, ...extra } as Parameters<typeof buildPath<P>>[1]);

  beforeAll(async () => {
    const api = createTestApi(store, { notify });
    const [organiser, asa, bertil, cecilia] = await Promise.all(
      ['Olli', 'Asa', 'Bertil', 'Cecilia'].map((name) => api.signUp(name)),
    );
    const fair = await createFairWithRoom(organiser!);
    Object.assign(cast, {
      organiser,
      asa,
      bertil,
      cecilia,
      fairId: fair.fairId,
      asaId: await register(asa!, fair.inviteCode, profileOf('Åsa Öhman', 'Kotona ry')),
      bertilId: await register(bertil!, fair.inviteCode, profileOf('Bertil Ek', 'Espoon kaupunki')),
      ceciliaId: await register(cecilia!, fair.inviteCode, profileOf('Cecilia Lind', 'Luckan rf')),
    });
    await cast.asa.put(path(apiRoutes.myCard)).send(asaCard).expect(200);
  });

  async function ask(from: Agent, personId: string, status = 201) {
    const response = await from
      .post(path(apiRoutes.exchanges))
      .send({ personId, message: 'Hei! Jatketaan juttua.' })
      .expect(status);
    return response.body;
  }

  it('reveals no card until the exchange is accepted, then only the shared fields', async () => {
    await cast.bertil.get(path(apiRoutes.contact, { personId: cast.asaId })).expect(404);
    const { request } = (await ask(cast.asa, cast.bertilId)) as { request: ExchangeRequest };
    expect(sent).toContainEqual({
      personId: cast.bertilId,
      event: 'contacts.request',
      payload: expect.objectContaining({ id: request.id, status: 'pending' }),
    });
    await cast.bertil.get(path(apiRoutes.contact, { personId: cast.asaId })).expect(404);
    const incoming = await cast.bertil.get(path(apiRoutes.exchanges)).expect(200);
    expect(incoming.body.incoming.map((r: ExchangeRequest) => r.id)).toEqual([request.id]);
    // Nobody else may answer it.
    await cast.cecilia
      .post(path(apiRoutes.exchangeAnswer, { exchangeId: request.id }))
      .send({ answer: 'accept' })
      .expect(404);
    await cast.bertil
      .post(path(apiRoutes.exchangeAnswer, { exchangeId: request.id }))
      .send({ answer: 'accept' })
      .expect(200);
    expect(sent).toContainEqual({
      personId: cast.asaId,
      event: 'contacts.answered',
      payload: expect.objectContaining({ id: request.id, status: 'accepted' }),
    });
    const contact = await cast.bertil
      .get(path(apiRoutes.contact, { personId: cast.asaId }))
      .expect(200);
    expect(contact.body.contact.card).toEqual({
      name: asaCard.card.name,
      organisation: asaCard.card.organisation,
      title: asaCard.card.title,
      email: asaCard.card.email,
      languages: asaCard.card.languages,
      cooperation: asaCard.card.cooperation,
    });
    expect(contact.body.contact.card).not.toHaveProperty('phone');
    // Cecilia was never part of it.
    await cast.cecilia.get(path(apiRoutes.contact, { personId: cast.asaId })).expect(404);
    await cast.cecilia.get(path(apiRoutes.contactVcf, { personId: cast.asaId })).expect(404);
    const theirs = await cast.cecilia.get(path(apiRoutes.contactsCsv)).expect(200);
    expect(theirs.text).not.toContain('Åsa');
  });

  it('keeps each side’s note private', async () => {
    await cast.bertil
      .put(path(apiRoutes.contactNote, { personId: cast.asaId }))
      .send({ note: 'Soita maaliskuussa' })
      .expect(200);
    const bertils = await cast.bertil.get(path(apiRoutes.contacts)).expect(200);
    expect(bertils.body.contacts[0].note).toBe('Soita maaliskuussa');
    const asas = await cast.asa.get(path(apiRoutes.contacts)).expect(200);
    expect(asas.body.contacts[0]).toMatchObject({ person: { id: cast.bertilId }, note: '' });
    await cast.cecilia
      .put(path(apiRoutes.contactNote, { personId: cast.asaId }))
      .send({ note: 'x' })
      .expect(404);
  });

  it('exports parse back to the same contacts with ä ö å intact and formulas inert', async () => {
    const vcf = await cast.bertil.get(path(apiRoutes.contactsVcf)).expect(200);
    expect(vcf.headers['content-type']).toBe('text/vcard; charset=utf-8');
    const parsed = parseVcard(vcf.text);
    const cards = Array.isArray(parsed) ? parsed : [parsed];
    expect(cards).toHaveLength(1);
    const value = (property: string) => cards[0]!.getProperty(property)[0]?.value;
    expect(value('FN')).toBe('Åsa Öhman-Väänänen');
    expect(value('ORG')).toBe('Föreningen Kotona; Hemma ry');
    expect(value('TITLE')).toBe('Koordinaattori, kotoutuminen');
    expect(value('EMAIL')).toBe('asa@example.fi');
    expect(value('TEL')).toBeUndefined();
    const one = await cast.bertil
      .get(path(apiRoutes.contactVcf, { personId: cast.asaId }))
      .expect(200);
    expect(one.headers['content-disposition']).toContain('attachment');
    expect(one.text).toBe(vcf.text);

    const csv = await cast.bertil.get(path(apiRoutes.contactsCsv)).buffer(true).expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parseCsv(csv.text, { bom: true });
    expect(rows[0]).toEqual(expect.arrayContaining(['name', 'organisation', 'email', 'note']));
    const header = rows[0]!;
    const row = Object.fromEntries(header.map((key, i) => [key, rows[1]![i]]));
    expect(row).toMatchObject({
      name: 'Åsa Öhman-Väänänen',
      organisation: 'Föreningen Kotona; Hemma ry',
      title: 'Koordinaattori, kotoutuminen',
      email: 'asa@example.fi',
      phone: '',
      note: 'Soita maaliskuussa',
      cooperation: `'${asaCard.card.cooperation}`,
    });
    expect(csv.text).toContain('\r\n');
  });

  it('a decline, a block and a withdrawal each stop what they should', async () => {
    const { request } = (await ask(cast.cecilia, cast.asaId)) as { request: ExchangeRequest };
    await ask(cast.cecilia, cast.asaId, 409);
    await cast.asa
      .post(path(apiRoutes.exchangeAnswer, { exchangeId: request.id }))
      .send({ answer: 'decline' })
      .expect(200);
    const again = await ask(cast.cecilia, cast.asaId, 409);
    expect(again.error.code).toBe('EXCHANGE_DECLINED');
    await cast.cecilia.get(path(apiRoutes.contact, { personId: cast.asaId })).expect(404);

    const { request: toBertil } = (await ask(cast.cecilia, cast.bertilId)) as {
      request: ExchangeRequest;
    };
    await cast.asa.delete(path(apiRoutes.exchange, { exchangeId: toBertil.id })).expect(404);
    await cast.cecilia.delete(path(apiRoutes.exchange, { exchangeId: toBertil.id })).expect(200);
    expect(sent).toContainEqual(
      expect.objectContaining({ personId: cast.bertilId, event: 'contacts.withdrawn' }),
    );
    const answerWithdrawn = await cast.bertil
      .post(path(apiRoutes.exchangeAnswer, { exchangeId: toBertil.id }))
      .send({ answer: 'accept' })
      .expect(409);
    expect(answerWithdrawn.body.error.code).toBe('EXCHANGE_CLOSED');

    await ask(cast.cecilia, cast.bertilId);
    await cast.bertil.put(path(apiRoutes.block, { personId: cast.ceciliaId })).expect(200);
    const pending = await cast.bertil.get(path(apiRoutes.exchanges)).expect(200);
    expect(pending.body.incoming).toEqual([]);
    const blocked = await ask(cast.cecilia, cast.bertilId, 403);
    expect(blocked.error.code).toBe('BLOCKED');
    await cast.bertil.delete(path(apiRoutes.block, { personId: cast.ceciliaId })).expect(200);
    await ask(cast.cecilia, cast.bertilId);
  });

  it('refuses bad input and strangers without changing anything', async () => {
    const self = await ask(cast.asa, cast.asaId, 400);
    expect(self.error.code).toBe('INVALID');
    await cast.asa
      .put(path(apiRoutes.myCard))
      .send({ card: { name: '' }, shared: ['everything'] })
      .expect(400);
    const card = await cast.asa.get(path(apiRoutes.myCard)).expect(200);
    expect(card.body.card.card.name).toBe(asaCard.card.name);
    await cast.organiser.get(path(apiRoutes.contact, { personId: cast.asaId })).expect(404);
  });

  it('the report is for organisers and holds counts, never cards or notes', async () => {
    await cast.asa.get(path(apiRoutes.report)).expect(403);
    await cast.asa.get(path(apiRoutes.reportCsv)).expect(403);
    const report = await cast.organiser.get(path(apiRoutes.report)).expect(200);
    expect(report.body.report).toMatchObject({
      participants: { registered: 3, seated: 0 },
      // Åsa–Bertil exchanged cards: that is a meeting.
      meetings: 1,
    });
    const csv = await cast.organiser.get(path(apiRoutes.reportCsv)).expect(200);
    for (const body of [JSON.stringify(report.body), csv.text]) {
      for (const secret of ['asa@example.fi', 'Soita', 'HYPERLINK', 'Åsa', 'Bertil', 'Kotona']) {
        expect(body).not.toContain(secret);
      }
    }
  });
});
