import { ROOM_SAMPLE_SIZE } from '@kohtaamo/protocol';

/**
 * Lua shared by the scripts, prepended to each. Every script gets the key of the fair's `where`
 * hash as KEYS[1] (so a cluster client routes it) and the fair's key prefix `<prefix>{fair}:` as
 * ARGV[1]: the keys of the table and room a person leaves are only known once the script has
 * read `where`, so they are built here. The `{fair}` hash tag keeps them all on one slot.
 *
 * Times and scores travel as the strings the caller sent, never via Redis TIME, so the caller's
 * clock (and a test's) decides what has expired.
 */
export const LUA_COMMON = `
local base = ARGV[1]
local function key(name) return base .. name end

-- Mirrors roomOf in domain/seating.ts.
local function room_of(location)
  if location and (location.kind == 'room' or location.kind == 'table') then
    return location.roomId
  end
  return nil
end

local function on_stage(location)
  return location ~= nil and location.kind == 'stage'
end

-- HMGET in slices: unpack of a long list would overflow Lua's C stack.
local function hmget(hash, fields)
  local values = {}
  for first = 1, #fields, 500 do
    local slice = {}
    for i = first, math.min(first + 499, #fields) do slice[#slice + 1] = fields[i] end
    local got = redis.call('HMGET', hash, unpack(slice))
    for i = 1, #got do values[#values + 1] = got[i] end
  end
  return values
end

-- The sample is the first people to have entered the room (score = time entered).
local function occupancy(room)
  local members = key('room:' .. room)
  local ids = redis.call('ZRANGE', members, 0, ${ROOM_SAMPLE_SIZE - 1})
  return { roomId = room, count = redis.call('ZCARD', members), sample = hmget(key('people'), ids) }
end

-- Takes the fair's next seq and chains each scope's previous diff to it.
local function advance(scopes)
  local seq = redis.call('INCR', key('seq'))
  local steps = {}
  for i, scope in ipairs(scopes) do
    steps[i] = { scope = scope, prevSeq = tonumber(redis.call('HGET', key('last'), scope)) or 0 }
    redis.call('HSET', key('last'), scope, seq)
  end
  return seq, steps
end

-- Moves a person from one place to another (nil: out of the fair) and reports the change.
-- The scopes and rooms mirror reachOf in domain/seating.ts.
local function commit(person, from, to, placement, now, expires)
  local left, entered = room_of(from), room_of(to)
  if from then
    if from.kind == 'table' then redis.call('ZREM', key('seat:' .. from.tableId), person) end
    if from.kind == 'stage' then redis.call('ZREM', key('stage'), person) end
    if left and left ~= entered then redis.call('ZREM', key('room:' .. left), person) end
  end
  if to then
    if to.kind == 'table' then redis.call('ZADD', key('seat:' .. to.tableId), expires, person) end
    if to.kind == 'stage' then redis.call('ZADD', key('stage'), now, person) end
    -- Between tables of one room the entry time stays, so the room's sample keeps its order.
    if entered and entered ~= left then redis.call('ZADD', key('room:' .. entered), now, person) end
    redis.call('HSET', key('where'), person, placement)
    redis.call('ZADD', key('alive'), expires, person)
  else
    redis.call('HDEL', key('where'), person)
    redis.call('HDEL', key('people'), person)
    redis.call('ZREM', key('alive'), person)
  end
  local rooms, scopes = {}, {}
  if left ~= entered then
    if left then rooms[#rooms + 1] = left end
    if entered then rooms[#rooms + 1] = entered end
  end
  if #rooms > 0 or on_stage(from) ~= on_stage(to) then scopes[#scopes + 1] = 'lobby' end
  if left then scopes[#scopes + 1] = 'room:' .. left end
  if entered and entered ~= left then scopes[#scopes + 1] = 'room:' .. entered end
  local seq, steps = advance(scopes)
  local occupancies = {}
  for i, room in ipairs(rooms) do occupancies[i] = occupancy(room) end
  return {
    seq = seq,
    from = from,
    scopes = steps,
    rooms = occupancies,
    stageCount = redis.call('ZCARD', key('stage')),
  }
end
`;
