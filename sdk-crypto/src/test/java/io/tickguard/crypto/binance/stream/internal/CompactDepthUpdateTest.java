package io.tickguard.crypto.binance.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The compact fast path of Binance's {@code depthUpdate} against the full reader: what it takes it
 * decodes to exactly the full reader's fields, and whatever it declines is read by the full reader,
 * so accepting and refusing stay the full reader's decision.
 */
class CompactDepthUpdateTest {
  /** The documented Diff. Depth Stream event, as Binance sends it (without the docs' whitespace). */
  private static final String RAW = compact(Fixtures.json("binance/ws/depthUpdate.json"));
  /** The same event in the combined stream's envelope ({@code {"stream":..,"data":..}}, same docs). */
  private static final String COMBINED = "{\"stream\":\"bnbbtc@depth@100ms\",\"data\":" + RAW + "}";
  private static final List<LevelChange> DOCUMENTED_CHANGES = List.of(
      new LevelChange(BookSide.BID, new BigDecimal("0.0024"), new BigDecimal("10")),
      new LevelChange(BookSide.ASK, new BigDecimal("0.0026"), new BigDecimal("100")));

  private final CompactDepthUpdate fast = new CompactDepthUpdate(new TextCache(), new ArrayList<>());

  @Test
  void documentedRawDepthUpdateIsReadByTheFastPathAsTheFullReaderReadsIt() {
    assertThat(RAW).startsWith("{\"e\":\"depthUpdate\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"U\":157,\"u\":160,\"b\":");
    BinanceMessage m = new BinanceMessage();

    assertThat(fast.read(RAW, m)).isTrue();

    assertThat(m.event).isEqualTo("depthUpdate");
    assertThat(m.eventTime).isEqualTo(1672515782136L);
    assertThat(m.symbol).isEqualTo("BNBBTC");
    assertThat(m.firstUpdateId).isEqualTo(157);
    assertThat(m.finalUpdateId).isEqualTo(160);
    assertThat(m.changes).containsExactlyElementsOf(DOCUMENTED_CHANGES);
    assertThat(fields(m)).isEqualTo(fields(new BinanceMessage().readFull(RAW)));
  }

  @Test
  void documentedDepthUpdateInTheCombinedEnvelopeIsReadByTheFastPathAsTheFullReaderReadsIt() {
    BinanceMessage m = new BinanceMessage();

    assertThat(fast.read(COMBINED, m)).isTrue();

    assertThat(m.changes).containsExactlyElementsOf(DOCUMENTED_CHANGES);
    assertThat(fields(m)).isEqualTo(fields(new BinanceMessage().readFull(COMBINED)));
    assertThat(fields(m)).isEqualTo(fields(new BinanceMessage().readFull(RAW)));
  }

  @Test
  void zeroSizeDeletionsEmptySidesAndTheWireScaleAreKept() {
    String text = "{\"e\":\"depthUpdate\",\"E\":0,\"s\":\"BTCUSDT\",\"U\":1,\"u\":1,"
        + "\"b\":[[\"100.10\",\"0.00000000\"],[\"007.5\",\"123456789012345678\"]],\"a\":[]}";
    BinanceMessage m = new BinanceMessage();

    assertThat(fast.read(text, m)).isTrue();

    assertThat(m.changes).containsExactly(
        new LevelChange(BookSide.BID, new BigDecimal("100.10"), new BigDecimal("0.00000000")),
        new LevelChange(BookSide.BID, new BigDecimal("7.5"), new BigDecimal("123456789012345678")));
    assertThat(m.changes.get(0).price().scale()).isEqualTo(2);
    assertThat(m.changes.get(0).size().scale()).isEqualTo(8);
    assertThat(m.changes.get(0).removes()).isTrue();
    assertThat(fields(m)).isEqualTo(fields(new BinanceMessage().readFull(text)));
  }

  @Test
  void eventAndSymbolAreTheCachedInstancesTheFullReaderMade() {
    BinanceMessage m = new BinanceMessage();
    String symbol = m.readFull(COMBINED).symbol;
    String event = m.event;

    m.read(COMBINED);

    assertThat(m.symbol).isSameAs(symbol);
    assertThat(m.event).isSameAs(event);
  }

