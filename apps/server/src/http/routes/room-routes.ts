import {
  type RoomResponse,
  type TableResponse,
  apiRoutes,
  roomBodySchema,
  tableBodySchema,
  updateRoomBodySchema,
  updateTableBodySchema,
} from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { authorizeFair } from '../fair-access';
import { notFound } from '../http-error';
import { parseBody, parseId } from '../validate';

export function roomRoutes(deps: HttpDeps): Router {
  const { store } = deps;
  const router = Router();
  const layoutChanged = (fairId: string) => deps.onLayoutChanged?.(fairId);

  router.post(apiRoutes.rooms, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const body = parseBody(roomBodySchema, req.body);
    const response: RoomResponse = { room: await store.rooms.create(fair.id, body) };
    layoutChanged(fair.id);
    res.status(201).json(response);
  });

  router.patch(apiRoutes.room, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const roomId = parseId(req.params.roomId, 'The room');
    const patch = parseBody(updateRoomBodySchema, req.body);
    const room = await store.rooms.update(fair.id, roomId, patch);
    if (!room) throw notFound('The room');
    const response: RoomResponse = { room };
    res.json(response);
  });

  router.delete(apiRoutes.room, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const roomId = parseId(req.params.roomId, 'The room');
    if (!(await store.rooms.delete(fair.id, roomId))) throw notFound('The room');
    layoutChanged(fair.id);
    res.status(204).end();
  });

  router.post(apiRoutes.roomTables, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const roomId = parseId(req.params.roomId, 'The room');
    const body = parseBody(tableBodySchema, req.body);
    const table = await store.tables.create(fair.id, roomId, body);
    if (!table) throw notFound('The room');
    layoutChanged(fair.id);
    const response: TableResponse = { table };
    res.status(201).json(response);
  });

  router.patch(apiRoutes.table, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const tableId = parseId(req.params.tableId, 'The table');
    const patch = parseBody(updateTableBodySchema, req.body);
    const table = await store.tables.update(fair.id, tableId, patch);
    if (!table) throw notFound('The table');
    layoutChanged(fair.id);
    const response: TableResponse = { table };
    res.json(response);
  });

  router.delete(apiRoutes.table, async (req, res) => {
    const { fair } = await authorizeFair(store, req, res, 'fair.manage');
    const tableId = parseId(req.params.tableId, 'The table');
    if (!(await store.tables.delete(fair.id, tableId))) throw notFound('The table');
    layoutChanged(fair.id);
    res.status(204).end();
  });

  return router;
}
