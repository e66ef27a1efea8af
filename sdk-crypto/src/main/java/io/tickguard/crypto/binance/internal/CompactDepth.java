package io.tickguard.crypto.binance.internal;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@code depth}: a body in exactly the compact layout Binance sends, {@code
 * {"lastUpdateId":N,"bids":[["p","q"],...],"asks":[...]}} with no whitespace, each member at most
 * once, plain decimal strings of at most 18 digits and strictly positive, read straight from the
 * UTF-8 bytes. Everything this layout allows is valid strict JSON that the full reader ({@link
 * io.tickguard.market.internal.JsonStream} with {@code Levels}) decodes to the same levels; at the
 * first byte outside it (whitespace, another member, a repeated one, an escape, an exponent, a sign,
 * a number for a price, more levels than asked, a zero size...) this reader answers {@code null} and
 * the full reader reads the body from the start, accepting or refusing it with its own messages. So
 * nothing is refused here, and nothing is accepted here that the full reader would refuse.
 *
 * <p>Why: the full reader turns every level's strings into chars through Jackson before parsing
 * them; on a 5,000-level book that copy and the token stream around it cost more than the bare
 * Jackson tree a hand-written client builds (issue 20).
 */
final class CompactDepth {
  private static final byte[] LAST_UPDATE_ID = member("lastUpdateId");
  private static final byte[] BIDS = member("bids");
  private static final byte[] ASKS = member("asks");
  /** Sides are presized for the levels asked up to this many (Binance's deepest book). */
  private static final int PRESIZED = 5000;
  /** Digits that always fit a {@code long}; longer values go to the full reader. */
  private static final int MAX_DIGITS = 18;

  private final byte[] body;
  private final int max;
  private int at;
  private List<PriceLevel> bids;
  private List<PriceLevel> asks;

  private CompactDepth(byte[] body, int max) {
    this.body = body;
    this.max = max;
  }

  /** The two sides of {@code body}, or {@code null} when it is not in the compact layout (read it in full). */
  static CompactDepth read(byte[] body, int max) {
    CompactDepth depth = new CompactDepth(body, max);
    return depth.document() ? depth : null;
  }

  /** The bids, best first, as read. */
  List<PriceLevel> bids() {
    return bids;
  }

  /** The asks, best first, as read. */
  List<PriceLevel> asks() {
    return asks;
  }

  private static byte[] member(String name) {
    return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
  }

  private boolean document() {
    if (body.length < 2 || body[0] != '{') {
      return false;
    }
    at = 1;
    boolean lastUpdateId = false;
    while (true) {
      if (!lastUpdateId && startsWith(LAST_UPDATE_ID)) {
        at += LAST_UPDATE_ID.length;
        lastUpdateId = true;
        if (!integer()) {
          return false;
        }
      } else if (bids == null && startsWith(BIDS)) {
        at += BIDS.length;
        bids = side();
        if (bids == null) {
          return false;
        }
      } else if (asks == null && startsWith(ASKS)) {
        at += ASKS.length;
        asks = side();
        if (asks == null) {
          return false;
        }
      } else {
        return false;
      }
      if (at >= body.length) {
        return false;
      }
      byte next = body[at++];
      if (next == '}') {
        return at == body.length && bids != null && asks != null;
      }
      if (next != ',') {
        return false;
      }
    }
  }

  private boolean startsWith(byte[] name) {
    if (at + name.length > body.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (body[at + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** A JSON integer without sign or leading zero, of at most 18 digits (the value is not needed). */
  private boolean integer() {
    int start = at;
    while (at < body.length && body[at] >= '0' && body[at] <= '9') {
      at++;
    }
    int digits = at - start;
    return digits > 0 && digits <= MAX_DIGITS && (digits == 1 || body[start] != '0');
  }

  /** A side of at most {@link #max} levels, or {@code null} when it is not in the compact layout. */
  private List<PriceLevel> side() {
    if (at + 1 >= body.length || body[at] != '[') {
      return null;
    }
    at++;
    if (body[at] == ']') {
      at++;
      return List.of();
    }
    PriceLevel[] out = new PriceLevel[Math.min(Math.max(max, 0), PRESIZED)];
    int n = 0;
    while (true) {
      if (n >= max || at >= body.length || body[at++] != '[') {
        return null;
      }
      BigDecimal price = decimal();
      if (price == null || at >= body.length || body[at++] != ',') {
        return null;
      }
      BigDecimal size = decimal();
      if (size == null || at + 1 >= body.length || body[at++] != ']') {
        return null;
      }
      if (price.signum() <= 0 || size.signum() <= 0) {
        return null; // the full reader names the level
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, (int) Math.min(max, out.length * 2L + 16));
      }
      out[n++] = new PriceLevel(price, size);
      byte next = body[at++];
      if (next == ']') {
        return List.of(n == out.length ? out : Arrays.copyOf(out, n));
      }
      if (next != ',') {
        return null;
      }
    }
  }

  /**
   * A string of digits with at most one inner '.', at most 18 digits, as {@code
   * BigDecimal.valueOf(unscaled, scale)} (what {@code Decimals.parseOrNull} makes of it); else null.
   */
  private BigDecimal decimal() {
    if (at >= body.length || body[at] != '"') {
      return null;
    }
    int start = at + 1;
    int end = body.length;
    long unscaled = 0;
    int i = start;
    for (; i < end && body[i] >= '0' && body[i] <= '9'; i++) {
      unscaled = unscaled * 10 + (body[i] - '0');
    }
    int whole = i - start;
    int scale = 0;
    if (whole > 0 && i < end && body[i] == '.') {
      int fraction = ++i;
      for (; i < end && body[i] >= '0' && body[i] <= '9'; i++) {
        unscaled = unscaled * 10 + (body[i] - '0');
      }
      scale = i - fraction;
      if (scale == 0) {
        return null;
      }
    }
    if (whole == 0 || whole + scale > MAX_DIGITS || i >= end || body[i] != '"') {
      return null;
    }
    at = i + 1;
    return BigDecimal.valueOf(unscaled, scale);
  }
}
