import {
  type FairDetailResponse,
  type FairListResponse,
  type FairPerson,
  type FairResponse,
  type InviteResponse,
  type Registration,
  apiRoutes,
  copyFairBodySchema,
  createFairBodySchema,
  joinPath,
  updateFairBodySchema,
} from '@kohtaamo/protocol';
import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { timeShifter } from '../../domain/fair-copy';
import { STAFF_ROLES } from '../../domain/permissions';
import { slugify } from '../../domain/slug';
import { UniqueViolationError, uniqueConstraints } from '../../store/errors';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { HttpError, notFound } from '../http-error';
import { requireAccount } from '../session';
import { parseBody } from '../validate';

export const newInviteCode = (): string => randomBytes(18).toString('base64url');

const SLUG_ATTEMPTS = 5;

function asFairPerson(registration: Registration): FairPerson {
  return {
    registrationId: registration.id,
    displayName: registration.profile.displayName,
    organisation: registration.profile.organisation,
    role: registration.role,
  };
}

/**
 * Runs `create` with the slug, then with varied ones while it is taken. A slug the organiser
 * chose is theirs to change, so a clash with one is reported rather than varied.
 */
async function withFreeSlug<T>(
  slugBase: string,
  chosen: boolean,
  create: (slug: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt += 1) {
    const slug = attempt === 0 ? slugBase : `${slugBase}-${randomBytes(3).toString('hex')}`;
    try {
      return await create(slug);
    } catch (error) {
      const slugTaken =
        error instanceof UniqueViolationError && error.constraint === uniqueConstraints.fairSlug;
      if (!slugTaken || chosen) throw error;
    }
  }
  throw new HttpError('CONFLICT', 'Could not find a free address for this fair; give a slug');
}

export function fairRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(apiRoutes.fairs, async (_req, res) => {
    const account = requireAccount(res);
    const response: FairListResponse = { fairs: await store.fairs.listForAccount(account.id) };
    res.json(response);
  });

  router.post(apiRoutes.fairs, async (req, res) => {
    const account = requireAccount(res);
    const body = parseBody(createFairBodySchema, req.body);
    // The creator starts with a profile from the account; they can edit it like anyone else.
    const organiser = {
      accountId: account.id,
      inviteCode: newInviteCode(),
      profile: {
        displayName: account.displayName,
        organisation: account.displayName,
        organisationType: 'other' as const,
        title: '',
        languages: [],
        themes: [],
      },
    };
    const created = await withFreeSlug(body.slug ?? slugify(body.title), !!body.slug, (slug) =>
      store.fairs.create({ ...body, slug }, organiser),
    );
    const response: FairResponse = { fair: created.fair };
    res.status(201).json(response);
  });

  // Only the source fair's organisers may copy it; the copy is theirs alone, as a draft.
  router.post(apiRoutes.fairCopies, async (req, res) => {
    const { fair: source, registration } = await authorizeFair(store, req, res, 'fair.manage');
    const { title, startDate } = parseBody(copyFairBodySchema, req.body);
    const shiftTime = timeShifter(source.startsAt, startDate, source.timeZone);
    const fair = {
      title,
      description: source.description,
      timeZone: source.timeZone,
      startsAt: shiftTime(source.startsAt),
      endsAt: shiftTime(source.endsAt),
      languages: source.languages,
      status: 'draft' as const,
      meetingThresholdSeconds: source.meetingThresholdSeconds,
    };
    // The copier's own profile comes along; themes pointed at the old fair's rooms.
    const organiser = {
      accountId: registration.accountId,
      inviteCode: newInviteCode(),
      profile: { ...registration.profile, themes: [] },
    };
    const created = await withFreeSlug(slugify(title), false, (slug) =>
      store.fairs.copy(source.id, { ...fair, slug }, organiser, {
        shiftTime,
        copierSourceId: registration.id,
      }),
    );
    const response: FairResponse = { fair: created.fair };
    res.status(201).json(response);
  });

  router.get(apiRoutes.fair, async (req, res) => {
    const { fair, registration } = await authorizeFair(store, req, res, 'fair.read');
    // Every participant loads this page; fetch the few staff, not the whole registration list.
    const [rooms, agenda, staff] = await Promise.all([
      store.rooms.listWithTables(fair.id),
      store.agenda.list(fair.id),
      store.registrations.list(fair.id, { roles: STAFF_ROLES }),
    ]);
    const response: FairDetailResponse = {
      fair,
      rooms,
      agenda,
      me: registration,
      staff: staff.map(asFairPerson),
    };
    res.json(response);
  });

  router.patch(apiRoutes.fair, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const patch = parseBody(updateFairBodySchema, req.body);
    const startsAt = patch.startsAt ?? fair.startsAt;
    const endsAt = patch.endsAt ?? fair.endsAt;
    if (Date.parse(endsAt) <= Date.parse(startsAt)) {
      throw new HttpError('INVALID', 'The request is not valid', [
        { path: ['endsAt'], message: 'The end must be after the start' },
      ]);
    }
    const updated = await store.fairs.update(fair.id, patch);
    if (!updated) throw notFound('The fair');
    if (updated.status !== fair.status) deps.onFairStatusChanged?.(fair.id, updated.status);
    const response: FairResponse = { fair: updated };
    res.json(response);
  });

  router.get(apiRoutes.fairInvite, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const code = await store.fairs.inviteCode(fair.id);
    if (!code) throw notFound('The invite');
    const response: InviteResponse = { code, path: joinPath(code) };
    res.json(response);
  });

  router.post(apiRoutes.fairInvite, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const code = newInviteCode();
    await store.fairs.setInviteCode(fair.id, code);
    const response: InviteResponse = { code, path: joinPath(code) };
    res.status(201).json(response);
  });

  return router;
}
