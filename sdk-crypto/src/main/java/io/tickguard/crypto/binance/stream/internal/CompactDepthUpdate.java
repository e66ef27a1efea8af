package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.CompactText;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fast path of {@link BinanceMessage#read(String)}: a {@code depthUpdate} in exactly the compact
 * layout Binance sends, raw ({@code {"e":"depthUpdate","E":N,"s":"BNBBTC","U":N,"u":N,"b":[["p","q"],...],
 * "a":[...]}}) or in the combined stream's envelope ({@code {"stream":"bnbbtc@depth","data":{...}}}),
 * read straight from the message's characters: members in that order, each once, no whitespace,
 * strings of printable ASCII without escapes, integers without sign or leading zero of at most 18
 * digits, prices and sizes as plain decimal strings of at most 18 digits (a price above zero, a size
 * of zero or more: a zero size deletes the level) and nothing after the document.
 *
 * <p>Everything this layout allows is strict JSON that the full reader decodes to the same fields
 * (same event and symbol strings through the same {@link TextCache}, same longs, same {@link
 * BigDecimal}s with the same scale, same changes in the same order). At the first character outside
 * it this reader answers {@code false} and sets nothing but the reused change list, which the full
 * reader clears before use; the full reader then reads the message from the start and accepts or
 * refuses it with its own messages. So nothing is refused here, and nothing is accepted here that
 * the full reader would refuse.
 *
 * <p>Why: on a stream message of a few levels, creating a Jackson parser, walking its tokens and the
 * reader's member bookkeeping cost more than the decoding proper (issue 13's profile). One instance
 * per {@link BinanceMessage}, reused on the feed's reader thread (not thread-safe).
 */
final class CompactDepthUpdate {
  private static final char[] ENVELOPE = "{\"stream\":\"".toCharArray();
  private static final char[] DATA = ",\"data\":".toCharArray();
  private static final char[] EVENT = "{\"e\":\"depthUpdate\",\"E\":".toCharArray();
  private static final char[] SYMBOL = ",\"s\":\"".toCharArray();
  private static final char[] FIRST = ",\"U\":".toCharArray();
  private static final char[] FINAL = ",\"u\":".toCharArray();
  private static final char[] BIDS = ",\"b\":".toCharArray();
  private static final char[] ASKS = ",\"a\":".toCharArray();
  /** Where the event type's characters start in {@link #EVENT}. */
  private static final int EVENT_NAME = 6;
  private static final int EVENT_NAME_LENGTH = "depthUpdate".length();

  private final TextCache texts;
  private final List<LevelChange> scratch;
  /** The message's characters, copied once per message into a reused buffer. */
  private final CompactText in = new CompactText(512);

  /**
   * @param texts the cache the full reader reads event types and symbols through
   * @param scratch the full reader's reused change list, which becomes {@link BinanceMessage#changes}
   */
  CompactDepthUpdate(TextCache texts, List<LevelChange> scratch) {
    this.texts = texts;
    this.scratch = scratch;
  }

  /**
   * Reads {@code text} into {@code into} (already cleared) when it is a {@code depthUpdate} in the
   * compact layout; else {@code false}, with nothing of {@code into} set.
   */
  boolean read(String text, BinanceMessage into) {
    if (text.length() < EVENT.length || !in.load(text)) {
      return false;
    }
    boolean combined = in.skip(ENVELOPE);
    if (combined && (in.plainText() < 0 || !in.skip(DATA))) {
      return false;
    }
    if (!in.skip(EVENT)) {
      return false;
    }
    long eventTime = in.integer();
    if (eventTime < 0 || !in.skip(SYMBOL)) {
      return false;
    }
    int symbolStart = in.position();
    int symbolLength = in.plainText();
    if (symbolLength < 0 || !in.skip(FIRST)) {
      return false;
    }
    long first = in.integer();
    if (first < 0 || !in.skip(FINAL)) {
      return false;
    }
    long last = in.integer();
    if (last < 0) {
      return false;
    }
    scratch.clear();
    if (!in.skip(BIDS) || !levels(BookSide.BID) || !in.skip(ASKS) || !levels(BookSide.ASK) || !in.skip('}')) {
      return false;
    }
    if (combined && !in.skip('}')) {
      return false;
    }
    if (!in.atEnd()) {
      return false;
    }
    into.event = texts.text(EVENT, EVENT_NAME, EVENT_NAME_LENGTH);
    into.eventTime = eventTime;
    into.symbol = in.text(texts, symbolStart, symbolLength);
    into.firstUpdateId = first;
    into.finalUpdateId = last;
    into.changes = scratch;
    return true;
  }

  /** {@code [["p","q"],...]} of one side, added to {@link #scratch} as they come. */
  private boolean levels(BookSide side) {
    if (!in.skip('[')) {
      return false;
    }
    if (in.skip(']')) {
      return true;
    }
    while (true) {
      if (!in.skip('[')) {
        return false;
      }
      BigDecimal price = in.decimal();
      if (price == null || !in.skip(',')) {
        return false;
      }
      BigDecimal size = in.decimal();
      if (size == null || !in.skip(']')) {
        return false;
      }
      if (price.signum() <= 0) {
        return false; // the full reader names the level
      }
      scratch.add(new LevelChange(side, price, size));
      int next = in.afterElement();
      if (next != CompactText.MORE) {
        return next == CompactText.END;
      }
    }
  }
}
