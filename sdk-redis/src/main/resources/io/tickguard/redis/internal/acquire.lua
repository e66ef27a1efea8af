-- Reserves permits in every limit window of one request, atomically: all or nothing.
-- Mirrors sdk-core's InProcessThrottle (fixed epoch-aligned windows with edge guard, decaying
-- counters; FIFO per window through its last grant; server pause and ban; paced windows).
-- KEYS[1]: the throttle's server state (paused, banned); KEYS[1+i]: limit i's hash.
-- ARGV: now, maxWait, edgeGuard, ttlMillis, n, then per limit: kind (0 fixed, 1 counter), limit,
--       param (interval ms, or decay per ms), cost, spacing (ms per permit of a paced fixed window,
--       0 when not paced).
-- A paced window also keeps 'next', the earliest time (fractional epoch ms) its next permit may be
-- granted, for every instance sharing the key; a grant at 'at' moves it to max(next, at) + cost *
-- spacing, as sdk-core's PacedState does. Nothing accumulates while idle.
-- Returns {0, at, blocking} granted at 'at'; {1, at, blocking} the wait exceeds maxWait (nothing
-- taken); {2, bannedUntil, 0} banned. 'blocking' is the 1-based limit that set 'at', 0 the pause.
local now = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local edgeGuard = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local n = tonumber(ARGV[5])

local server = redis.call('HMGET', KEYS[1], 'paused', 'banned')
local paused = tonumber(server[1]) or -1
local banned = tonumber(server[2]) or -1
if banned > now then
  return {2, banned, 0}
end

local states = {}
for i = 1, n do
  local b = 5 + (i - 1) * 5
  local s = {kind = tonumber(ARGV[b + 1]), limit = tonumber(ARGV[b + 2]), param = tonumber(ARGV[b + 3]),
             cost = tonumber(ARGV[b + 4]), spacing = tonumber(ARGV[b + 5]), key = KEYS[i + 1], f = {}}
  local flat = redis.call('HGETALL', s.key)
  for j = 1, #flat, 2 do
    s.f[flat[j]] = flat[j + 1]
  end
  s.last = tonumber(s.f['last']) or -1
  s.blocked = tonumber(s.f['blocked']) or -1
  s.next = tonumber(s.f['next']) or -1
  if s.kind == 0 then
    s.edge = math.min(edgeGuard, math.floor(s.param / 2))
  else
    s.level = tonumber(s.f['level']) or 0
  end
  states[i] = s
end

local function used(s, index)
  return tonumber(s.f['w' .. string.format('%d', index)]) or 0
end

local function inEdge(s, t)
  return s.edge > 0 and (t % s.param) >= s.param - s.edge
end

local function levelAt(s, t)
  if s.last < 0 or t <= s.last then
    return s.level
  end
  return math.max(0, s.level - (t - s.last) * s.param)
end

local function earliest(s, t)
  local at = math.max(t, s.last, s.blocked)
  if s.kind == 1 then
    local excess = levelAt(s, at) + s.cost - s.limit
    if excess <= 0 then
      return at
    end
    return at + math.ceil(excess / s.param)
  end
  if s.spacing > 0 then
    at = math.max(at, math.ceil(s.next))
  end
  while true do
    local index = math.floor(at / s.param)
    local fits = used(s, index) + s.cost <= s.limit
    if fits and inEdge(s, at) then
      fits = used(s, index + 1) + s.cost <= s.limit
    end
    if fits then
      return at
    end
    at = (index + 1) * s.param
  end
end

local at = math.max(now, paused)
local blocking = 0
if paused <= now then
  blocking = -1
end
local moved = true
while moved do
  moved = false
  for i = 1, n do
    local t = earliest(states[i], at)
    if t > at then
      at = t
      blocking = i
      moved = true
    end
  end
end
if blocking < 0 then
  blocking = 1
end
if at - now > maxWait then
  return {1, at, blocking}
end

for i = 1, n do
  local s = states[i]
  if s.kind == 1 then
    local level = levelAt(s, at) + s.cost
    redis.call('HSET', s.key, 'level', string.format('%.6f', level), 'last', string.format('%d', math.max(s.last, at)))
  else
    local index = math.floor(at / s.param)
    local current = math.floor(now / s.param)
    for field, _ in pairs(s.f) do
      if string.sub(field, 1, 1) == 'w' and tonumber(string.sub(field, 2)) < current then
        redis.call('HDEL', s.key, field)
      end
    end
    redis.call('HINCRBY', s.key, 'w' .. string.format('%d', index), s.cost)
    if inEdge(s, at) then
      redis.call('HINCRBY', s.key, 'w' .. string.format('%d', index + 1), s.cost)
    end
    redis.call('HSET', s.key, 'last', string.format('%d', math.max(s.last, at)))
    if s.spacing > 0 then
      redis.call('HSET', s.key, 'next', string.format('%.17g', math.max(s.next, at) + s.cost * s.spacing))
    end
  end
  redis.call('PEXPIRE', s.key, ttl)
end
return {0, at, blocking}
