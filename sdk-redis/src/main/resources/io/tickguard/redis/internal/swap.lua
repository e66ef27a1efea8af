-- Replaces one field only if it still holds the expected value (re-encryption under a new key must
-- never overwrite a token another process stored meanwhile).
-- KEYS[1]: the hash. ARGV: field, expected, replacement. Returns 1 when replaced, else 0.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
