package io.tickguard.forex.oanda.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.StreamGap;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * OANDA's pricing stream, one NDJSON line at a time (the core session reassembles lines across
 * chunks and never hands over half a line): {@code HEARTBEAT} lines keep the connection alive,
 * {@code PRICE} lines become quotes (flagged stale by the client's maximum age).
 *
 * <p>After a reconnect, the first line of the new connection (price or heartbeat) is preceded by a
 * {@link StreamGap} from the last line of the dead connection. OANDA starts every connection with a
 * snapshot of the current prices, so a price that is not newer than the last one delivered for its
 * pair (the same price again, or an older one) is not delivered twice. A line that is not JSON, a
 * price of a pair that was not subscribed, or a crossed price drops the connection (the session
 * reconnects): a stream that skipped a line it could not read is not trusted.
 *
 * <p>The session calls it from one thread at a time; it keeps its state between connections.
 */
public final class OandaPricingProtocol implements StreamProtocol<QuoteEvent> {
  private final Set<CurrencyPair> pairs;
  private final Function<CurrencyPair, Integer> pipLocation;
  private final ForexValidators validators;
  private final Clock clock;
  private final Map<CurrencyPair, Instant> lastDelivered = new HashMap<>();
  private Instant lastAlive;
  private int connection;
  private boolean gapPending;
  private long duplicates;

  /** A protocol for {@code pairs}, reading times on {@code clock}. */
  public OandaPricingProtocol(
      Set<CurrencyPair> pairs, Function<CurrencyPair, Integer> pipLocation, ForexValidators validators, Clock clock) {
    this.pairs = Set.copyOf(pairs);
    this.pipLocation = pipLocation;
    this.validators = validators;
    this.clock = clock;
  }

  @Override
  public List<String> onOpen(OpenReason reason) {
    if (reason == OpenReason.RESUBSCRIBE) {
      return List.of();
    }
    connection++;
    if (connection == 1 || lastAlive == null) {
      lastAlive = clock.instant();
    } else {
      gapPending = true;
    }
    return List.of(); // NDJSON: the subscription is the connect request itself
  }

  @Override
  public void onText(String line, StreamEmitter<QuoteEvent> emitter) {
    JsonNode n = parse(line);
    Instant now = clock.instant();
    if (gapPending) {
      gapPending = false;
      emitter.event(new QuoteEvent.Gap(new StreamGap(lastAlive, now.isBefore(lastAlive) ? lastAlive : now, connection)));
    }
    lastAlive = now;
    JsonNode type = n.get("type");
    String kind = type == null || !type.isString() ? null : type.stringValue();
    if ("HEARTBEAT".equals(kind)) {
      emitter.heartbeat();
      return;
    }
    if (kind != null && !kind.equals("PRICE")) {
      return; // a line type this client does not read; it still proves the connection alive
    }
    Quote q = OandaDecoders.price(n, io.tickguard.market.internal.JsonPath.ROOT, pipLocation);
    if (!pairs.contains(q.pair())) {
      throw new InvalidResponseException("instrument", "The stream sent " + q.pair() + ", which was not subscribed");
    }
    validators.quote().validate(q);
    Instant previous = lastDelivered.get(q.pair());
    if (previous != null && !q.time().isAfter(previous)) {
      duplicates++;
      return;
    }
    lastDelivered.put(q.pair(), q.time());
    emitter.event(new QuoteEvent.Price(validators.flagStale(q)));
  }

  /** Prices not delivered because they were not newer than the last one of their pair. */
  public long duplicates() {
    return duplicates;
  }

  private static JsonNode parse(String line) {
    JsonNode n = StrictJson.readTree(line, reason -> new InvalidResponseException(
        "line", "A pricing-stream line is not one JSON object (" + line.length() + " characters): " + reason));
    if (n == null || !n.isObject()) {
      throw new InvalidResponseException("line", "A pricing-stream line is not a JSON object");
    }
    return n;
  }
}
