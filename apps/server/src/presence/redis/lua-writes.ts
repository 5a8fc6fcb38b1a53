import { luaScript } from './script';

/**
 * ARGV: prefix, personId, person JSON, location JSON, placement JSON, now, expiresAt,
 * '1' when the lock holds this seat for the person (`throughLock`).
 * Sitting, leaving a table and moving are all "go to this location". The checks mirror
 * decideMove in domain/seating.ts and run here, against the state they protect.
 * → { refused } | { stay } | the committed change
 */
export const MOVE_SCRIPT = luaScript(`
local person, ref, placement, now, expires = ARGV[2], ARGV[3], ARGV[5], ARGV[6], ARGV[7]
local to = cjson.decode(ARGV[4])
local stored = redis.call('HGET', key('where'), person)
local from = nil
if stored then from = cjson.decode(stored).location end

local function stay()
  redis.call('HSET', key('where'), person, placement)
  redis.call('ZADD', key('alive'), expires, person)
  if to.kind == 'table' then redis.call('ZADD', key('seat:' .. to.tableId), expires, person) end
  return cjson.encode({ stay = true })
end

if to.kind == 'table' then
  local seats = key('seat:' .. to.tableId)
  -- A seat nobody refreshed is free again, whether or not the reaper has been round yet.
  redis.call('ZREMRANGEBYSCORE', seats, '-inf', '(' .. now)
  local rules = redis.call('HGET', key('tables'), to.tableId)
  if not rules then return cjson.encode({ refused = 'TABLE_UNKNOWN' }) end
  rules = cjson.decode(rules)
  if rules.roomId ~= to.roomId then return cjson.encode({ refused = 'TABLE_UNKNOWN' }) end
  if rules.closed then return cjson.encode({ refused = 'TABLE_CLOSED' }) end
  if redis.call('ZSCORE', seats, person) then return stay() end
  if rules.locked and ARGV[8] ~= '1' then return cjson.encode({ refused = 'TABLE_LOCKED' }) end
  if redis.call('ZCARD', seats) >= rules.capacity then
    return cjson.encode({ refused = 'TABLE_FULL' })
  end
end
if from and from.kind == to.kind and from.roomId == to.roomId and from.tableId == to.tableId then
  return stay()
end
redis.call('HSET', key('people'), person, ref)
return cjson.encode(commit(person, from, to, placement, now, expires))
`);

/** ARGV: prefix, personId, owner, '1' when the owner must match, now → change | null */
export const RELEASE_SCRIPT = luaScript(`
local person = ARGV[2]
local stored = redis.call('HGET', key('where'), person)
if not stored then return 'null' end
local placed = cjson.decode(stored)
if ARGV[4] == '1' and placed.owner ~= ARGV[3] then return 'null' end
local ref = redis.call('HGET', key('people'), person)
local change = commit(person, placed.location, nil, nil, ARGV[5], nil)
change.person = ref
return cjson.encode(change)
`);

/** ARGV: prefix, personId, owner, now, expiresAt → placement | null */
export const ADOPT_SCRIPT = luaScript(`
local person, owner, now, expires = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local stored = redis.call('HGET', key('where'), person)
local alive = tonumber(redis.call('ZSCORE', key('alive'), person))
-- An expired seat may already be someone else's: the owner has to move in again.
if not stored or not alive or alive < now then return 'null' end
local placed = cjson.decode(stored)
placed.owner = owner
local encoded = cjson.encode(placed)
redis.call('HSET', key('where'), person, encoded)
redis.call('ZADD', key('alive'), expires, person)
if placed.location.kind == 'table' then
  redis.call('ZADD', key('seat:' .. placed.location.tableId), expires, person)
end
return encoded
`);

/** ARGV: prefix, now, expiresAt, personId… → ids of people not placed (or expired) */
export const HEARTBEAT_SCRIPT = luaScript(`
local now, expires = tonumber(ARGV[2]), ARGV[3]
local missing = {}
for i = 4, #ARGV do
  local person = ARGV[i]
  local alive = tonumber(redis.call('ZSCORE', key('alive'), person))
  if not alive or alive < now then
    missing[#missing + 1] = person
  else
    redis.call('ZADD', key('alive'), expires, person)
    local stored = redis.call('HGET', key('where'), person)
    local location = stored and cjson.decode(stored).location
    if location and location.kind == 'table' then
      -- XX: refresh the seat, never recreate one the move script already gave away.
      redis.call('ZADD', key('seat:' .. location.tableId), 'XX', expires, person)
    end
  end
end
return cjson.encode(missing)
`);

/** ARGV: prefix, now, batch size → { changes: [change + person + expiresAt], more } */
export const REAP_SCRIPT = luaScript(`
local now, batch = ARGV[2], tonumber(ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', key('alive'), '-inf', '(' .. now,
  'WITHSCORES', 'LIMIT', 0, batch)
local changes = {}
for i = 1, #expired, 2 do
  local person = expired[i]
  local stored = redis.call('HGET', key('where'), person)
  if stored then
    local ref = redis.call('HGET', key('people'), person)
    local change = commit(person, cjson.decode(stored).location, nil, nil, now, nil)
    change.person = ref
    change.personId = person
    change.expiresAt = tonumber(expired[i + 1])
    changes[#changes + 1] = change
  else
    redis.call('ZREM', key('alive'), person)
  end
end
return cjson.encode({ changes = changes, more = #expired == batch * 2 })
`);

/** ARGV: prefix, rules JSON… → [{ index, seq, prevSeq }] for known tables whose rules changed */
export const CONFIGURE_SCRIPT = luaScript(`
local changes = {}
for i = 2, #ARGV do
  local rules = cjson.decode(ARGV[i])
  local known = redis.call('HGET', key('tables'), rules.tableId)
  redis.call('HSET', key('tables'), rules.tableId, ARGV[i])
  if known then
    known = cjson.decode(known)
    -- Mirrors sameSeatRules in domain/seating.ts.
    if known.roomId ~= rules.roomId or known.capacity ~= rules.capacity
      or known.locked ~= rules.locked or known.closed ~= rules.closed then
      local seq, steps = advance({ 'room:' .. rules.roomId })
      changes[#changes + 1] = { index = i - 2, seq = seq, prevSeq = steps[1].prevSeq }
    end
  end
end
return cjson.encode(changes)
`);
