package io.tickguard.crypto.coinbase.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.MessageReader;
import io.tickguard.crypto.stream.internal.OneCharacterEdits;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact {@code l2_data} reader against the full reader: every message either goes through the
 * fast path to exactly the fields the full reader makes of it, or is left to the full reader, which
 * then accepts or refuses it itself.
 */
class CompactLevel2Test {
  /** The layout of Coinbase's documented level2 snapshot (channel page, "Level2 Channel"). */
  static final String SNAPSHOT = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\","
      + "\"sequence_num\":0,\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":["
      + "{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.73\",\"new_quantity\":\"0.06317902\"},"
      + "{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.3\",\"new_quantity\":\"0.02\"},"
      + "{\"side\":\"offer\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21922.5\",\"new_quantity\":\"0.10000000\"}]}]}";
  /** An update as CoinbaseFeedTest and the benchmark's BookMessages write it. */
  static final String UPDATE = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\","
      + "\"sequence_num\":2,\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USDT\",\"updates\":["
      + "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"64999.99\",\"new_quantity\":\"0\"},"
      + "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"65000.01\",\"new_quantity\":\"1.50\"}]}]}";
  /** Two events, an empty update list and an {@code ask} side: still the layout. */
  static final String TWO_EVENTS = "{\"channel\":\"l2_data\",\"client_id\":\"abc\",\"timestamp\":\"t\",\"sequence_num\":123456789012345678,"
      + "\"events\":[{\"type\":\"update\",\"product_id\":\"ETH-USD\",\"updates\":[]},{\"type\":\"update\",\"product_id\":\"BTC-USD\","
      + "\"updates\":[{\"side\":\"ask\",\"event_time\":\"x\",\"price_level\":\"0.00000000000000001\",\"new_quantity\":\"999999999999999999\"}]}]}";
  private static final List<String> FIXTURES = List.of(SNAPSHOT, UPDATE, TWO_EVENTS);

  @Test
  void theDocumentedLayoutsGoThroughTheFastPathToTheFullReadersFields() {
    for (String text : FIXTURES) {
      TextCache texts = new TextCache();
      CoinbaseMessage fast = new CoinbaseMessage(texts);
      assertThat(new CompactLevel2(texts).read(text, fast)).as(text).isTrue();
      assertThat(describe(fast)).isEqualTo(describe(MessageReader.read(text, new CoinbaseMessage(new TextCache()))));
    }
  }

  @Test
  void theSnapshotIsReadWithEachValueAsWritten() {
    CoinbaseMessage m = new CoinbaseMessage(new TextCache()).read(SNAPSHOT);

    assertThat(m.channel).isEqualTo("l2_data");
    assertThat(m.sequence).isZero();
    assertThat(m.events).hasSize(1);
    assertThat(m.events.get(0).type).isEqualTo("snapshot");
    assertThat(m.events.get(0).productId).isEqualTo("BTC-USD");
    LevelChange ask = m.events.get(0).updates.get(2);
    assertThat(ask.price()).isEqualTo(new BigDecimal("21922.5"));
    assertThat(ask.size()).isEqualTo(new BigDecimal("0.10000000")).extracting(BigDecimal::scale).isEqualTo(8);
  }

  @Test
  void repeatedValuesComeFromTheFeedsTextCache() {
    TextCache texts = new TextCache();
    CoinbaseMessage m = new CoinbaseMessage(texts);
    String product = m.read(SNAPSHOT).events.get(0).productId;
    String channel = m.channel;

    CoinbaseMessage full = MessageReader.read(SNAPSHOT, new CoinbaseMessage(texts));

    assertThat(full.events.get(0).productId).isSameAs(product);
    assertThat(full.channel).isSameAs(channel);
  }

  @Test
  void messagesOutsideTheLayoutAreLeftToTheFullReader() {
    String[] declined = {
        SNAPSHOT.replace("{\"channel\"", "{ \"channel\""),
        SNAPSHOT.replace("l2_data", "level2"),
        SNAPSHOT.replace("\"snapshot\"", "\"other\""),
        SNAPSHOT.replace("\"side\":\"bid\"", "\"side\":\"BID\""),
        SNAPSHOT.replace("\"21921.73\"", "21921.73"),
        SNAPSHOT.replace("\"21921.73\"", "\"2.192173e4\""),
        SNAPSHOT.replace("\"21921.73\"", "\"0\""),
        SNAPSHOT.replace("\"21921.73\"", "\"1234567890.123456789\""),
        SNAPSHOT.replace("\"sequence_num\":0", "\"sequence_num\":\"0\""),
        SNAPSHOT.replace("\"sequence_num\":0", "\"sequence_num\":1234567890123456789"),
        SNAPSHOT.replace("BTC-USD", "BTC\\u002dUSD"),
        SNAPSHOT.replace("\"client_id\":\"\",", ""),
        SNAPSHOT.replace("\"events\"", "\"x\":1,\"events\""),
        SNAPSHOT.replace("\"events\":[", "\"events\":[]"),
        SNAPSHOT + " ",
        "{\"channel\":\"l2_data\",\"client_id\":\"\"}",
    };
    for (String text : declined) {
      TextCache texts = new TextCache();
      CoinbaseMessage into = new CoinbaseMessage(texts);
      assertThat(new CompactLevel2(texts).read(text, into)).as(text).isFalse();
      assertThat(into.channel).isNull();
      assertThat(into.sequence).isEqualTo(-1);
      assertThat(into.events).isEmpty();
    }
  }

  /**
   * Every one-character replacement, deletion and insertion of the fixtures: the message read with
   * the fast path first and the full reader alone agree (same fields, or the same exception).
   */
  @Test
  void everyOneCharacterEditOfTheFixturesReadsAsTheFullReaderReadsIt() {
    CoinbaseMessage reused = new CoinbaseMessage(new TextCache());
    int[] counts = OneCharacterEdits.everyEdit(FIXTURES, text -> agree(reused, text));
    int cases = counts[0];
    int fast = counts[1];
    assertThat(cases).isGreaterThan(30_000);
    assertThat(fast).as("edits the fast path took (digits in values, text in strings)").isGreaterThan(1_000);
  }

  /** Thousands of random messages in and around the layout, some mutated: both ways agree. */
  @Test
  void randomAndMutatedMessagesReadAsTheFullReaderReadsThem() {
    SplittableRandom random = new SplittableRandom(20261130L);
    CoinbaseMessage reused = new CoinbaseMessage(new TextCache());
    int fast = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = randomMessage(random);
      text = OneCharacterEdits.sometimesEdited(random, text);
      fast += agree(reused, text);
    }
    assertThat(fast).as("random messages the fast path took").isGreaterThan(4_000);
  }

