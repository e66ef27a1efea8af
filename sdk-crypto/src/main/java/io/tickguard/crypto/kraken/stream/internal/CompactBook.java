package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.CompactText;
import io.tickguard.crypto.stream.internal.WireLevels;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link KrakenMessage#read(String, TextCache, CompactBook)}: a v2 {@code book}
 * message in exactly the compact layout Kraken sends, {@code {"channel":"book","type":"snapshot"|
 * "update","data":[{"symbol":"BTC/USD","bids":[{"price":45283.5,"qty":0.10000000},...],"asks":[...],
 * "checksum":3310070434,"timestamp":".."},...]}} (the {@code timestamp} member may be absent), read
 * straight from the message's characters: members in that order, each once, no whitespace, strings
 * of printable ASCII without escapes (at most 128 characters), prices and quantities JSON numbers in
 * plain decimal notation of at most 18 digits without sign, exponent or leading zero (a price above
 * zero), the checksum an integer of at most 10 digits that fits 32 bits unsigned, and nothing after
 * the document.
 *
 * <p>Everything this layout allows is strict JSON that the full reader decodes to the same fields
 * (channel, type and symbol through the same {@link TextCache}, the same decimals with the wire's
 * scale, the same changes in the same order, the same checksum and timestamp). At the first character
 * outside it this reader answers {@code false} and sets nothing; the full reader then reads the
 * message from the start and accepts or refuses it with its own messages. So nothing is refused
 * here, and nothing is accepted here that the full reader would refuse.
 *
 * <p>Why: Jackson's parser creation and token walk were about half of Kraken's CPU per book message
 * (issue 13's rate of 1 M level updates a second). One instance per feed, reused on the feed's reader
 * thread under its lock (not thread-safe).
 */
final class CompactBook {
  private static final char[] HEAD = "{\"channel\":\"book\",\"type\":\"".toCharArray();
  /** Where the channel's characters start in {@link #HEAD}. */
  private static final int CHANNEL = "{\"channel\":\"".length();
  private static final int CHANNEL_LENGTH = "book".length();
  private static final char[] UPDATE = "update\"".toCharArray();
  private static final char[] SNAPSHOT = "snapshot\"".toCharArray();
  private static final char[] DATA = ",\"data\":[".toCharArray();
  private static final char[] SYMBOL = "{\"symbol\":\"".toCharArray();
  private static final char[] BIDS = ",\"bids\":[".toCharArray();
  private static final char[] ASKS = ",\"asks\":[".toCharArray();
  private static final char[] PRICE = "{\"price\":".toCharArray();
  private static final char[] QTY = ",\"qty\":".toCharArray();
  private static final char[] CHECKSUM = ",\"checksum\":".toCharArray();
  private static final char[] TIMESTAMP = ",\"timestamp\":\"".toCharArray();
  private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

  private final TextCache texts;
  /** The changes of the item being read; copied once into the item's immutable list. */
  private final List<LevelChange> scratch = new ArrayList<>();
  /** The items read, handed to the message only when the whole message is in the layout. */
  private final List<KrakenMessage.Item> items = new ArrayList<>();
  /** The message's characters, copied once per message into a reused buffer. */
  private final CompactText in = new CompactText(512);

  /** @param texts the cache the full reader reads channels, types and symbols through */
  CompactBook(TextCache texts) {
    this.texts = texts;
  }

  /**
   * Reads {@code text} into {@code into} (fresh) when it is a {@code book} message in the compact
   * layout; else {@code false}, with nothing of {@code into} set.
   */
  boolean read(String text, KrakenMessage into) {
    if (text.length() < HEAD.length || !in.load(text) || !in.skip(HEAD)) {
      return false;
    }
    int typeStart = in.position();
    if (!in.skip(UPDATE) && !in.skip(SNAPSHOT)) {
      return false;
    }
    int typeLength = in.position() - typeStart - 1;
    if (!in.skip(DATA)) {
      return false;
    }
    items.clear();
    int next = CompactText.MORE;
    while (next == CompactText.MORE) {
      if (!item()) {
        return false;
      }
      next = in.afterElement();
    }
    if (next != CompactText.END || !in.skip('}') || !in.atEnd()) {
      return false;
    }
    into.channel = texts.text(HEAD, CHANNEL, CHANNEL_LENGTH);
    into.type = in.text(texts, typeStart, typeLength);
    into.items.addAll(items);
    return true;
  }

  /** One element of {@code data}, added to {@link #items}. */
  private boolean item() {
    if (!in.skip(SYMBOL)) {
      return false;
    }
    int symbolStart = in.position();
    int symbolLength = in.plainText();
    if (symbolLength < 0 || !in.skip(BIDS)) {
      return false;
    }
    scratch.clear();
    if (!levels(BookSide.BID) || !in.skip(ASKS) || !levels(BookSide.ASK) || !in.skip(CHECKSUM)) {
      return false;
    }
    long checksum = in.integer();
    if (checksum < 0 || checksum > MAX_CHECKSUM) {
      return false; // the full reader names a checksum that is not an unsigned 32-bit integer
    }
    String timestamp = null;
    if (in.skip(TIMESTAMP)) {
      int timestampStart = in.position();
      int timestampLength = in.plainText();
      if (timestampLength < 0) {
        return false;
      }
      timestamp = in.string(timestampStart, timestampLength);
    }
    if (!in.skip('}')) {
      return false;
    }
    KrakenMessage.Item item = new KrakenMessage.Item();
    item.symbol = in.text(texts, symbolStart, symbolLength);
    item.changes = scratch.isEmpty() ? null : WireLevels.immutableCopy(scratch);
    item.checksum = checksum;
    item.timestamp = timestamp;
    items.add(item);
    return true;
  }

  /** The elements of a side's array after its opening bracket, and its closing bracket, added to {@link #scratch}. */
  private boolean levels(BookSide side) {
    if (in.skip(']')) {
      return true;
    }
    int next = CompactText.MORE;
    while (next == CompactText.MORE) {
      if (!in.skip(PRICE)) {
        return false;
      }
      BigDecimal price = in.number();
      if (price == null || price.signum() <= 0 || !in.skip(QTY)) {
        return false; // a price of zero: the full reader names the level
      }
      BigDecimal qty = in.number();
      if (qty == null || !in.skip('}')) {
        return false;
      }
      scratch.add(new LevelChange(side, price, qty));
      next = in.afterElement();
    }
    return next == CompactText.END;
  }
}