  @Test
  void messagesOutsideTheCompactLayoutAreDeclinedWithNothingSet() {
    List<String> declined = List.of(
        RAW.replace(",\"E\":", ", \"E\":"), // whitespace
        RAW.replace("\"U\":157", "\"U\":0157"), // leading zero
        RAW.replace("\"U\":157", "\"U\":1570000000000000000"), // 19 digits
        RAW.replace("\"0.0024\"", "\"2.4e-3\""), // exponent
        RAW.replace("\"0.0024\"", "\"0.0000000000000000024\""), // 19 digits
        RAW.replace("\"0.0024\"", "0.0024"), // a number, not a string
        RAW.replace("\"10\"", "\"-10\""), // sign
        RAW.replace("\"0.0024\"", "\"0\""), // zero price
        RAW.replace("BNBBTC", "BNB\\u0042TC"), // escape
        RAW.replace("\"s\":\"BNBBTC\",", ""), // missing
        RAW.replace("\"u\":160,", "\"u\":160,\"pu\":156,"), // extra member
        RAW.replace("\"u\":160,", "\"u\":160,\"U\":157,"), // repeated member
        RAW.replace(",\"U\":157,\"u\":160", ",\"u\":160,\"U\":157"), // another order
        RAW.replace("\"10\"]", "\"10\",\"x\"]"), // a third element
        RAW + " ", // trailing whitespace
        RAW.substring(0, RAW.length() - 1), // truncated
        COMBINED.replace("\"stream\":\"bnbbtc@depth@100ms\",", ""), // envelope without stream
        Fixtures.json("binance/ws/trade.json"));
    for (String text : declined) {
      BinanceMessage m = new BinanceMessage();
      assertThat(fast.read(text, m)).as(text).isFalse();
      assertThat(fields(m)).as(text).isEqualTo(fields(new BinanceMessage()));
    }
  }

  @Test
  void aRefusedMessageIsRefusedWithTheFullReadersOwnException() {
    String zeroPrice = RAW.replace("\"0.0024\"", "\"0.0000\"");
    String repeated = COMBINED.replace("\"u\":160,", "\"u\":160,\"u\":161,");

    assertThatThrownBy(() -> new BinanceMessage().read(zeroPrice))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("b[0]");
    assertThat(outcome(() -> new BinanceMessage().read(zeroPrice))).isEqualTo(outcome(() -> new BinanceMessage().readFull(zeroPrice)));
    assertThatThrownBy(() -> new BinanceMessage().read(repeated))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'u'");
    assertThat(outcome(() -> new BinanceMessage().read(repeated))).isEqualTo(outcome(() -> new BinanceMessage().readFull(repeated)));
  }

  @Test
  void everyOneCharacterEditOfTheDocumentedMessagesDecodesAsTheFullReaderDecidesIt() {
    String alphabet = "0123456789.-+eE\"\\,:[]{} \t\nabuUsSx\u00e9\u0001\u007f";
    Tally tally = new Tally();
    BinanceMessage reused = new BinanceMessage();
    for (String base : List.of(RAW, COMBINED)) {
      for (int i = 0; i < base.length(); i++) {
        tally.check(base.substring(0, i) + base.substring(i + 1), reused); // removed
        tally.check(base.substring(0, i + 1) + base.substring(i), reused); // doubled
        for (int k = 0; k < alphabet.length(); k++) {
          tally.check(base.substring(0, i) + alphabet.charAt(k) + base.substring(i + 1), reused); // edited
        }
      }
    }
    tally.requireBothSides();
  }

  @Test
  void thousandsOfRandomAndMutatedMessagesDecodeAsTheFullReaderDecidesThem() {
    SplittableRandom r = new SplittableRandom(20261130L);
    Tally tally = new Tally();
    BinanceMessage reused = new BinanceMessage();
    for (int n = 0; n < 10_000; n++) {
      tally.check(mutate(r, message(r)), reused);
    }
    List<String> others = new ArrayList<>();
    for (String file : List.of("trade", "aggTrade", "ticker", "bookTicker", "partial-depth", "server-shutdown-raw",
        "server-shutdown-combined", "subscribe-response")) {
      others.add(compact(Fixtures.json("binance/ws/" + file + ".json")));
    }
    for (int n = 0; n < 1_000; n++) {
      tally.check(mutate(r, others.get(r.nextInt(others.size()))), reused);
    }
    tally.requireBothSides();
  }

  /**
   * Runs one message through the fast path alone, through {@link BinanceMessage#read} (fast path,
   * else full reader; on a reused instance, as the feed does) and through the full reader alone.
   */
  private final class Tally {
    int taken;
    int declinedButAccepted;
    int refused;

    void check(String text, BinanceMessage reused) {
      Object full = outcome(() -> new BinanceMessage().readFull(text));
      BinanceMessage direct = new BinanceMessage();
      boolean took = fast.read(text, direct);
      if (took) {
        taken++;
        assertThat(fields(direct)).as("taken by the fast path: %s", text).isEqualTo(full);
      } else {
        assertThat(fields(direct)).as("declined, nothing set: %s", text).isEqualTo(fields(new BinanceMessage()));
        if (full instanceof List<?>) {
          declinedButAccepted++;
        } else {
          refused++;
        }
      }
      assertThat(outcome(() -> reused.read(text))).as(text).isEqualTo(full);
    }

