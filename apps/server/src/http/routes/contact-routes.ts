import {
  type BlockListResponse,
  type ContactListResponse,
  type ContactResponse,
  EXCHANGE_RATE_LIMIT,
  type ExchangeListResponse,
  type ExchangeResponse,
  type MyCardResponse,
  type PeopleIMetResponse,
  type Registration,
  ServerEvent,
  answerExchangeBodySchema,
  apiRoutes,
  askExchangeBodySchema,
  putContactNoteBodySchema,
  putMyCardBodySchema,
} from '@kohtaamo/protocol';
import { type Request, type Response, Router } from 'express';
import {
  contactPerson,
  contactsOf,
  exchangeRequestOf,
  myCardOf,
} from '../../contacts/contact-views';
import { contactsToCsv, contactsToVcard } from '../../contacts/contact-exports';
import type { ExchangeRecord, Store } from '../../store/types';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { HttpError, notFound } from '../http-error';
import { parseBody, parseId } from '../validate';

const refusalMessages = {
  BLOCKED: 'You cannot ask this person for their card',
  EXCHANGE_PENDING: 'You have already asked this person; wait for their answer',
  EXCHANGE_DECLINED: 'This person declined your earlier request',
  ALREADY_CONTACTS: 'You have already exchanged cards with this person',
  RATE_LIMITED: 'You have asked many people just now; try again in a few minutes',
} as const;

/** Another registration of the same fair named by a path or body id; 404 otherwise. */
async function personInFair(store: Store, me: Registration, personId: string) {
  const person = await store.registrations.findById(me.fairId, personId);
  if (!person) throw notFound('The person');
  return person;
}

async function requestResponse(store: Store, fairId: string, record: ExchangeRecord) {
  const [from, to] = await Promise.all([
    store.registrations.findById(fairId, record.fromId),
    store.registrations.findById(fairId, record.toId),
  ]);
  const people = new Map([from, to].flatMap((person) => (person ? [[person.id, person]] : [])));
  const request = exchangeRequestOf(record, people);
  if (!request) throw notFound('The request');
  return request;
}

