import type { Fair, Registration } from '@kohtaamo/protocol';
import type { Request, Response } from 'express';
import { type FairAction, isAllowed } from '../domain/permissions';
import type { Store } from '../store/types';
import { forbidden, notFound } from './http-error';
import { requireAccount } from './session';
import { parseId } from './validate';

export interface FairAccess {
  fair: Fair;
  registration: Registration;
}

/**
 * Who is asking, about which fair, and may they do this: signed in (401), the fair exists
 * (404), registered for it (403), and their role allows the action (403).
 */
export async function authorizeFair(
  store: Store,
  req: Request,
  res: Response,
  action: FairAction,
): Promise<FairAccess> {
  const account = requireAccount(res);
  const fairId = parseId(req.params.fairId, 'The fair');
  const fair = await store.fairs.findById(fairId);
  if (!fair) throw notFound('The fair');
  const registration = await store.registrations.findByAccount(fair.id, account.id);
  if (!registration) throw forbidden('You are not registered for this fair');
  if (!isAllowed(registration.role, action)) throw forbidden();
  return { fair, registration };
}
