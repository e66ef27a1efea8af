package io.tickguard.testkit.kraken;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's Kraken WebSocket tokens: {@code POST /0/private/GetWebSocketsToken} issues them
 * ({@link KrakenRoutes}), the {@code level3} channel checks them ({@link KrakenStreamRoutes}). As
 * Kraken documents, a token may establish a connection for {@link #VALIDITY} after it was issued;
 * once a subscription with it succeeded it stays good on that connection. Share one issuer between
 * the two route sets: {@code KrakenRoutes.builder().webSocketTokens(streams.tokens())}.
 */
public final class KrakenWsTokenIssuer {
  /** How long a token may establish a connection (Kraken: 15 minutes, {@code expires} 900). */
  public static final Duration VALIDITY = Duration.ofMinutes(15);

  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger count = new AtomicInteger();

  /** An issuer with no token yet. */
  public KrakenWsTokenIssuer() {}

  /** Issues a new token at {@code now} (the sandbox clock). */
  public String issue(Instant now) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getEncoder().withoutPadding().encodeToString(bytes); // 43 characters, as Kraken's
    issued.put(token, now);
    count.incrementAndGet();
    return token;
  }

  /** Whether {@code token} was issued here and may still establish a connection at {@code now}. */
  public boolean mayConnect(String token, Instant now) {
    Instant at = token == null ? null : issued.get(token);
    return at != null && !now.isAfter(at.plus(VALIDITY));
  }

  /** Fault: every token issued so far is too old to establish a connection from now on. */
  public void expireAll() {
    issued.replaceAll((token, at) -> Instant.EPOCH);
  }

  /** Tokens issued so far. */
  public int issuedCount() {
    return count.get();
  }
}
