-- Publishes a refresh's result, only while the caller still holds the lock with its fence: the
-- rotated refresh token and the access token in one atomic step, so nobody can read the new access
-- token while the store still holds the spent refresh token.
-- KEYS[1]: the lock's hash; KEYS[2]: the session's token hash.
-- ARGV: fence, refresh (encrypted, '' when the server did not rotate it), access (encrypted),
--       expiresAt (epoch ms), scopes (space separated).
-- Returns 1 when published, 0 when the caller's lease was lost (a newer fence holds the lock).
if tonumber(redis.call('HGET', KEYS[1], 'fence')) ~= tonumber(ARGV[1]) then
  return 0
end
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[2], 'refresh', ARGV[2])
end
redis.call('HSET', KEYS[2], 'access', ARGV[3], 'expiresAt', ARGV[4], 'scopes', ARGV[5], 'fence', ARGV[1])
return 1