  /** Reads {@code text} both ways and asserts they agree; 1 when the fast path took it. */
  private static int agree(CoinbaseMessage reused, String text) {
    TextCache texts = new TextCache();
    boolean took = new CompactLevel2(texts).read(text, new CoinbaseMessage(texts));
    String both = OneCharacterEdits.outcome(() -> describe(reused.read(text)));
    String full = OneCharacterEdits.outcome(() -> describe(MessageReader.read(text, new CoinbaseMessage(new TextCache()))));
    assertThat(both).as(text).isEqualTo(full);
    return took ? 1 : 0;
  }

  /** Every field of the message, with each decimal's scale. */
  private static String describe(CoinbaseMessage m) {
    StringBuilder s = new StringBuilder().append(m.channel).append('|').append(m.type).append('|').append(m.message)
        .append('|').append(m.sequence);
    for (CoinbaseMessage.Event e : m.events) {
      s.append("\n event ").append(e.type).append('|').append(e.productId).append('|').append(e.heartbeatCounter);
      if (e.updates != null) {
        for (LevelChange c : e.updates) {
          s.append("\n  ").append(c.side()).append(' ').append(decimal(c.price())).append(' ').append(decimal(c.size()));
        }
      } else {
        s.append(" no updates");
      }
      for (CoinbaseMessage.Item i : e.items) {
        s.append("\n  item ").append(i.productId).append('|').append(i.tradeId).append('|').append(decimal(i.price)).append('|')
            .append(decimal(i.size)).append('|').append(i.side).append('|').append(i.time).append('|').append(decimal(i.bestBid))
            .append('|').append(decimal(i.bestAsk)).append('|').append(decimal(i.low)).append('|').append(decimal(i.high))
            .append('|').append(decimal(i.volume)).append('|').append(decimal(i.changePercent));
      }
    }
    return s.toString();
  }

  private static String decimal(BigDecimal d) {
    return d == null ? "null" : d.unscaledValue() + "e-" + d.scale();
  }

  /** An l2_data message, mostly in the layout; sometimes another channel or shape. */
  private static String randomMessage(SplittableRandom r) {
    StringBuilder s = new StringBuilder("{\"channel\":\"").append(r.nextInt(8) > 0 ? "l2_data" : pick(r, "heartbeats", "market_trades"))
        .append("\",\"client_id\":\"").append(pick(r, "", "", "id-1")).append("\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\"")
        .append(",\"sequence_num\":").append(r.nextInt(4) > 0 ? String.valueOf(r.nextLong(1L << 40))
            : pick(r, "0", "-1", "01", "1.5", "\"7\"", "999999999999999999", "9999999999999999999"))
        .append(",\"events\":[");
    int events = r.nextInt(8) == 0 ? r.nextInt(3) : 1;
    for (int e = 0; e < events; e++) {
      if (e > 0) {
        s.append(',');
      }
      s.append("{\"type\":\"").append(r.nextInt(10) > 0 ? pick(r, "update", "update", "snapshot") : "other").append("\",\"product_id\":\"")
          .append(pick(r, "BTC-USD", "ETH-USD", "BTC-USDT")).append("\",\"updates\":[");
      int updates = r.nextInt(6);
      for (int u = 0; u < updates; u++) {
        if (u > 0) {
          s.append(',');
        }
        s.append("{\"side\":\"").append(r.nextInt(20) > 0 ? pick(r, "bid", "offer", "bid", "offer", "ask") : "sell").append("\",\"event_time\":\"")
            .append(pick(r, "2023-02-09T20:32:50Z", "1970-01-01T00:00:00Z", "")).append("\",\"price_level\":")
            .append(decimalText(r, true)).append(",\"new_quantity\":").append(decimalText(r, false)).append('}');
      }
      s.append("]}");
    }
    return s.append("]}").toString();
  }

  private static String decimalText(SplittableRandom r, boolean price) {
    return switch (r.nextInt(12) == 0 ? r.nextInt(7) : 7) {
      case 0 -> "\"0\"";
      case 1 -> "\"" + r.nextLong(1_000_000_000_000_000_000L) + "." + r.nextInt(10) + "\"";
      case 2 -> "\"00" + r.nextInt(1000) + ".10\"";
      case 3 -> "\"-" + r.nextInt(100) + ".5\"";
      case 4 -> "\"1e3\"";
      case 5 -> String.valueOf(r.nextInt(100000));
      case 6 -> "\"" + r.nextInt(100000) + ".\"";
      default -> "\"" + (price ? 60000 + r.nextInt(10000) : r.nextInt(5)) + "." + pad(r.nextInt(100_000_000)) + "\"";
    };
  }

  private static String pad(int fraction) {
    String f = String.valueOf(fraction);
    return "00000000".substring(f.length()) + f;
  }

  private static String pick(SplittableRandom r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
