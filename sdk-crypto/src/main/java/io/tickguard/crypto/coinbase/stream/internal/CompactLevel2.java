package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.CompactText;
import io.tickguard.crypto.stream.internal.WireLevels;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link CoinbaseMessage#read(String)}: an {@code l2_data} message in exactly the
 * compact layout Coinbase sends, {@code {"channel":"l2_data","client_id":"..","timestamp":"..",
 * "sequence_num":N,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid",
 * "event_time":"..","price_level":"..","new_quantity":".."},...]},...]}}, read straight from the
 * message's characters: members in that order, each once, no whitespace, event types {@code
 * snapshot} or {@code update}, sides {@code bid}, {@code offer} or {@code ask}, strings of printable
 * ASCII without escapes (at most 128 characters), {@code sequence_num} an integer without sign or
 * leading zero of at most 18 digits, prices and sizes plain decimal strings of at most 18 digits (a
 * price above zero), and nothing after the document. {@code client_id}, {@code timestamp} and {@code
 * event_time} are only checked to be such strings: the full reader skips them without reading them.
 *
 * <p>Everything this layout allows is strict JSON that the full reader decodes to the same fields
 * (same channel, event type and product strings through the same {@link TextCache}, same sequence,
 * same {@link BigDecimal}s with the same scale, same changes in the same order). At the first
 * character outside it this reader answers {@code false} and sets nothing; the full reader then reads
 * the message from the start and accepts or refuses it with its own messages. So nothing is refused
 * here, and nothing is accepted here that the full reader would refuse.
 *
 * <p>Why: Coinbase's updates are long (a timestamp in every level); Jackson's token walk of them,
 * the parser's creation and the member bookkeeping cost more than the decoding proper (issue 13). One
 * instance per {@link CoinbaseMessage}, reused on the feed's reader thread (not thread-safe).
 */
final class CompactLevel2 {
  private static final char[] HEAD = "{\"channel\":\"l2_data\",\"client_id\":\"".toCharArray();
  /** Where the channel's characters start in {@link #HEAD}. */
  private static final int CHANNEL = "{\"channel\":\"".length();
  private static final int CHANNEL_LENGTH = "l2_data".length();
  private static final char[] TIMESTAMP = ",\"timestamp\":\"".toCharArray();
  private static final char[] SEQUENCE = ",\"sequence_num\":".toCharArray();
  private static final char[] EVENTS = ",\"events\":[".toCharArray();
  private static final char[] TYPE = "{\"type\":\"".toCharArray();
  private static final char[] PRODUCT = ",\"product_id\":\"".toCharArray();
  private static final char[] UPDATES = ",\"updates\":[".toCharArray();
  private static final char[] SIDE = "{\"side\":\"".toCharArray();
  private static final char[] EVENT_TIME = ",\"event_time\":\"".toCharArray();
  private static final char[] PRICE = ",\"price_level\":".toCharArray();
  private static final char[] SIZE = ",\"new_quantity\":".toCharArray();
  private static final char[] BID = "bid\"".toCharArray();
  private static final char[] OFFER = "offer\"".toCharArray();
  private static final char[] ASK = "ask\"".toCharArray();
  private static final char[] UPDATE = "update\"".toCharArray();
  private static final char[] SNAPSHOT = "snapshot\"".toCharArray();

  private final TextCache texts;
  /** The changes of the event being read; copied once into the event's immutable list. */
  private final List<LevelChange> scratch = new ArrayList<>();
  /** The events read, handed to the message only when the whole message is in the layout. */
  private final List<CoinbaseMessage.Event> events = new ArrayList<>();
  /** The message's characters, copied once per message into a reused buffer. */
  private final CompactText in = new CompactText(1024);

  /** @param texts the cache the full reader reads channels, event types and products through */
  CompactLevel2(TextCache texts) {
    this.texts = texts;
  }

  /**
   * Reads {@code text} into {@code into} (already cleared) when it is an {@code l2_data} message in
   * the compact layout; else {@code false}, with nothing of {@code into} set.
   */
  boolean read(String text, CoinbaseMessage into) {
    if (text.length() < HEAD.length || !in.load(text)) {
      return false;
    }
    events.clear();
    if (!in.skip(HEAD) || in.plainText() < 0 || !in.skip(TIMESTAMP) || in.plainText() < 0 || !in.skip(SEQUENCE)) {
      return false;
    }
    long sequence = in.integer();
    if (sequence < 0 || !in.skip(EVENTS)) {
      return false;
    }
    while (true) {
      if (!event()) {
        return false;
      }
      char next = in.next();
      if (next == ']') {
        break;
      }
      if (next != ',') {
        return false;
      }
    }
    if (!in.skip('}') || !in.atEnd()) {
      return false;
    }
    into.channel = texts.text(HEAD, CHANNEL, CHANNEL_LENGTH);
    into.sequence = sequence;
    into.events.addAll(events);
    return true;
  }

  /** One element of {@code events}, added to {@link #events}. */
  private boolean event() {
    if (!in.skip(TYPE)) {
      return false;
    }
    int typeStart = in.position();
    if (!in.skip(UPDATE) && !in.skip(SNAPSHOT)) {
      return false;
    }
    int typeLength = in.position() - typeStart - 1;
    if (!in.skip(PRODUCT)) {
      return false;
    }
    int productStart = in.position();
    int productLength = in.plainText();
    if (productLength < 0 || !in.skip(UPDATES)) {
      return false;
    }
    scratch.clear();
    if (!in.skip(']') && !updates()) {
      return false;
    }
    if (!in.skip('}')) {
      return false;
    }
    CoinbaseMessage.Event e = new CoinbaseMessage.Event();
    e.type = in.text(texts, typeStart, typeLength);
    e.productId = in.text(texts, productStart, productLength);
    e.updates = WireLevels.immutableCopy(scratch);
    events.add(e);
    return true;
  }

  /** The elements of {@code updates} (at least one) and the array's end, added to {@link #scratch}. */
  private boolean updates() {
    while (true) {
      if (!in.skip(SIDE)) {
        return false;
      }
      BookSide side;
      if (in.skip(BID)) {
        side = BookSide.BID;
      } else if (in.skip(OFFER) || in.skip(ASK)) {
        side = BookSide.ASK;
      } else {
        return false;
      }
      if (!in.skip(EVENT_TIME) || in.plainText() < 0 || !in.skip(PRICE)) {
        return false;
      }
      BigDecimal price = in.decimal();
      if (price == null || price.signum() <= 0 || !in.skip(SIZE)) {
        return false; // a price of zero: the full reader names the level
      }
      BigDecimal size = in.decimal();
      if (size == null || !in.skip('}')) {
        return false;
      }
      scratch.add(new LevelChange(side, price, size));
      int next = in.afterElement();
      if (next != CompactText.MORE) {
        return next == CompactText.END;
      }
    }
  }
}
