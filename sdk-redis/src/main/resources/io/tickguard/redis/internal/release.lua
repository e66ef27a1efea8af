-- Releases the refresh lock only when the caller's fence still holds it.
-- KEYS[1]: the lock's hash. ARGV: fence. Returns 1 when released, 0 when someone else holds it.
if tonumber(redis.call('HGET', KEYS[1], 'fence')) == tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
