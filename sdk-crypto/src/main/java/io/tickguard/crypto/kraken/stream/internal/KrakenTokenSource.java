package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.stream.MessageSigner;
import io.tickguard.crypto.kraken.KrakenWsToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The WebSocket token of Kraken's authenticated channels, as the {@link MessageSigner} of their
 * connections: a {@code level3} subscribe or unsubscribe gets the cached token put into its {@code
 * params} just before it is sent (after the message throttle, off the reader thread). The token is
 * fetched on first need, again when it could no longer establish a connection on the client's clock
 * (with {@link #MARGIN} to spare), and again after Kraken refused it ({@link #refused}). Which token
 * each {@code req_id} carried is remembered until its answer, so several refusals of one token cause
 * one fetch. The token is never logged or put in a message of an exception. Thread-safe.
 */
public final class KrakenTokenSource implements MessageSigner {
  /** Time kept in hand before a token's connect-by instant: round trips and a clock behind Kraken's. */
  public static final Duration MARGIN = Duration.ofSeconds(60);

  private static final String SUBSCRIBE = "{\"method\":\"subscribe\",\"params\":{\"channel\":\"level3\"";
  private static final String UNSUBSCRIBE = "{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"level3\"";
  private static final String REQ_ID = "},\"req_id\":";

  private final Supplier<KrakenWsToken> fetch;
  private final Clock clock;
  private final Map<Long, Long> generationOfRequest = new ConcurrentHashMap<>();
  private KrakenWsToken current;
  private long generation;
  private int fetches;

  /** Tokens from {@code fetch} (the client's {@code webSocketToken()}), aged on {@code clock}. */
  public KrakenTokenSource(Supplier<KrakenWsToken> fetch, Clock clock) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String sign(String message) {
    if (!message.startsWith(SUBSCRIBE) && !message.startsWith(UNSUBSCRIBE)) {
      return message;
    }
    int at = message.lastIndexOf(REQ_ID);
    if (at < 0) {
      throw new IllegalStateException("A level3 message without req_id: the feed writes one into every message");
    }
    long reqId = Long.parseLong(message.substring(at + REQ_ID.length(), message.length() - 1));
    char[] chars;
    synchronized (this) {
      chars = usable().token().chars();
      generationOfRequest.put(reqId, generation);
    }
    try {
      return new StringBuilder(message.length() + chars.length + 12).append(message, 0, at)
          .append(",\"token\":\"").append(chars).append('"').append(message, at, message.length()).toString();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Kraken refused the token of request {@code reqId} (or of an unknown request, when {@code reqId}
   * is null): it is dropped, unless a newer token already replaced it, so the next message fetches
   * a fresh one.
   */
  public synchronized void refused(Long reqId) {
    Long used = reqId == null ? null : generationOfRequest.remove(reqId);
    if ((used == null || used == generation) && current != null) {
      current.token().destroy();
      current = null;
    }
  }

  /** The answer to {@code reqId} arrived; forget which token it carried. */
  public void answered(Long reqId) {
    if (reqId != null) {
      generationOfRequest.remove(reqId);
    }
  }

  /** Tokens fetched so far (tests: one per refusal, one per expiry). */
  public synchronized int fetches() {
    return fetches;
  }

  private KrakenWsToken usable() {
    if (current == null || !current.usableAt(clock.instant(), MARGIN)) {
      KrakenWsToken fresh = Objects.requireNonNull(fetch.get(), "token");
      if (current != null) {
        current.token().destroy();
      }
      current = fresh;
      generation++;
      fetches++;
    }
    return current;
  }
}
