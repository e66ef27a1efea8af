-- Applies what the server reported about one limit, for the whole fleet.
-- KEYS[1]: the limit's hash. ARGV: mode ('used', 'add' or 'block'), now, kind (0 fixed, 1
-- counter), param (interval ms, or decay per ms), value (amount used or added, or the time until
-- which nothing is granted), ttlMillis.
-- 'used' only ever raises the count ('the server saw at least this much'); 'add' adds usage granted
-- while Redis was unreachable; 'block' postpones every grant.
local mode = ARGV[1]
local now = tonumber(ARGV[2])
local kind = tonumber(ARGV[3])
local param = tonumber(ARGV[4])
local value = tonumber(ARGV[5])
local ttl = tonumber(ARGV[6])
local key = KEYS[1]
if mode == 'block' then
  local blocked = tonumber(redis.call('HGET', key, 'blocked')) or -1
  redis.call('HSET', key, 'blocked', string.format('%d', math.max(blocked, value)))
elseif kind == 0 then
  local field = 'w' .. string.format('%d', math.floor(now / param))
  local current = tonumber(redis.call('HGET', key, field)) or 0
  local updated = current + value
  if mode == 'used' then
    updated = math.max(current, value)
  end
  redis.call('HSET', key, field, string.format('%d', updated))
else
  local state = redis.call('HMGET', key, 'level', 'last')
  local level = tonumber(state[1]) or 0
  local last = tonumber(state[2]) or -1
  if last >= 0 and now > last then
    level = math.max(0, level - (now - last) * param)
  end
  if last < 0 or now >= last then
    local updated = level + value
    if mode == 'used' then
      updated = math.max(level, value)
    end
    redis.call('HSET', key, 'level', string.format('%.6f', updated), 'last', string.format('%d', math.max(now, last)))
  elseif mode == 'add' then
    redis.call('HSET', key, 'level', string.format('%.6f', level + value))
  end
end
redis.call('PEXPIRE', key, ttl)
return 1
