package io.tickguard.testkit.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's invariants and determinism. */
class MarketSimulatorTest {
  private static final Instant T = Instant.parse("2026-05-06T07:08:09.500Z");

  private static MarketSimulator simulator(long seed, Clock clock) {
    return new MarketSimulator(seed, clock, MarketSimulator.defaultInstruments());
  }

  private static boolean multipleOf(BigDecimal value, BigDecimal step) {
    return value.remainder(step).signum() == 0;
  }

  @Test
  void sameSeedSameDataWhateverOrder() {
    MarketSimulator a = simulator(9, Clock.fixed(T, ZoneOffset.UTC));
    MarketSimulator b = simulator(9, Clock.fixed(T, ZoneOffset.UTC));
    List<SimCandle> bCandles = b.candles("BTC-USDT", CandleInterval.H4, 50); // walks back 8 days first
    assertThat(a.ticker("BTC-USDT")).isEqualTo(b.ticker("BTC-USDT"));
    assertThat(a.candles("BTC-USDT", CandleInterval.H4, 50)).isEqualTo(bCandles);
    assertThat(a.orderBook("EUR-USD", 100)).isEqualTo(b.orderBook("EUR-USD", 100));
    assertThat(a.recentTrades("SOL-USDT", 200)).isEqualTo(b.recentTrades("SOL-USDT", 200));
  }

  @Test
  void walkIsContinuousAcrossDayBoundaries() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-06T23:59:58Z"));
    MarketSimulator m = simulator(1, clock);
    BigDecimal before = m.ticker("BTC-USDT").last();
    clock.advance(Duration.ofSeconds(3));
    BigDecimal after = m.ticker("BTC-USDT").last();
    assertThat(after.subtract(before).abs()).isLessThan(before.multiply(new BigDecimal("0.001")));
  }

  @Test
  void bookIsSortedUncrossedAndOnTickAndLot() {
    MarketSimulator m = simulator(5, Clock.fixed(T, ZoneOffset.UTC));
    for (Instrument i : m.instruments().values()) {
      SimOrderBook book = m.orderBook(i.symbol(), 1000);
      assertThat(book.bids()).hasSize(1000);
      assertThat(book.bids().get(0).price()).isLessThan(book.asks().get(0).price());
      for (int n = 1; n < book.bids().size(); n++) {
        assertThat(book.bids().get(n).price()).isLessThan(book.bids().get(n - 1).price());
        assertThat(book.asks().get(n).price()).isGreaterThan(book.asks().get(n - 1).price());
      }
      for (SimLevel l : book.bids()) {
        assertThat(multipleOf(l.price(), i.tickSize())).isTrue();
        assertThat(multipleOf(l.quantity(), i.lotSize())).isTrue();
        assertThat(l.quantity().signum()).isPositive();
      }
    }
  }

  @Test
  void tickerIsConsistentWithTradesAndItsOwnRange() {
    MarketSimulator m = simulator(5, Clock.fixed(T, ZoneOffset.UTC));
    SimTicker t = m.ticker("ETH-USDT");
    List<SimTrade> trades = m.recentTrades("ETH-USDT", 10);
    assertThat(t.last()).isEqualTo(trades.get(9).price());
    assertThat(t.bid()).isLessThanOrEqualTo(t.last());
    assertThat(t.last()).isLessThan(t.ask());
    assertThat(t.high24h()).isGreaterThanOrEqualTo(t.last().max(t.open24h()));
    assertThat(t.low24h()).isLessThanOrEqualTo(t.last().min(t.open24h()));
    assertThat(trades.get(9).time()).isBeforeOrEqualTo(T);
    assertThat(trades).isSortedAccordingTo((x, y) -> Long.compare(x.id(), y.id()));
  }

  @Test
  void candlesHaveConsistentRangesAndTheLastOneIsOpen() {
    MarketSimulator m = simulator(5, Clock.fixed(T, ZoneOffset.UTC));
    List<SimCandle> candles = m.candles("BTC-USDT", CandleInterval.M15, 100);
    assertThat(candles).hasSize(100);
    for (SimCandle c : candles) {
      assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
      assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
      assertThat(c.volume().signum()).isPositive();
    }
    SimCandle last = candles.get(99);
    assertThat(last.openTime()).isEqualTo(Instant.parse("2026-05-06T07:00:00Z"));
    assertThat(last.close()).isEqualTo(m.ticker("BTC-USDT").last());
  }

  @Test
  void unknownSymbolsAndHugeScansAreRefused() {
    MarketSimulator m = simulator(5, Clock.fixed(T, ZoneOffset.UTC));
    assertThatThrownBy(() -> m.ticker("DOGE-USDT")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.candles("BTC-USDT", CandleInterval.D1, 1000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dayStatisticsFromCachedBlocksEqualTheSecondBySecondCandles() {
    // 5-minute candles are shorter than a cache block, so they are scanned second by second; at a
    // second that ends a 5-minute candle, 288 of them cover exactly the ticker's 24-hour window.
    Instant endOfCandle = Instant.parse("2026-05-06T07:14:59.250Z");
    for (String symbol : List.of("BTC-USDT", "EUR-USD")) {
      MarketSimulator m = simulator(11, Clock.fixed(endOfCandle, ZoneOffset.UTC));
      SimTicker ticker = m.ticker(symbol);
      List<SimCandle> candles = m.candles(symbol, CandleInterval.M5, 288);
      assertThat(candles.get(0).openTime()).isEqualTo(endOfCandle.minusSeconds(86_399).minusMillis(250));
      assertThat(ticker.high24h()).isEqualTo(candles.stream().map(SimCandle::high).max(BigDecimal::compareTo).orElseThrow());
      assertThat(ticker.low24h()).isEqualTo(candles.stream().map(SimCandle::low).min(BigDecimal::compareTo).orElseThrow());
      assertThat(ticker.volume24h()).isEqualByComparingTo(candles.stream().map(SimCandle::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
  }

  @Test
  void aPreparedTickerIsTheTickerAFreshSimulatorGivesLater() {
    MutableClock prepared = new MutableClock(T);
    MarketSimulator warm = simulator(12, prepared);
    warm.prepareTicker("ETH-USDT");
    prepared.advance(Duration.ofSeconds(1_234)); // past block edges: cached middle, scanned edges
    MarketSimulator cold = simulator(12, Clock.fixed(T.plusSeconds(1_234), ZoneOffset.UTC));
    assertThat(warm.ticker("ETH-USDT")).isEqualTo(cold.ticker("ETH-USDT"));
    assertThat(warm.candles("ETH-USDT", CandleInterval.H4, 30)).isEqualTo(cold.candles("ETH-USDT", CandleInterval.H4, 30));
    assertThatThrownBy(() -> warm.prepareTicker("DOGE-USDT")).isInstanceOf(IllegalArgumentException.class);
  }
}
