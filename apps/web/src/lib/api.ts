/**
 * One function per REST route. Bodies and responses are the protocol's types; every response is
 * checked against its schema, and every failure is thrown as an ApiRequestError. UI code calls
 * these and never `fetch`.
 */
import {
  type CopyFairBody,
  agendaItemResponseSchema,
  agendaResponseSchema,
  apiRoutes,
  buildPath,
  fairDetailResponseSchema,
  fairListResponseSchema,
  fairResponseSchema,
  invitePreviewResponseSchema,
  inviteResponseSchema,
  meResponseSchema,
  registrationListResponseSchema,
  registrationResponseSchema,
  roomResponseSchema,
  tableResponseSchema,
  type Account,
  type AgendaItem,
  type AgendaItemBody,
  type AssignRoleBody,
  type CreateFairBody,
  type Fair,
  type FairDetailResponse,
  type FairListResponse,
  type InvitePreviewResponse,
  type InviteResponse,
  type RegisterBody,
  type Registration,
  type RoomBody,
  type Room,
  type SignInBody,
  type SignUpBody,
  type Table,
  type TableBody,
  type UpdateAgendaItemBody,
  type UpdateFairBody,
  type UpdateProfileBody,
  type UpdateRoomBody,
  type UpdateTableBody,
} from '@kohtaamo/protocol';
import { requestEmpty, requestJson } from './http';

// Auth

export async function signUp(body: SignUpBody): Promise<Account> {
  return (await requestJson(meResponseSchema, 'POST', apiRoutes.signUp, body)).account;
}

export async function signIn(body: SignInBody): Promise<Account> {
  return (await requestJson(meResponseSchema, 'POST', apiRoutes.signIn, body)).account;
}

export function signOut(): Promise<void> {
  return requestEmpty('POST', apiRoutes.signOut);
}

export async function getMe(): Promise<Account> {
  return (await requestJson(meResponseSchema, 'GET', apiRoutes.me)).account;
}

// Fairs

export async function listFairs(): Promise<FairListResponse['fairs']> {
  return (await requestJson(fairListResponseSchema, 'GET', apiRoutes.fairs)).fairs;
}

export async function createFair(body: CreateFairBody): Promise<Fair> {
  return (await requestJson(fairResponseSchema, 'POST', apiRoutes.fairs, body)).fair;
}

export function getFair(fairId: string): Promise<FairDetailResponse> {
  return requestJson(fairDetailResponseSchema, 'GET', buildPath(apiRoutes.fair, { fairId }));
}

export async function updateFair(fairId: string, body: UpdateFairBody): Promise<Fair> {
  const path = buildPath(apiRoutes.fair, { fairId });
  return (await requestJson(fairResponseSchema, 'PATCH', path, body)).fair;
}

/** A draft copy of the fair on a new first day; only the fair's organisers may make one. */
export async function copyFair(fairId: string, body: CopyFairBody): Promise<Fair> {
  const path = buildPath(apiRoutes.fairCopies, { fairId });
  return (await requestJson(fairResponseSchema, 'POST', path, body)).fair;
}

// Invites and registrations

export function getFairInvite(fairId: string): Promise<InviteResponse> {
  return requestJson(inviteResponseSchema, 'GET', buildPath(apiRoutes.fairInvite, { fairId }));
}

/** Replaces the fair's invite code; the old link stops working. */
export function renewFairInvite(fairId: string): Promise<InviteResponse> {
  return requestJson(inviteResponseSchema, 'POST', buildPath(apiRoutes.fairInvite, { fairId }));
}

export function previewInvite(code: string): Promise<InvitePreviewResponse> {
  const path = buildPath(apiRoutes.invite, { code });
  return requestJson(invitePreviewResponseSchema, 'GET', path);
}

export async function registerWithInvite(code: string, body: RegisterBody): Promise<Registration> {
  const path = buildPath(apiRoutes.inviteRegistrations, { code });
  return (await requestJson(registrationResponseSchema, 'POST', path, body)).registration;
}

export async function getMyRegistration(fairId: string): Promise<Registration> {
  const path = buildPath(apiRoutes.myRegistration, { fairId });
  return (await requestJson(registrationResponseSchema, 'GET', path)).registration;
}

export async function updateMyRegistration(
  fairId: string,
  body: UpdateProfileBody,
): Promise<Registration> {
  const path = buildPath(apiRoutes.myRegistration, { fairId });
  return (await requestJson(registrationResponseSchema, 'PUT', path, body)).registration;
}

export async function listRegistrations(fairId: string): Promise<Registration[]> {
  const path = buildPath(apiRoutes.registrations, { fairId });
  return (await requestJson(registrationListResponseSchema, 'GET', path)).registrations;
}

export async function assignRole(
  fairId: string,
  registrationId: string,
  body: AssignRoleBody,
): Promise<Registration> {
  const path = buildPath(apiRoutes.registrationRole, { fairId, registrationId });
  return (await requestJson(registrationResponseSchema, 'PUT', path, body)).registration;
}

// Rooms and tables

export async function createRoom(fairId: string, body: RoomBody): Promise<Room> {
  const path = buildPath(apiRoutes.rooms, { fairId });
  return (await requestJson(roomResponseSchema, 'POST', path, body)).room;
}

export async function updateRoom(
  fairId: string,
  roomId: string,
  body: UpdateRoomBody,
): Promise<Room> {
  const path = buildPath(apiRoutes.room, { fairId, roomId });
  return (await requestJson(roomResponseSchema, 'PATCH', path, body)).room;
}

export function deleteRoom(fairId: string, roomId: string): Promise<void> {
  return requestEmpty('DELETE', buildPath(apiRoutes.room, { fairId, roomId }));
}

export async function createTable(fairId: string, roomId: string, body: TableBody): Promise<Table> {
  const path = buildPath(apiRoutes.roomTables, { fairId, roomId });
  return (await requestJson(tableResponseSchema, 'POST', path, body)).table;
}

export async function updateTable(
  fairId: string,
  tableId: string,
  body: UpdateTableBody,
): Promise<Table> {
  const path = buildPath(apiRoutes.table, { fairId, tableId });
  return (await requestJson(tableResponseSchema, 'PATCH', path, body)).table;
}

export function deleteTable(fairId: string, tableId: string): Promise<void> {
  return requestEmpty('DELETE', buildPath(apiRoutes.table, { fairId, tableId }));
}

// Agenda

export async function listAgenda(fairId: string): Promise<AgendaItem[]> {
  const path = buildPath(apiRoutes.agenda, { fairId });
  return (await requestJson(agendaResponseSchema, 'GET', path)).agenda;
}

export async function createAgendaItem(fairId: string, body: AgendaItemBody): Promise<AgendaItem> {
  const path = buildPath(apiRoutes.agenda, { fairId });
  return (await requestJson(agendaItemResponseSchema, 'POST', path, body)).item;
}

export async function updateAgendaItem(
  fairId: string,
  itemId: string,
  body: UpdateAgendaItemBody,
): Promise<AgendaItem> {
  const path = buildPath(apiRoutes.agendaItem, { fairId, itemId });
  return (await requestJson(agendaItemResponseSchema, 'PATCH', path, body)).item;
}

export function deleteAgendaItem(fairId: string, itemId: string): Promise<void> {
  return requestEmpty('DELETE', buildPath(apiRoutes.agendaItem, { fairId, itemId }));
}

/** The calendar file is a plain download, so this is a link target rather than a request. */
export function agendaIcsUrl(fairId: string): string {
  return buildPath(apiRoutes.agendaIcs, { fairId });
}
