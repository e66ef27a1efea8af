-- Takes the refresh lock of one token session when it is free or its lease has run out.
-- KEYS[1]: the lock's hash; KEYS[2]: the session's fencing counter.
-- ARGV: now (epoch ms), lease (ms), owner (for operators), ttlMillis (a backstop on Redis's clock).
-- Returns {1, leaseUntil, fence} when taken (fence strictly above every earlier one), else
-- {0, leaseUntil, fence} of the current holder.
local now = tonumber(ARGV[1])
local lock = redis.call('HMGET', KEYS[1], 'fence', 'until')
local leaseUntil = tonumber(lock[2]) or -1
if lock[1] and leaseUntil > now then
  return {0, leaseUntil, tonumber(lock[1])}
end
local fence = redis.call('INCR', KEYS[2])
leaseUntil = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'fence', fence, 'until', string.format('%d', leaseUntil), 'owner', ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
return {1, leaseUntil, fence}
