/**
 * A fleet-wide throttle and OAuth token session on Redis (Lettuce), so that many JVMs behind one
 * API key share one rate budget and one rotating refresh token.
 */
// "requires-transitive-automatic": Lettuce ships only an Automatic-Module-Name, and its client types
// appear in this module's API (RedisBackend wraps the user's own Lettuce clients).
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.tickguard.redis {
  requires transitive io.tickguard.core;
  requires transitive lettuce.core;

  exports io.tickguard.redis;
}