    void requireBothSides() {
      assertThat(taken).as("messages the fast path took").isGreaterThan(500);
      assertThat(declinedButAccepted).as("declined, then accepted by the full reader").isGreaterThan(500);
      assertThat(refused).as("refused by the full reader").isGreaterThan(500);
    }
  }

  /** A compact {@code depthUpdate} of random ids, symbol and levels, raw or in the envelope. */
  private static String message(SplittableRandom r) {
    String symbol = r.nextInt(4) == 0 ? "BNBBTC" : r.nextBoolean() ? "BTCUSDT" : "ETH" + r.nextInt(100) + "USDC";
    long first = number(r);
    StringBuilder s = new StringBuilder(256);
    boolean combined = r.nextBoolean();
    if (combined) {
      s.append("{\"stream\":\"").append(symbol.toLowerCase(Locale.ROOT)).append(r.nextBoolean() ? "@depth" : "@depth@100ms")
          .append("\",\"data\":");
    }
    s.append("{\"e\":\"depthUpdate\",\"E\":").append(number(r)).append(",\"s\":\"").append(symbol)
        .append("\",\"U\":").append(first).append(",\"u\":").append(first + r.nextInt(50))
        .append(",\"b\":");
    levels(r, s);
    s.append(",\"a\":");
    levels(r, s);
    s.append('}');
    if (combined) {
      s.append('}');
    }
    return s.toString();
  }

