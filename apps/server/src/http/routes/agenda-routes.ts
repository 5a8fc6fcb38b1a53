import {
  type AgendaItemResponse,
  type AgendaResponse,
  apiRoutes,
  agendaItemBodySchema,
  languageSchema,
  updateAgendaItemBodySchema,
} from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { HttpError, notFound } from '../http-error';
import { parseBody, parseId } from '../validate';
import { agendaCalendar } from '../agenda-calendar';

export function agendaRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get(apiRoutes.agenda, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.read');
    const response: AgendaResponse = { agenda: await store.agenda.list(fair.id) };
    res.json(response);
  });

  router.post(apiRoutes.agenda, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const body = parseBody(agendaItemBodySchema, req.body);
    const response: AgendaItemResponse = { item: await store.agenda.create(fair.id, body) };
    deps.onAgendaChanged?.(fair.id);
    res.status(201).json(response);
  });

  router.patch(apiRoutes.agendaItem, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const itemId = parseId(req.params.itemId, 'The agenda item');
    const patch = parseBody(updateAgendaItemBodySchema, req.body);
    const current = (await store.agenda.list(fair.id)).find((item) => item.id === itemId);
    if (!current) throw notFound('The agenda item');
    const startsAt = patch.startsAt ?? current.startsAt;
    const endsAt = patch.endsAt ?? current.endsAt;
    if (Date.parse(endsAt) <= Date.parse(startsAt)) {
      throw new HttpError('INVALID', 'The request is not valid', [
        { path: ['endsAt'], message: 'The end must be after the start' },
      ]);
    }
    const item = await store.agenda.update(fair.id, itemId, patch);
    if (!item) throw notFound('The agenda item');
    deps.onAgendaChanged?.(fair.id);
    const response: AgendaItemResponse = { item };
    res.json(response);
  });

  router.delete(apiRoutes.agendaItem, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const itemId = parseId(req.params.itemId, 'The agenda item');
    if (!(await store.agenda.delete(fair.id, itemId))) throw notFound('The agenda item');
    deps.onAgendaChanged?.(fair.id);
    res.status(204).end();
  });

  router.get(apiRoutes.agendaIcs, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.read');
    const requested = languageSchema.safeParse(req.query.lang);
    const language = requested.success ? requested.data : (fair.languages[0] ?? 'fi');
    const [agenda, rooms] = await Promise.all([
      store.agenda.list(fair.id),
      store.rooms.listWithTables(fair.id),
    ]);
    const calendar = agendaCalendar({ fair, agenda, rooms, language, publicUrl: deps.publicUrl });
    res.type('text/calendar; charset=utf-8').attachment(`${fair.slug}.ics`).send(calendar);
  });

  return router;
}
