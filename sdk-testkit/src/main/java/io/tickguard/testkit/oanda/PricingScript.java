package io.tickguard.testkit.oanda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What one connection to the sandbox's OANDA pricing stream sends, step by step, when the routes
 * run scripted ({@link OandaRoutes#scriptedStreams()}). A test queues one script per connection it
 * expects ({@link OandaRoutes#enqueue}); prices come from the market simulator at the sandbox clock,
 * so they follow virtual time.
 *
 * <pre>{@code
 * CountDownLatch half = new CountDownLatch(1);
 * routes.enqueue(PricingScript.create()
 *     .price("EUR_USD").heartbeat()
 *     .splitPrice("EUR_USD", 17, half)   // half a line, wait for the test, then the rest
 *     .stall());                         // nothing more: the client must notice missed heartbeats
 * routes.enqueue(PricingScript.create().price("EUR_USD").cut());  // the next connection drops
 * }</pre>
 */
public final class PricingScript {
  /** One step. */
  sealed interface Step {}

  /** A PRICE line for an instrument at the sandbox clock. */
  record Price(String instrument) implements Step {}

  /** A PRICE line sent in two chunks cut at byte {@code at}, waiting for {@code gate} between them. */
  record SplitPrice(String instrument, int at, CountDownLatch gate) implements Step {}

  /** A HEARTBEAT line at the sandbox clock. */
  record Heartbeat() implements Step {}

  /** Raw bytes as one chunk, exactly as given (no newline added). */
  record Raw(String text) implements Step {}

  /** Waits until {@code gate} opens (or the routes stop streaming). */
  record Gate(CountDownLatch gate) implements Step {}

  /** Sends nothing more until the routes stop streaming: a stalled stream. */
  record Stall() implements Step {}

  /** Ends the response abruptly (no terminating chunk): a dropped connection. */
  record Cut() implements Step {}

  private final List<Step> steps = new ArrayList<>();

  private PricingScript() {}

  /** An empty script; without further steps the stream ends cleanly at once. */
  public static PricingScript create() {
    return new PricingScript();
  }

  /** A PRICE line for {@code instrument} ({@code EUR_USD}) in one chunk. */
  public PricingScript price(String instrument) {
    return add(new Price(Objects.requireNonNull(instrument, "instrument")));
  }

  /**
   * A PRICE line for {@code instrument} whose first {@code at} bytes are one chunk; the rest (with the
   * newline) follows as a second chunk once {@code gate} opens.
   */
  public PricingScript splitPrice(String instrument, int at, CountDownLatch gate) {
    if (at < 1) {
      throw new IllegalArgumentException("at must be at least 1: " + at);
    }
    return add(new SplitPrice(Objects.requireNonNull(instrument, "instrument"), at, Objects.requireNonNull(gate, "gate")));
  }

  /** A {@code {"type":"HEARTBEAT","time":...}} line. */
  public PricingScript heartbeat() {
    return add(new Heartbeat());
  }

  /** {@code text} as one chunk, byte for byte (add {@code \n} yourself to end a line). */
  public PricingScript raw(String text) {
    return add(new Raw(Objects.requireNonNull(text, "text")));
  }

  /** Waits for {@code gate} before the next step. */
  public PricingScript gate(CountDownLatch gate) {
    return add(new Gate(Objects.requireNonNull(gate, "gate")));
  }

  /** Stops sending without closing: the connection stays open and silent. Ends the script. */
  public PricingScript stall() {
    return add(new Stall());
  }

  /** Cuts the connection mid-stream. Ends the script. */
  public PricingScript cut() {
    return add(new Cut());
  }

  private PricingScript add(Step step) {
    if (!steps.isEmpty() && (steps.get(steps.size() - 1) instanceof Stall || steps.get(steps.size() - 1) instanceof Cut)) {
      throw new IllegalStateException("Nothing can follow stall() or cut()");
    }
    steps.add(step);
    return this;
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
