package io.tickguard.forex.saxo;

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
import io.tickguard.market.internal.JsonPath;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saxo's InfoPrice stream as a core {@link StreamProtocol}: the subscription is made over REST (on
 * the first connection and after {@code _resetsubscriptions}) and its snapshot emitted, each binary
 * WebSocket message is split into Saxo frames, deltas are merged onto the snapshot, and the control
 * messages become session actions: {@code _heartbeat} proves the connection alive, {@code
 * _resetsubscriptions} naming this subscription (or none) asks for a resubscription, {@code
 * _disconnect} asks for a new connection. A frame whose message id was already seen (resent after a
 * resume) is skipped; the last id seen is the resume point of the next connect ({@link
 * #lastMessageId()}).
 *
 * <p>The session calls it from one thread at a time; {@link #lastMessageId()} and {@link
 * #referenceId()} may be read from any thread.
 */
final class SaxoPricingProtocol implements StreamProtocol<QuoteEvent> {
  private static final JsonPath SNAPSHOT = JsonPath.ROOT.member("Snapshot");
  private final Map<Integer, CurrencyPair> byUic;
  private final BiFunction<String, Map<Integer, CurrencyPair>, JsonNode> subscriber;
  private final ForexValidators validators;
  private final Clock clock;
  private final int maxPayloadBytes;
  private final Map<Integer, ObjectNode> snapshots = new HashMap<>();
  private volatile long lastMessageId = -1;
  private volatile String referenceId;
  private int nextReference;
  private int connection;
  private Instant lastAlive;
  private volatile boolean disconnectAsked; // set by the reader thread, read when the connection ends

  /**
   * A protocol for the pairs of {@code byUic}; {@code subscriber} creates the REST subscription of
   * a reference id and returns Saxo's answer (which holds the snapshot).
   */
  SaxoPricingProtocol(Map<Integer, CurrencyPair> byUic, BiFunction<String, Map<Integer, CurrencyPair>, JsonNode> subscriber,
      ForexValidators validators, Clock clock, int maxPayloadBytes) {
    this.byUic = Map.copyOf(byUic);
    this.subscriber = subscriber;
    this.validators = validators;
    this.clock = clock;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** The id of the last message seen, or -1 before the first: where a reconnect resumes. */
  long lastMessageId() {
    return lastMessageId;
  }

  /** The reference id of the current subscription, once made. */
  Optional<String> referenceId() {
    return Optional.ofNullable(referenceId);
  }

  @Override
  public List<String> onOpen(OpenReason reason, StreamEmitter<QuoteEvent> emitter) {
    Instant now = clock.instant();
    switch (reason) {
      case FIRST -> {
        connection = 1;
        lastAlive = now;
        subscribe(emitter);
      }
      case RECONNECT -> {
        connection++;
        // Saxo keeps the context's subscription and resends what came after the resume point.
        StreamGap.Cause cause = disconnectAsked ? StreamGap.Cause.PROVIDER_DISCONNECT : StreamGap.Cause.CONNECTION_LOST;
        disconnectAsked = false;
        emitter.event(new QuoteEvent.Gap(new StreamGap(since(now), now, connection, cause)));
        lastAlive = now;
      }
      case RESUBSCRIBE -> {
        emitter.event(new QuoteEvent.Gap(new StreamGap(since(now), now, connection, StreamGap.Cause.SUBSCRIPTION_RESET)));
        lastAlive = now;
        subscribe(emitter);
      }
    }
    return List.of(); // Saxo's socket takes no client messages: subscriptions are made over REST
  }

  private Instant since(Instant now) {
    return lastAlive == null || lastAlive.isAfter(now) ? now : lastAlive;
  }

  /** Saxo sends binary frames only; a text message means the stream is not what it claims. */
  @Override
  public void onText(String message, StreamEmitter<QuoteEvent> emitter) {
    throw new InvalidResponseException("message", "Saxo's streaming socket sent a text message of " + message.length()
        + " characters; it sends binary frames only");
  }

  @Override
  public void onBinary(ByteBuffer message, StreamEmitter<QuoteEvent> emitter) {
    for (SaxoFrame frame : SaxoFrameReader.readMessage(message, maxPayloadBytes)) {
      if (frame.messageId() <= lastMessageId) {
        continue; // resent after a resume and already delivered
      }
      lastAlive = clock.instant();
      String ref = frame.referenceId();
      // The resume point moves past a frame only once it was handled: a frame that was refused is
      // asked for again by the reconnect, never skipped.
      switch (ref) {
        case SaxoControl.HEARTBEAT -> emitter.heartbeat();
        case SaxoControl.RESET -> {
          if (SaxoControl.resets(json(frame), referenceId)) {
            emitter.resubscribe("Saxo sent _resetsubscriptions for " + referenceId);
          }
        }
        case SaxoControl.DISCONNECT -> {
          lastMessageId = frame.messageId();
          disconnectAsked = true;
          emitter.reconnect("Saxo sent _disconnect");
          return; // the connection is being replaced: its remaining frames are resent on the next one
        }
        default -> {
          if (!frame.isControl() && ref.equals(referenceId)) {
            apply(frame, emitter);
          } // else: another control message, or a subscription replaced after a reset
        }
      }
      lastMessageId = frame.messageId();
    }
  }

  private void subscribe(StreamEmitter<QuoteEvent> emitter) {
    String ref = "q" + (++nextReference);
    JsonNode answer = subscriber.apply(ref, byUic);
    JsonNode data = SaxoJson.array(SaxoJson.field(answer, "Snapshot", "Snapshot"), "Data", "Snapshot.Data");
    Map<Integer, ObjectNode> fresh = new HashMap<>();
    List<Quote> first = new java.util.ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      JsonPath at = SNAPSHOT.child("Data", i);
      int uic = SaxoJson.integer(item, "Uic", at);
      CurrencyPair pair = byUic.get(uic);
      if (pair == null) {
        throw new InvalidResponseException(at.field("Uic"), "Saxo's snapshot holds Uic " + uic + ", which was not asked");
      }
      ObjectNode copy = (ObjectNode) item.deepCopy();
      fresh.put(uic, copy);
      first.add(SaxoDecoders.quote(copy, pair, at));
    }
    if (!fresh.keySet().equals(byUic.keySet())) {
      throw new InvalidResponseException("Snapshot.Data", "Saxo's snapshot lacks some of the Uics asked: " + byUic.keySet());
    }
    snapshots.clear();
    snapshots.putAll(fresh);
    referenceId = ref;
    for (Quote q : first) {
      emitter.event(new QuoteEvent.Price(validators.flagStale(q)));
    }
  }

  private void apply(SaxoFrame frame, StreamEmitter<QuoteEvent> emitter) {
    JsonNode payload = json(frame);
    if (!payload.isArray()) {
      throw new InvalidResponseException("payload", "Saxo InfoPrice update is not a JSON array");
    }
    for (int i = 0; i < payload.size(); i++) {
      JsonNode update = payload.get(i);
      JsonPath at = JsonPath.element("payload", i);
      int uic = SaxoJson.integer(update, "Uic", at);
      CurrencyPair pair = byUic.get(uic);
      if (pair == null) {
        throw new InvalidResponseException(at.field("Uic"), "Saxo sent an update for Uic " + uic + ", which is not streamed");
      }
      ObjectNode snapshot = snapshots.get(uic);
      if (snapshot == null) {
        throw new InvalidResponseException(at.field("Uic"), "Saxo sent a delta for Uic " + uic + " before its snapshot");
      }
      SaxoJson.merge(snapshot, update);
      emitter.event(new QuoteEvent.Price(validators.flagStale(SaxoDecoders.quote(snapshot, pair, at))));
    }
  }

  /** The JSON payload of {@code frame}; package-private for the fuzz test of the frame path. */
  static JsonNode json(SaxoFrame frame) {
    if (frame.payloadFormat() != SaxoFrame.JSON) {
      throw new InvalidResponseException("payloadFormat", "Saxo frame " + frame.messageId() + " is not JSON (format "
          + frame.payloadFormat() + "); this stream subscribes with JSON");
    }
    // StrictJson.readTree also maps a number beyond any decimal's range (found by SaxoWireFuzzTest) to the typed refusal.
    return StrictJson.readTree(frame.payload(),
        reason -> new InvalidResponseException("payload", "Saxo frame " + frame.messageId() + " " + reason));
  }
}
