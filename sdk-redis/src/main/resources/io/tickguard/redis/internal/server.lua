-- Records a server-ordered pause (HTTP 429) or ban (HTTP 418) for the whole fleet; never shortens one.
-- KEYS[1]: the throttle's server state. ARGV: field ('paused' or 'banned'), until (epoch ms), ttlMillis.
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1])) or -1
local untilAt = tonumber(ARGV[2])
if untilAt > current then
  redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', untilAt))
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return math.max(current, untilAt)
