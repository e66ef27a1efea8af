package io.tickguard.crypto.book.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-book checksum that copies the digits of unchanged levels from its previous text: after
 * every edit of a randomly changing book it answers exactly what {@link KrakenChecksum} answers
 * written from scratch, and refuses exactly what it refuses, with the same field and message.
 */
class KrakenChecksumCacheTest {
  private static final Symbol BTCUSD = Symbol.parse("BTC/USD");
  private static final BigDecimal FIFTY_THOUSAND = BigDecimal.valueOf(50_000);

  /** Kraken's documented v2 example (book-checksum-v2-example.json): precision 1 and 8, CRC 3310070434. */
  @Test
  void theDocumentedExampleHashesToKrakensValueTwiceInARow() {
    LocalOrderBook book = new LocalOrderBook(BTCUSD);
    String[][] bids = {{"45283.5", "0.10000000"}, {"45283.4", "1.54582015"}, {"45282.1", "0.10000000"},
        {"45281.0", "0.10000000"}, {"45280.3", "1.54592586"}, {"45279.0", "0.07990000"}, {"45277.6", "0.03310103"},
        {"45277.5", "0.30000000"}, {"45277.3", "1.54602737"}, {"45276.6", "0.15445238"}};
    String[][] asks = {{"45285.2", "0.00100000"}, {"45286.4", "1.54571953"}, {"45286.6", "1.54571109"},
        {"45289.6", "1.54560911"}, {"45290.2", "0.15890660"}, {"45291.8", "1.54553491"}, {"45294.7", "0.04454749"},
        {"45296.1", "0.35380000"}, {"45297.5", "0.09945542"}, {"45299.5", "0.18772827"}};
    KrakenChecksumCache cache = new KrakenChecksumCache(1, 8);
    long[] crc = new long[2];
    book.update(e -> {
      e.clear();
      for (String[] l : bids) {
        e.set(BookSide.BID, new BigDecimal(l[0]), new BigDecimal(l[1]));
      }
      for (String[] l : asks) {
        e.set(BookSide.ASK, new BigDecimal(l[0]), new BigDecimal(l[1]));
      }
      crc[0] = cache.of(e);
      crc[1] = cache.of(e); // every level copied from the first text
      return true;
    });

    assertThat(crc).containsExactly(3310070434L, 3310070434L);
  }

