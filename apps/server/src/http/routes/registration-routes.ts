import {
  type InvitePreviewResponse,
  type RegistrationListResponse,
  type RegistrationResponse,
  apiRoutes,
  assignRoleBodySchema,
  registerBodySchema,
  updateProfileBodySchema,
} from '@kohtaamo/protocol';
import { type Request, Router } from 'express';
import type { Store } from '../../store/types';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { notFound } from '../http-error';
import { accountOf, requireAccount } from '../session';
import { parseBody, parseId } from '../validate';

const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

async function fairByInvite(store: Store, req: Request) {
  const code = req.params.code;
  const fair =
    typeof code === 'string' && INVITE_CODE_PATTERN.test(code)
      ? await store.fairs.findByInviteCode(code)
      : null;
  if (!fair) throw notFound('The invite');
  return fair;
}

export function registrationRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();

  // Public on purpose: the person following an invite may not have an account yet.
  router.get(apiRoutes.invite, async (req, res) => {
    const fair = await fairByInvite(store, req);
    const account = accountOf(res);
    const [rooms, registration] = await Promise.all([
      store.rooms.listWithTables(fair.id),
      account ? store.registrations.findByAccount(fair.id, account.id) : null,
    ]);
    const response: InvitePreviewResponse = {
      fair: {
        id: fair.id,
        title: fair.title,
        description: fair.description,
        timeZone: fair.timeZone,
        startsAt: fair.startsAt,
        endsAt: fair.endsAt,
        languages: fair.languages,
      },
      rooms: rooms.map((room) => ({ id: room.id, names: room.names })),
      registrationId: registration?.id ?? null,
    };
    res.json(response);
  });

  router.post(apiRoutes.inviteRegistrations, async (req, res) => {
    const account = requireAccount(res);
    const fair = await fairByInvite(store, req);
    // The schema refuses a body without consent, so the time stored is when it was given.
    const { profile } = parseBody(registerBodySchema, req.body);
    const registration = await store.registrations.create(
      fair.id,
      account.id,
      profile,
      'participant',
      new Date(),
    );
    const response: RegistrationResponse = { registration };
    res.status(201).json(response);
  });

  router.get(apiRoutes.myRegistration, async (req, res) => {
    const { registration } = await authorizeFair(store, req, res, 'fair.read');
    const response: RegistrationResponse = { registration };
    res.json(response);
  });

  router.put(apiRoutes.myRegistration, async (req, res) => {
    const { fair, registration } = await authorizeFair(store, req, res, 'fair.read');
    const { profile } = parseBody(updateProfileBodySchema, req.body);
    const updated = await store.registrations.updateProfile(fair.id, registration.id, profile);
    if (!updated) throw notFound('The registration');
    const response: RegistrationResponse = { registration: updated };
    res.json(response);
  });

  router.get(apiRoutes.registrations, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const response: RegistrationListResponse = {
      registrations: await store.registrations.list(fair.id),
    };
    res.json(response);
  });

  router.put(apiRoutes.registrationRole, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const registrationId = parseId(req.params.registrationId, 'The registration');
    const body = parseBody(assignRoleBodySchema, req.body);
    const roomIds = body.role === 'facilitator' ? body.facilitatorRoomIds : [];
    const updated = await store.registrations.assignRole(
      fair.id,
      registrationId,
      body.role,
      roomIds,
    );
    if (!updated) throw notFound('The registration');
    const response: RegistrationResponse = { registration: updated };
    res.json(response);
  });

  return router;
}
