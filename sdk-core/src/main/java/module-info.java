/**
 * TickGuard's secure transport: TLS and pinning, authentication and signing, OAuth 2.0 tokens,
 * throttling, resilience, response validation, observability and the streaming path.
 *
 * <p>Only the API packages are exported. {@code ...internal} packages are implementation detail:
 * they are not exported at all, or only to the sibling TickGuard modules that build on them.
 */
// "module": qualified exports name sibling modules that are not on this module's path.
// "requires-automatic": Resilience4j and Micrometer ship only an Automatic-Module-Name.
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module io.tickguard.core {
  requires transitive okhttp3;
  requires transitive okio;
  requires transitive tools.jackson.core;
  requires transitive tools.jackson.databind;
  requires transitive org.slf4j;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.circuitbreaker;
  requires io.github.resilience4j.retry;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;
  requires static micrometer.core; // optional: only the Micrometer binding uses it

  exports io.tickguard.core;
  exports io.tickguard.core.auth;
  exports io.tickguard.core.json;
  exports io.tickguard.core.observe;
  exports io.tickguard.core.observe.micrometer;
  exports io.tickguard.core.pem;
  exports io.tickguard.core.resilience;
  exports io.tickguard.core.security;
  exports io.tickguard.core.stream;
  exports io.tickguard.core.throttle;
  exports io.tickguard.core.time;
  exports io.tickguard.core.tls;
  exports io.tickguard.core.token;
  exports io.tickguard.core.validate;

  // Coinbase's WebSocket JWTs reuse the JWT signer behind Signers.jwt (ES256 and EdDSA).
  exports io.tickguard.core.auth.internal to io.tickguard.crypto;
  // The fleet throttle keeps the same windows as the in-process one: one window arithmetic for both.
  exports io.tickguard.core.throttle.internal to io.tickguard.redis;
}
