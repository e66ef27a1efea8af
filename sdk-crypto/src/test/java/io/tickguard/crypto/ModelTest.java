package io.tickguard.crypto;

import io.tickguard.market.InvalidValueException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model's constructor rules, as users who build values themselves meet them. */
class ModelTest {
  static final Symbol BTC_USDT = Symbol.of("btc", "usdt");

  static PriceLevel level(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }

  @Test
  void symbolIsUpperCasedAndParsesItsOwnSpelling() {
    assertThat(BTC_USDT).isEqualTo(new Symbol("BTC", "USDT"));
    assertThat(Symbol.parse(BTC_USDT.toString())).isEqualTo(BTC_USDT);
  }

  @Test
  void symbolRefusesSeparatorsAndIdenticalLegs() {
    assertThatThrownBy(() -> Symbol.of("BTC/", "USD")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Symbol.of("BTC", "BTC"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quote"));
    assertThatThrownBy(() -> Symbol.parse("BTCUSD")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void unknownIntervalKeepsTheRawValue() {
    assertThat(Interval.of("4h")).isSameAs(Interval.FOUR_HOURS);
    Interval odd = Interval.of("7m");
    assertThat(odd.isKnown()).isFalse();
    assertThat(odd.code()).isEqualTo("7m");
    assertThat(odd.toString()).isEqualTo("UNKNOWN(7m)");
    assertThat(Interval.ofDuration(Duration.ofHours(1))).contains(Interval.ONE_HOUR);
  }

  @Test
  void orderBookCopiesItsSidesAndComputesSpreadAndMid() {
    List<PriceLevel> bids = new ArrayList<>(List.of(level("99.5", "1"), level("99", "2")));
    OrderBook book = new OrderBook(BTC_USDT, bids, List.of(level("100", "1")), Optional.empty());
    bids.clear();
    assertThat(book.bids()).hasSize(2);
    assertThatThrownBy(() -> book.bids().add(level("1", "1"))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(book.spread()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.5"));
    assertThat(book.mid()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("99.75"));
  }

  @Test
  void emptyBookHasNoSpread() {
    OrderBook book = new OrderBook(BTC_USDT, List.of(), List.of(), Optional.empty());
    assertThat(book.bestBid()).isEmpty();
    assertThat(book.spread()).isEmpty();
    assertThat(book.mid()).isEmpty();
  }

  @Test
  void bidsRisingAreRefusedNamingTheLevel() {
    assertThatThrownBy(() -> new OrderBook(BTC_USDT, List.of(level("99", "1"), level("98", "1"), level("98.5", "1")),
        List.of(), Optional.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[2].price"));
  }

  @Test
  void bookWithBestBidEqualToBestAskIsCrossed() {
    assertThatThrownBy(() -> new OrderBook(BTC_USDT, List.of(level("100", "1")), List.of(level("100", "1")), Optional.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  @Test
  void levelWithZeroSizeIsRefused() {
    assertThatThrownBy(() -> level("1", "0"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("size"));
  }

  @Test
  void candleWithHighBelowOpenIsRefused() {
    assertThatThrownBy(() -> new Candle(Instant.EPOCH, Interval.ONE_MINUTE, new BigDecimal("10"), new BigDecimal("9"),
        new BigDecimal("8"), new BigDecimal("9"), BigDecimal.ONE))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("open"));
  }

  @Test
  void tickerWithBidAboveAskIsRefused() {
    assertThatThrownBy(() -> new Ticker(BTC_USDT, BigDecimal.TEN, new BigDecimal("11"), BigDecimal.TEN,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bid"));
  }

  @Test
  void balanceTotalIsFreePlusLockedAndNegativeIsRefused() {
    assertThat(new Balance("BTC", new BigDecimal("1.5"), new BigDecimal("0.25")).total()).isEqualByComparingTo("1.75");
    assertThatThrownBy(() -> new Balance("BTC", new BigDecimal("-1"), BigDecimal.ZERO))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("free"));
  }

  @Test
  void instrumentRefusesZeroTickSize() {
    assertThatThrownBy(() -> new Instrument(BTC_USDT, "BTCUSDT", Optional.of(BigDecimal.ZERO), Optional.empty(),
        Optional.empty(), new InstrumentStatus(InstrumentStatus.Kind.TRADING, "TRADING")))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("tickSize"));
  }

  @Test
  void fixtureLoaderDropsCommentsButNotSlashesInStrings() {
    assertThat(Fixtures.stripLineComments("{\"a\": \"x//y\", // note\n\"b\": 1}"))
        .isEqualTo("{\"a\": \"x//y\", \n\"b\": 1}");
  }
}
