package io.tickguard.crypto.kraken.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.OneCharacterEdits;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kraken's compact {@code book} reader against the full reader: every message either goes through
 * the fast path to exactly the fields the full reader makes of it, or is left to the full reader,
 * which then accepts or refuses it itself.
 */
class CompactBookTest {
  /** Kraken's documented v2 book-checksum snapshot ({@code book-checksum-v2-example.json}), whitespace removed. */
  static final String SNAPSHOT = compact(Fixtures.json("kraken/ws/book-checksum-v2-example.json"));
  /** An update as Kraken's v2 book page shows it (and KrakenFeedTest and the benchmark's BookMessages write it). */
  static final String UPDATE = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"bids\":"
      + "[{\"price\":0.5657,\"qty\":1098.3947558}],\"asks\":[],\"checksum\":2114181697,\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
  /** Two items, no timestamp, a removal, an empty bids array, long values: still the layout. */
  static final String TWO_ITEMS = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],"
      + "\"asks\":[{\"price\":45285.2,\"qty\":0},{\"price\":0.00000000000000001,\"qty\":999999999999999999}],\"checksum\":0},"
      + "{\"symbol\":\"ETH/USD\",\"bids\":[{\"price\":7,\"qty\":0.10000000}],\"asks\":[],\"checksum\":4294967295}]}";
  private static final List<String> FIXTURES = List.of(SNAPSHOT, UPDATE, TWO_ITEMS);

  private static String compact(String json) {
    return json.replaceAll("\\s+", "");
  }

  @Test
  void theDocumentedLayoutsGoThroughTheFastPathToTheFullReadersFields() {
    for (String text : FIXTURES) {
      TextCache texts = new TextCache();
      KrakenMessage fast = new KrakenMessage(texts);
      assertThat(new CompactBook(texts).read(text, fast)).as(text).isTrue();
      assertThat(KrakenBookPaths.describe(fast)).isEqualTo(KrakenBookPaths.describe(KrakenMessage.readFull(text, new TextCache())));
    }
  }

  @Test
  void theSnapshotIsReadWithEachValueAsWrittenAndItsScale() {
    TextCache texts = new TextCache();
    KrakenMessage m = KrakenMessage.read(SNAPSHOT, texts, new CompactBook(texts));

    assertThat(m.channel).isEqualTo("book");
    assertThat(m.type).isEqualTo("snapshot");
    assertThat(m.items).hasSize(1);
    KrakenMessage.Item item = m.items.get(0);
    assertThat(item.symbol).isEqualTo("BTC/USD");
    assertThat(item.checksum).isEqualTo(3310070434L);
    assertThat(item.timestamp).isEqualTo("2023-10-06T17:35:55.440295Z");
    assertThat(item.changes).hasSize(20);
    LevelChange ask = item.changes.get(10);
    assertThat(ask.price()).isEqualTo(new BigDecimal("45285.2"));
    assertThat(ask.size()).isEqualTo(new BigDecimal("0.00100000")).extracting(BigDecimal::scale).isEqualTo(8);
  }

  @Test
  void repeatedValuesComeFromTheFeedsTextCache() {
    TextCache texts = new TextCache();
    KrakenMessage fast = new KrakenMessage(texts);
    assertThat(new CompactBook(texts).read(SNAPSHOT, fast)).isTrue();

    KrakenMessage full = KrakenMessage.readFull(SNAPSHOT, texts);

    assertThat(full.channel).isSameAs(fast.channel);
    assertThat(full.type).isSameAs(fast.type);
    assertThat(full.items.get(0).symbol).isSameAs(fast.items.get(0).symbol);
  }

  @Test
  void messagesOutsideTheLayoutAreLeftToTheFullReader() {
    String[] declined = {
        SNAPSHOT.replace("{\"channel\"", "{ \"channel\""),
        SNAPSHOT.replace("\"book\"", "\"trade\""),
        SNAPSHOT.replace("\"snapshot\"", "\"other\""),
        SNAPSHOT.replace("45283.5", "\"45283.5\""),
        SNAPSHOT.replace("45283.5", "4.52835e4"),
        SNAPSHOT.replace("45283.5", "45283.5E0"),
        SNAPSHOT.replace("45283.5", "-45283.5"),
        SNAPSHOT.replace("45283.5", "045283.5"),
        SNAPSHOT.replace("45283.5", "45283."),
        SNAPSHOT.replace("45283.5", "0"),
        SNAPSHOT.replace("45283.5", "0.0"),
        SNAPSHOT.replace("45283.5", "1234567890.123456789"),
        SNAPSHOT.replace("0.00100000", "null"),
        SNAPSHOT.replace("\"checksum\":3310070434", "\"checksum\":4294967296"),
        SNAPSHOT.replace("\"checksum\":3310070434", "\"checksum\":3310070434.0"),
        SNAPSHOT.replace("\"checksum\":3310070434", "\"checksum\":\"3310070434\""),
        SNAPSHOT.replace("BTC/USD", "BTC\\/USD"),
        SNAPSHOT.replace("{\"price\":45283.5,\"qty\":0.10000000}", "{\"qty\":0.10000000,\"price\":45283.5}"),
        SNAPSHOT.replace("\"qty\":0.10000000}", "\"qty\":0.10000000,\"x\":1}"),
        SNAPSHOT.replace("\"type\":\"snapshot\",", "").replace("}]}", "}],\"type\":\"snapshot\"}"),
        SNAPSHOT.replace("\"data\":[", "\"data\":[]"),
        SNAPSHOT.replace(",\"timestamp\":\"2023-10-06T17:35:55.440295Z\"", ",\"timestamp\":null"),
        SNAPSHOT + " ",
        SNAPSHOT + "{}",
        "{\"channel\":\"book\",\"type\":\"update\"}",
        "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],\"asks\":[],\"checksum\":1,\"checksum\":2}]}",
    };
    for (String text : declined) {
      TextCache texts = new TextCache();
      KrakenMessage into = new KrakenMessage(texts);
      assertThat(new CompactBook(texts).read(text, into)).as(text).isFalse();
      assertThat(into.channel).isNull();
      assertThat(into.type).isNull();
      assertThat(into.items).isEmpty();
      agree(text);
    }
  }

  @Test
  void valuesTheFullReaderRefusesAreRefusedWithItsMessage() {
    String zeroPrice = UPDATE.replace("0.5657", "0");
    String bigChecksum = UPDATE.replace("2114181697", "4294967296");
    TextCache texts = new TextCache();

    assertThatThrownBy(() -> KrakenMessage.read(zeroPrice, texts, new CompactBook(texts)))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("data[0].bids[0].price");
    assertThatThrownBy(() -> KrakenMessage.read(bigChecksum, texts, new CompactBook(texts)))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("data[0].checksum");
    agree(zeroPrice);
    agree(bigChecksum);
  }

  /**
   * Every one-character replacement, deletion and insertion of the fixtures: the message read with
   * the fast path first and the full reader alone agree (same fields, or the same exception).
   */
  @Test
  void everyOneCharacterEditOfTheFixturesReadsAsTheFullReaderReadsIt() {
    int[] counts = OneCharacterEdits.everyEdit(FIXTURES, CompactBookTest::agree);
    int cases = counts[0];
    int fast = counts[1];
    assertThat(cases).isGreaterThan(50_000);
    assertThat(fast).as("edits the fast path took (digits in values, text in strings)").isGreaterThan(2_000);
  }

  /** Thousands of random messages in and around the layout, some mutated: both ways agree. */
  @Test
  void randomAndMutatedMessagesReadAsTheFullReaderReadsThem() {
    SplittableRandom random = new SplittableRandom(20261130L);
    int fast = 0;
    int other = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = randomMessage(random);
      text = OneCharacterEdits.sometimesEdited(random, text);
      int took = agree(text);
      fast += took;
      other += 1 - took;
    }
    assertThat(fast).as("random messages the fast path took").isGreaterThan(4_000);
    assertThat(other).as("random messages left to the full reader").isGreaterThan(5_000);
  }

  /**
   * Reads {@code text} through the feed's path (fast path, then the full reader) and through the
   * full reader alone and asserts they agree; 1 when the fast path took it.
   */
  private static int agree(String text) {
    TextCache texts = new TextCache();
    boolean took = new CompactBook(texts).read(text, new KrakenMessage(texts));
    String both = OneCharacterEdits.outcome(() -> {
      TextCache feedTexts = new TextCache();
      return KrakenBookPaths.describe(KrakenMessage.read(text, feedTexts, new CompactBook(feedTexts)));
    });
    String full = OneCharacterEdits.outcome(() -> KrakenBookPaths.describe(KrakenMessage.readFull(text, new TextCache())));
    assertThat(both).as(text).isEqualTo(full);
    if (took) {
      assertThat(full).as(text).doesNotContain("Exception");
    }
    return took ? 1 : 0;
  }

  /** A book message, mostly in the layout; sometimes another channel, type or shape. */
  private static String randomMessage(SplittableRandom r) {
    StringBuilder s = new StringBuilder("{\"channel\":\"").append(r.nextInt(10) > 0 ? "book" : pick(r, "trade", "level3"))
        .append("\",\"type\":\"").append(r.nextInt(10) > 0 ? pick(r, "update", "update", "snapshot") : "other").append("\",\"data\":[");
    int items = r.nextInt(8) == 0 ? r.nextInt(3) : 1;
    for (int n = 0; n < items; n++) {
      if (n > 0) {
        s.append(',');
      }
      s.append("{\"symbol\":\"").append(pick(r, "BTC/USD", "ETH/USD", "MATIC/USD")).append("\",\"bids\":");
      levels(r, s);
      s.append(",\"asks\":");
      levels(r, s);
      s.append(",\"checksum\":").append(r.nextInt(6) > 0 ? String.valueOf(r.nextLong(1L << 32))
          : pick(r, "0", "-1", "01", "1.5", "\"7\"", "4294967295", "4294967296", "99999999999999999999"));
      if (r.nextInt(3) > 0) {
        s.append(",\"timestamp\":\"").append(pick(r, "2023-10-06T17:35:55.440295Z", "")).append('"');
      }
      s.append('}');
    }
    return s.append("]}").toString();
  }

  private static void levels(SplittableRandom r, StringBuilder s) {
    s.append('[');
    int levels = r.nextInt(5);
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        s.append(',');
      }
      s.append("{\"price\":").append(number(r, true)).append(",\"qty\":").append(number(r, false)).append('}');
    }
    s.append(']');
  }

  private static String number(SplittableRandom r, boolean price) {
    return switch (r.nextInt(10) == 0 ? r.nextInt(10) : 10) {
      case 0 -> "0";
      case 1 -> r.nextLong(1_000_000_000_000_000_000L) + "." + r.nextInt(10);
      case 2 -> "00" + r.nextInt(1000) + ".10";
      case 3 -> "-" + r.nextInt(100) + ".5";
      case 4 -> "1e3";
      case 5 -> "\"" + r.nextInt(100000) + ".5\"";
      case 6 -> r.nextInt(100000) + ".";
      case 7 -> "0." + pad(r.nextInt(100_000_000)) + pad(r.nextInt(100_000_000)) + r.nextInt(100);
      case 8 -> String.valueOf(r.nextLong(1_000_000_000_000_000_000L));
      case 9 -> "null";
      default -> (price ? 40000 + r.nextInt(10000) : r.nextInt(5)) + (r.nextBoolean() ? "." + pad(r.nextInt(100_000_000)) : "");
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
