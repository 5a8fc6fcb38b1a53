import { luaScript } from './script';

/**
 * Snapshots read the state and the scope's last seq in one script, so the seq a client continues
 * from is exactly the last diff already contained in the state.
 */

/** ARGV: prefix, roomId… → { seq, rooms, stageCount } */
export const LOBBY_SCRIPT = luaScript(`
local rooms = {}
for i = 2, #ARGV do rooms[#rooms + 1] = occupancy(ARGV[i]) end
return cjson.encode({
  seq = tonumber(redis.call('HGET', key('last'), 'lobby')) or 0,
  rooms = rooms,
  stageCount = redis.call('ZCARD', key('stage')),
})
`);

/** ARGV: prefix, roomId → { seq, members: [{ person, where }] in entry order, tables } */
export const ROOM_SCRIPT = luaScript(`
local room = ARGV[2]
local ids = redis.call('ZRANGE', key('room:' .. room), 0, -1)
local people = hmget(key('people'), ids)
local wheres = hmget(key('where'), ids)
local members = {}
for i = 1, #ids do members[i] = { person = people[i], where = wheres[i] } end
return cjson.encode({
  seq = tonumber(redis.call('HGET', key('last'), 'room:' .. room)) or 0,
  members = members,
  tables = redis.call('HVALS', key('tables')),
})
`);