function sendAttachment(res: Response, type: string, filename: string, body: string) {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/**
 * Cards, exchanges, blocks, notes, contacts and their exports, and the "people I met" list.
 * Everything is about the signed-in person's own registration: no route takes another
 * person's id as the subject, only as the other side.
 */
export function contactRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();
  const me = (req: Request, res: Response) => authorizeFair(store, req, res, 'fair.read');

  router.get(apiRoutes.myCard, async (req, res) => {
    const { registration } = await me(req, res);
    const record = await store.cards.find(registration.fairId, registration.id);
    const response: MyCardResponse = { card: myCardOf(registration, record) };
    res.json(response);
  });

  router.put(apiRoutes.myCard, async (req, res) => {
    const { registration } = await me(req, res);
    const body = parseBody(putMyCardBodySchema, req.body);
    const record = await store.cards.put(
      registration.fairId,
      registration.id,
      body.card,
      body.shared,
    );
    const response: MyCardResponse = { card: myCardOf(registration, record) };
    res.json(response);
  });

  router.get(apiRoutes.exchanges, async (req, res) => {
    const { registration } = await me(req, res);
    const records = (await store.exchanges.listFor(registration.fairId, registration.id)).filter(
      (record) => record.status === 'pending',
    );
    const requests = await Promise.all(
      records.map((record) => requestResponse(store, registration.fairId, record)),
    );
    const response: ExchangeListResponse = {
      incoming: requests.filter((request) => request.to.id === registration.id),
      outgoing: requests.filter((request) => request.from.id === registration.id),
    };
    res.json(response);
  });

  router.post(apiRoutes.exchanges, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const body = parseBody(askExchangeBodySchema, req.body);
    if (body.personId === registration.id) {
      throw new HttpError('INVALID', 'You cannot exchange cards with yourself');
    }
    const other = await personInFair(store, registration, body.personId);
    const outcome = await store.exchanges.ask({
      fairId: fair.id,
      fromId: registration.id,
      toId: other.id,
      message: body.message,
      now: deps.now(),
      rateLimit: {
        requests: EXCHANGE_RATE_LIMIT.requests,
        windowMs: EXCHANGE_RATE_LIMIT.windowSeconds * 1000,
      },
    });
    if (outcome.kind === 'refused') {
      // The oldest request in the window may be younger; the whole window is a safe bound.
      const retryAfter =
        outcome.code === 'RATE_LIMITED' ? EXCHANGE_RATE_LIMIT.windowSeconds : undefined;
      throw new HttpError(outcome.code, refusalMessages[outcome.code], undefined, retryAfter);
    }
    const request = await requestResponse(store, fair.id, outcome.request);
    const response: ExchangeResponse = { request };
    if (outcome.kind === 'asked') {
      deps.notify?.(other.id, ServerEvent.contactRequest, request);
      res.status(201).json(response);
      return;
    }
    // They had asked first: this accepted their request.
    deps.notify?.(other.id, ServerEvent.contactAnswered, request);
    await deps.meetings.exchanged(fair, [registration, other]);
    res.json(response);
  });

  router.post(apiRoutes.exchangeAnswer, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const exchangeId = parseId(req.params.exchangeId, 'The request');
    const { answer } = parseBody(answerExchangeBodySchema, req.body);
    const outcome = await store.exchanges.answer({
      fairId: fair.id,
      exchangeId,
      answererId: registration.id,
      accept: answer === 'accept',
      now: deps.now(),
    });
    if (outcome.kind === 'not_found') throw notFound('The request');
    if (outcome.kind === 'closed') {
      throw new HttpError('EXCHANGE_CLOSED', 'This request was already answered or withdrawn');
    }
    const request = await requestResponse(store, fair.id, outcome.request);
    deps.notify?.(request.from.id, ServerEvent.contactAnswered, request);
    if (request.status === 'accepted') {
      const asker = await personInFair(store, registration, request.from.id);
      await deps.meetings.exchanged(fair, [registration, asker]);
    }
    const response: ExchangeResponse = { request };
    res.json(response);
  });

  router.delete(apiRoutes.exchange, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const exchangeId = parseId(req.params.exchangeId, 'The request');
    const outcome = await store.exchanges.withdraw({
      fairId: fair.id,
      exchangeId,
      askerId: registration.id,
      now: deps.now(),
    });
    if (outcome.kind === 'not_found') throw notFound('The request');
    if (outcome.kind === 'closed') {
      throw new HttpError('EXCHANGE_CLOSED', 'This request was already answered or withdrawn');
    }
    const request = await requestResponse(store, fair.id, outcome.request);
    deps.notify?.(request.to.id, ServerEvent.contactWithdrawn, request);
    const response: ExchangeResponse = { request };
    res.json(response);
  });

  async function blockList(registration: Registration): Promise<BlockListResponse> {
    const ids = await store.exchanges.blockedBy(registration.fairId, registration.id);
    const people = await Promise.all(
      ids.map((id) => store.registrations.findById(registration.fairId, id)),
    );
    return { blocked: people.flatMap((person) => (person ? [contactPerson(person)] : [])) };
  }

  router.get(apiRoutes.blocks, async (req, res) => {
    const { registration } = await me(req, res);
    res.json(await blockList(registration));
  });

  router.put(apiRoutes.block, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const other = await personInFair(
      store,
      registration,
      parseId(req.params.personId, 'The person'),
    );
    if (other.id === registration.id) throw new HttpError('INVALID', 'You cannot block yourself');
    const withdrawn = await store.exchanges.block(fair.id, registration.id, other.id, deps.now());
    for (const record of withdrawn) {
      deps.notify?.(
        registration.id,
        ServerEvent.contactWithdrawn,
        await requestResponse(store, registration.fairId, record),
      );
    }
    res.json(await blockList(registration));
  });

  router.delete(apiRoutes.block, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const personId = parseId(req.params.personId, 'The person');
    await store.exchanges.unblock(fair.id, registration.id, personId);
    res.json(await blockList(registration));
  });

  router.get(apiRoutes.contacts, async (req, res) => {
    const { registration } = await me(req, res);
    const response: ContactListResponse = { contacts: await contactsOf(store, registration) };
    res.json(response);
  });

  router.get(apiRoutes.contactsVcf, async (req, res) => {
    const { registration } = await me(req, res);
    const contacts = await contactsOf(store, registration);
    sendAttachment(res, 'text/vcard', 'contacts.vcf', contactsToVcard(contacts));
  });

  router.get(apiRoutes.contactsCsv, async (req, res) => {
    const { registration } = await me(req, res);
    const contacts = await contactsOf(store, registration);
    sendAttachment(res, 'text/csv', 'contacts.csv', contactsToCsv(contacts));
  });

  /** One of my contacts, or 404: without an accepted exchange there is no card to see. */
  async function myContact(req: Request, res: Response) {
    const { registration } = await me(req, res);
    const personId = parseId(req.params.personId, 'The contact');
    const contact = (await contactsOf(store, registration)).find(
      (candidate) => candidate.person.id === personId,
    );
    if (!contact) throw notFound('The contact');
    return { registration, contact };
  }

  // Before `contact`, whose pattern would otherwise take "<id>.vcf" as the id.
  router.get(apiRoutes.contactVcf, async (req, res) => {
    const { contact } = await myContact(req, res);
    sendAttachment(
      res,
      'text/vcard',
      `contact-${contact.person.id}.vcf`,
      contactsToVcard([contact]),
    );
  });

  router.get(apiRoutes.contact, async (req, res) => {
    const { contact } = await myContact(req, res);
    const response: ContactResponse = { contact };
    res.json(response);
  });

  router.put(apiRoutes.contactNote, async (req, res) => {
    const { registration, contact } = await myContact(req, res);
    const { note } = parseBody(putContactNoteBodySchema, req.body);
    await store.notes.put(registration.fairId, registration.id, contact.person.id, note);
    const response: ContactResponse = { contact: { ...contact, note } };
    res.json(response);
  });

  router.get(apiRoutes.peopleIMet, async (req, res) => {
    const { fair, registration } = await me(req, res);
    const response: PeopleIMetResponse = await deps.meetings.peopleIMet(fair, registration);
    res.json(response);
  });

  return router;
}