  private static long number(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt(1000);
      case 1 -> 1_700_000_000_000L + r.nextInt(1_000_000_000);
      case 2 -> r.nextLong(999_999_999_999_999_999L) + 1; // up to 18 digits
      default -> r.nextLong(1L << 40);
    };
  }

  private static void levels(SplittableRandom r, StringBuilder s) {
    int count = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(r.nextInt(10) == 0 ? 40 : 6);
    s.append('[');
    for (int i = 0; i < count; i++) {
      s.append(i == 0 ? "[\"" : ",[\"").append(decimal(r, true)).append("\",\"").append(decimal(r, false)).append("\"]");
    }
    s.append(']');
  }

  /** A plain decimal of up to 18 digits, with the wire's trailing zeros; a size may be zero. */
  private static String decimal(SplittableRandom r, boolean price) {
    if (!price && r.nextInt(5) == 0) {
      return r.nextBoolean() ? "0" : "0.00000000";
    }
    int scale = r.nextInt(10);
    int whole = 1 + r.nextInt(18 - scale);
    StringBuilder d = new StringBuilder();
    d.append(1 + r.nextInt(9));
    for (int i = 1; i < whole; i++) {
      d.append(r.nextInt(10));
    }
    if (r.nextInt(3) == 0) {
      d.setLength(0);
      d.append('0'); // 0.000123
    }
    if (scale > 0) {
      d.append('.');
      for (int i = 0; i < scale; i++) {
        d.append(r.nextInt(10));
      }
    }
    return d.toString();
  }

  /** Edits that take a message out of the compact layout, out of JSON, or out of the reader's limits. */
  private static final String[] VALUES = {
    "\"1.5e3\"", "\"1E-2\"", "1.5", "15", "-1", "\"-1.5\"", "\"+1\"", "\"01.5\"", "\".5\"", "\"5.\"", "\"0\"", "\"0.000\"",
    "\"1234567890123456789\"", "\"123456789.0123456789\"", "\"12345678901234567890123456789012345\"", "0157", "-157",
    "1570000000000000000", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1e3", "1.0", "\"157\"",
    "null", "true", "{}", "[]", "[[]]", "[[\"1\"]]", "[[\"1\",\"2\",\"3\"]]", "[[\"1\",\"2\"],]", "[{\"p\":\"1\"}]",
    "[[\"1\",\"0\"]]", "[[1,2]]", "\"BNB\\u0042TC\"", "\"BNB\\/BTC\"", "\"B\u00e9\"", "\"B\u0001\"", "\"B\u007f\"", "\"\"",
    "\"" + "X".repeat(200) + "\"", "\"depthUpdatE\"", "\"trade\"", "\"depthUpdate \""
  };
  private static final String[] MEMBERS = {
    "\"pu\":156", "\"E\":5", "\"e\":\"depthUpdate\"", "\"s\":\"BNBBTC\"", "\"b\":[]", "\"a\":[[\"1\",\"1\"]]", "\"U\":1",
    "\"u\":2", "\"stream\":\"x\"", "\"data\":{}", "\"x\":[1,{\"y\":null}]", "\"id\":1", "\"result\":null", "\"code\":2",
    "\"m\":true", "\"p\":\"1\""
  };
  private static final String BLANKS = " \t\n\r";
  private static final String CHARS = "0123456789.-+eE\"\\,:[]{} \t\nabuUsSx\u00e9\u0001\u007f";

  private static String mutate(SplittableRandom r, String text) {
    if (text.isEmpty()) {
      return text;
    }
    int at = r.nextInt(text.length() + 1);
    return switch (r.nextInt(12)) {
      case 0, 1 -> text; // as sent
      case 2 -> text.substring(0, Math.min(at, text.length() - 1)) + CHARS.charAt(r.nextInt(CHARS.length()))
          + text.substring(Math.min(at + 1, text.length())); // one character edited
      case 3 -> text.substring(0, Math.min(at, text.length() - 1)) + text.substring(Math.min(at + 1, text.length())); // removed
      case 4 -> text.substring(0, at) + BLANKS.charAt(r.nextInt(BLANKS.length())) + text.substring(at); // whitespace
      case 5 -> text.substring(0, at); // truncated
      case 6 -> replaceValue(r, text, VALUES[r.nextInt(VALUES.length)]);
      case 7 -> insertMember(r, text, MEMBERS[r.nextInt(MEMBERS.length)]);
      case 8 -> removeMember(r, text);
      case 9 -> insertMember(r, text, member(r)); // a member repeated
      case 10 -> text + (r.nextBoolean() ? " " : "{}");
      default -> mutate(r, mutate(r, text));
    };
  }

  /** The value after a random {@code ":"}, {@code [} or level comma replaced by {@code value}. */
  private static String replaceValue(SplittableRandom r, String text, String value) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if (c == ':' || (c == '[' && next == '"') || (c == ',' && next == '"' && i > 0 && text.charAt(i - 1) == '"')) {
        starts.add(i + 1);
      }
    }
    if (starts.isEmpty()) {
      return text + value;
    }
    int start = starts.get(r.nextInt(starts.size()));
    return text.substring(0, start) + value + text.substring(valueEnd(text, start));
  }

  /** Where the value starting at {@code start} ends: the next {@code ,}, {@code ]} or {@code }} outside it. */
  private static int valueEnd(String text, int start) {
    int depth = 0;
    boolean inString = false;
    int end = start;
    for (; end < text.length(); end++) {
      char c = text.charAt(end);
      if (inString) {
        if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    return end;
  }

  /** {@code member} put after a random opening brace or a comma before a member. */
  private static String insertMember(SplittableRandom r, String text, String member) {
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || (c == ',' && i + 3 < text.length() && text.charAt(i + 1) == '"' && text.charAt(i + 3) == '"')) {
        places.add(i + 1);
      }
    }
    if (places.isEmpty()) {
      return text;
    }
    int at = places.get(r.nextInt(places.size()));
    String tail = text.substring(at);
    return text.substring(0, at) + member + (tail.startsWith("}") ? "" : ",") + tail;
  }

  /** One of the members a depth update carries, as written, to be repeated. */
  private static String member(SplittableRandom r) {
    String[] members = {"\"e\":\"depthUpdate\"", "\"s\":\"BNBBTC\"", "\"U\":157", "\"u\":160", "\"b\":[]", "\"a\":[]",
        "\"E\":1", "\"stream\":\"a@depth\""};
    return members[r.nextInt(members.length)];
  }

  /** One member (name and value) removed with its comma. */
  private static String removeMember(SplittableRandom r, String text) {
    String[] names = {"\"e\":", "\"E\":", "\"s\":", "\"U\":", "\"u\":", "\"b\":", "\"a\":", "\"stream\":", "\"data\":"};
    String name = names[r.nextInt(names.length)];
    int start = text.indexOf(name);
    if (start < 0) {
      return text;
    }
    int end = valueEnd(text, start + name.length());
    if (end < text.length() && text.charAt(end) == ',') {
      return text.substring(0, start) + text.substring(end + 1);
    }
    return start > 0 && text.charAt(start - 1) == ',' ? text.substring(0, start - 1) + text.substring(end)
        : text.substring(0, start) + text.substring(end);
  }

  private static String compact(String json) {
    return StrictJson.mapper().readTree(json).toString();
  }

  /** The full reader's fields, or its exception's type and message. */
  private static Object outcome(Supplier<BinanceMessage> read) {
    try {
      return fields(read.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Every field the feed reads, values compared with their scale (BigDecimal's equals). */
  private static List<Object> fields(BinanceMessage m) {
    return Arrays.asList(m.event, m.symbol, m.hasId, m.hasId ? m.id : null, m.hasCode, m.hasCode ? m.code : null, m.msg,
        m.hasResult, m.eventTime, m.tradeTime, m.tradeId, m.firstUpdateId, m.finalUpdateId, m.buyerMaker, m.p, m.q, m.c,
        m.o, m.h, m.l, m.v, m.b, m.bQty, m.a, m.aQty, m.changes == null ? null : List.copyOf(m.changes));
  }
}