  @Test
  void aPrecisionOutOfRangeIsRefusedNamingIt() {
    assertThatThrownBy(() -> new KrakenChecksumCache(19, 8)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("pricePrecision");
    assertThatThrownBy(() -> new KrakenChecksumCache(2, -1)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("qtyPrecision");
  }

  /**
   * Thousands of random edits (new levels, new sizes of the same or a new instance, removals, the
   * same value as a new instance, values with too many decimals, whole new snapshots) at several
   * precisions: after each, the cached checksum equals the one written from scratch, or both refuse
   * with the same field and message, and the cache goes on agreeing after a refusal.
   */
  @Test
  void everyEditOfARandomBookHashesAsKrakenChecksumWritesIt() {
    int[][] precisions = {{2, 5}, {1, 8}, {0, 0}, {5, 2}, {8, 8}};
    int refused = 0;
    int compared = 0;
    for (int[] p : precisions) {
      SplittableRandom random = new SplittableRandom(31L * p[0] + p[1]);
      LocalOrderBook book = new LocalOrderBook(BTCUSD);
      KrakenChecksumCache cache = new KrakenChecksumCache(p[0], p[1]);
      List<BigDecimal> seen = new ArrayList<>();
      for (int n = 0; n < 4_000; n++) {
        boolean snapshot = n == 0 || random.nextInt(200) == 0;
        int changes = snapshot ? 30 : 1 + random.nextInt(4);
        String[] outcome = new String[2];
        book.update(e -> {
          if (snapshot) {
            e.clear();
          }
          for (int c = 0; c < changes; c++) {
            BookSide side = random.nextBoolean() ? BookSide.BID : BookSide.ASK;
            if (!snapshot && e.depth(side) > 0 && random.nextInt(3) == 0) {
              e.set(side, e.price(side, random.nextInt(Math.min(12, e.depth(side)))), BigDecimal.ZERO); // a removal near the top
            } else {
              e.set(side, price(random, side, p[0], seen), size(random, p[1], seen));
            }
          }
          outcome[0] = answer(() -> cache.of(e));
          outcome[1] = answer(() -> KrakenChecksum.of(e, p[0], p[1]));
          return true;
        });
        assertThat(outcome[0]).as("edit %d at precision %d/%d", n, p[0], p[1]).isEqualTo(outcome[1]);
        compared++;
        refused += outcome[1].startsWith("refused") ? 1 : 0;
      }
    }
    assertThat(compared).isEqualTo(20_000);
    assertThat(refused).as("edits whose book held a value with too many decimals").isBetween(200, 19_000);
  }

  @Test
  void aRefusalNamesTheLevelAndValueAsKrakenChecksumDoes() {
    LocalOrderBook book = new LocalOrderBook(BTCUSD);
    KrakenChecksumCache cache = new KrakenChecksumCache(2, 5);
    String[] outcome = new String[2];
    book.update(e -> {
      e.clear();
      e.set(BookSide.ASK, new BigDecimal("100.00"), new BigDecimal("1.00000"));
      e.set(BookSide.ASK, new BigDecimal("100.01"), new BigDecimal("1.000001"));
      return true;
    });
    book.update(e -> {
      outcome[0] = answer(() -> cache.of(e));
      outcome[1] = answer(() -> KrakenChecksum.of(e, 2, 5));
      return true;
    });

    assertThat(outcome[0]).isEqualTo(outcome[1])
        .isEqualTo("refused asks[1].qty: 1.000001 has more than the instrument's 5 decimals");
  }

  private static String answer(LongSupplier checksum) {
    try {
      return "crc " + checksum.getAsLong();
    } catch (InvalidValueException e) {
      return "refused " + e.field() + ": " + e.reason();
    }
  }

  /** A price near the top, often an instance seen before, sometimes with one decimal too many. */
  private static BigDecimal price(SplittableRandom r, BookSide side, int precision, List<BigDecimal> seen) {
    if (!seen.isEmpty() && r.nextInt(4) == 0) {
      BigDecimal old = seen.get(r.nextInt(seen.size()));
      if ((old.compareTo(FIFTY_THOUSAND) < 0) == (side == BookSide.BID) && old.compareTo(BigDecimal.valueOf(1000)) > 0) {
        return r.nextBoolean() ? old : new BigDecimal(old.toPlainString()); // the same value, maybe a new instance
      }
    }
    int scale = r.nextInt(100) == 0 ? precision + 1 : r.nextInt(precision + 1);
    long unit = BigDecimal.ONE.movePointRight(scale).longValueExact();
    long units = (side == BookSide.BID ? 49_900 : 50_001) * unit + r.nextLong(100 * unit);
    if (scale > precision && units % 10 == 0) {
      units++; // a last decimal the precision cannot hold
    }
    BigDecimal price = BigDecimal.valueOf(units, scale);
    seen.add(price);
    return price;
  }

  /** A size above zero, sometimes an instance seen before, sometimes with one decimal too many. */
  private static BigDecimal size(SplittableRandom r, int precision, List<BigDecimal> seen) {
    if (!seen.isEmpty() && r.nextInt(6) == 0) {
      BigDecimal old = seen.get(r.nextInt(seen.size()));
      if (old.compareTo(BigDecimal.valueOf(1000)) < 0) {
        return old;
      }
    }
    int scale = r.nextInt(150) == 0 ? precision + 1 : r.nextInt(precision + 1);
    long units = 1 + r.nextLong(10_000_000L);
    if (scale > precision && units % 10 == 0) {
      units++;
    }
    BigDecimal size = BigDecimal.valueOf(units, scale);
    seen.add(size);
    return size;
  }
}
