package io.tickguard.crypto.internal;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one paging rule of every provider's {@code candles()}: a window is fetched in consecutive
 * pages of at most the provider's per-call count, up to {@link #MAX_CANDLES} candles in all; a
 * window that could hold more is refused before anything is sent. Each page must answer only
 * candles of its own sub-window, in order, and never more than asked: a short answer is never
 * silently taken for the whole window.
 */
public final class CandlePages {
  /** The most candles one {@code candles()} call collects across its pages. */
  public static final int MAX_CANDLES = 10_000;

  private CandlePages() {}

  /** Fetches one page: the candles opening in {@code [from, to]}. */
  @FunctionalInterface
  public interface Page {
    /** The candles opening in {@code [from, to]}, oldest first. */
    List<Candle> fetch(Instant from, Instant to);
  }

  /**
   * All candles opening in {@code [from, to]}, oldest first, fetched in pages of {@code perCall}.
   *
   * @param provider the provider's name, for messages
   * @throws InvalidRequestException (field {@code to}) when the window may hold more than {@link
   *     #MAX_CANDLES} candles, or more than one call carries for an interval without a fixed width
   */
  public static List<Candle> collect(
      String provider, Interval interval, Instant from, Instant to, int perCall, Page page) {
    if (interval.duration().isEmpty()) {
      // A calendar interval (a month) has no fixed width: one call, refused when it comes back full.
      List<Candle> all = checked(page.fetch(from, to), from, to, perCall, null);
      if (all.size() >= perCall) {
        throw new InvalidRequestException("to", provider + " serves at most " + perCall + " " + interval.code()
            + " candles per call and this window may hold more: shorten it");
      }
      return all;
    }
    Duration width = interval.duration().get();
    long slots = slots(width, from, to);
    if (slots > MAX_CANDLES) {
      throw new InvalidRequestException("to", "candles() collects at most " + MAX_CANDLES + " candles per call ("
          + ceilDiv(MAX_CANDLES, perCall) + " " + provider + " requests); this window may hold " + slots + " "
          + interval.code() + " candles: split it or use a wider interval");
    }
    // Any span of perCall widths holds at most perCall open times, whatever the alignment.
    Duration span = width.multipliedBy(perCall);
    List<Candle> out = new ArrayList<>();
    Instant pageFrom = from;
    while (!pageFrom.isAfter(to)) {
      Instant pageEnd = pageFrom.plus(span).minusMillis(1);
      Instant pageTo = pageEnd.isAfter(to) ? to : pageEnd;
      Candle previous = out.isEmpty() ? null : out.get(out.size() - 1);
      out.addAll(checked(page.fetch(pageFrom, pageTo), pageFrom, pageTo, perCall, previous));
      pageFrom = pageFrom.plus(span);
    }
    return List.copyOf(out);
  }

  /** The most open times of {@code width} that {@code [from, to]} can hold. */
  static long slots(Duration width, Instant from, Instant to) {
    long spanMillis = Duration.between(from, to).toMillis();
    return spanMillis / Math.max(1, width.toMillis()) + 1;
  }

  private static List<Candle> checked(List<Candle> candles, Instant from, Instant to, int perCall, Candle previous) {
    if (candles.size() > perCall) {
      throw new InvalidResponseException("candles", "asked at most " + perCall + " candles, got " + candles.size());
    }
    Candle last = previous;
    for (int i = 0; i < candles.size(); i++) {
      Candle c = candles.get(i);
      if (c.openTime().isBefore(from) || c.openTime().isAfter(to)) {
        throw new InvalidResponseException("candles[" + i + "].openTime",
            "candle opening at " + c.openTime() + " lies outside the window asked, " + from + " to " + to);
      }
      // Non-decreasing, not strictly: Kraken's documented OHLC sample repeats an open time.
      if (last != null && c.openTime().isBefore(last.openTime())) {
        throw new InvalidResponseException("candles[" + i + "].openTime",
            "candles must be in time order; " + c.openTime() + " follows " + last.openTime());
      }
      last = c;
    }
    return candles;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
