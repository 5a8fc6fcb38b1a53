/**
 * REST calls for contact cards, exchanges, contacts, exports and the people met, one function
 * per route of `apiRoutes` (the rest of the API is in `api.ts`). Responses are checked against
 * the protocol's schemas; failures throw ApiRequestError.
 */
import {
  apiRoutes,
  blockListResponseSchema,
  buildPath,
  contactListResponseSchema,
  exchangeListResponseSchema,
  exchangeResponseSchema,
  myCardResponseSchema,
  peopleIMetResponseSchema,
  type AnswerExchangeBody,
  type AskExchangeBody,
  type Contact,
  type ContactPerson,
  type ExchangeListResponse,
  type ExchangeRequest,
  type MyCard,
  type PeopleIMetResponse,
  type PutContactNoteBody,
  type PutMyCardBody,
} from '@kohtaamo/protocol';
import { requestEmpty, requestJson } from './http';

// My card

export async function getMyCard(fairId: string): Promise<MyCard> {
  const path = buildPath(apiRoutes.myCard, { fairId });
  return (await requestJson(myCardResponseSchema, 'GET', path)).card;
}

export async function putMyCard(fairId: string, body: PutMyCardBody): Promise<MyCard> {
  const path = buildPath(apiRoutes.myCard, { fairId });
  return (await requestJson(myCardResponseSchema, 'PUT', path, body)).card;
}

// Exchanges

export function listExchanges(fairId: string): Promise<ExchangeListResponse> {
  const path = buildPath(apiRoutes.exchanges, { fairId });
  return requestJson(exchangeListResponseSchema, 'GET', path);
}

export async function askExchange(fairId: string, body: AskExchangeBody): Promise<ExchangeRequest> {
  const path = buildPath(apiRoutes.exchanges, { fairId });
  return (await requestJson(exchangeResponseSchema, 'POST', path, body)).request;
}

export async function answerExchange(
  fairId: string,
  exchangeId: string,
  body: AnswerExchangeBody,
): Promise<ExchangeRequest> {
  const path = buildPath(apiRoutes.exchangeAnswer, { fairId, exchangeId });
  return (await requestJson(exchangeResponseSchema, 'POST', path, body)).request;
}

/** Whatever the answer carries, the request is gone from the open ones afterwards. */
export function withdrawExchange(fairId: string, exchangeId: string): Promise<void> {
  return requestEmpty('DELETE', buildPath(apiRoutes.exchange, { fairId, exchangeId }));
}

// Blocks

export async function listBlocked(fairId: string): Promise<ContactPerson[]> {
  const path = buildPath(apiRoutes.blocks, { fairId });
  return (await requestJson(blockListResponseSchema, 'GET', path)).blocked;
}

export function block(fairId: string, personId: string): Promise<void> {
  return requestEmpty('PUT', buildPath(apiRoutes.block, { fairId, personId }));
}

export function unblock(fairId: string, personId: string): Promise<void> {
  return requestEmpty('DELETE', buildPath(apiRoutes.block, { fairId, personId }));
}

// Contacts

export async function listContacts(fairId: string): Promise<Contact[]> {
  const path = buildPath(apiRoutes.contacts, { fairId });
  return (await requestJson(contactListResponseSchema, 'GET', path)).contacts;
}

export function putContactNote(
  fairId: string,
  personId: string,
  body: PutContactNoteBody,
): Promise<void> {
  return requestEmpty('PUT', buildPath(apiRoutes.contactNote, { fairId, personId }), body);
}

/** The exports are plain downloads, so these are link targets rather than requests. */
export const contactExportUrls = {
  allVcf: (fairId: string) => buildPath(apiRoutes.contactsVcf, { fairId }),
  oneVcf: (fairId: string, personId: string) =>
    buildPath(apiRoutes.contactVcf, { fairId, personId }),
  csv: (fairId: string) => buildPath(apiRoutes.contactsCsv, { fairId }),
};

// People met

export function getPeopleIMet(fairId: string): Promise<PeopleIMetResponse> {
  const path = buildPath(apiRoutes.peopleIMet, { fairId });
  return requestJson(peopleIMetResponseSchema, 'GET', path);
}
