package io.tickguard.crypto.hostile;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.Endpoint;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.internal.BufferedApiResponse;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.internal.BinanceDecoders;
import io.tickguard.crypto.binance.internal.BinanceErrorDecoder;
import io.tickguard.crypto.coinbase.internal.CoinbaseDecoders;
import io.tickguard.crypto.coinbase.internal.CoinbaseErrorDecoder;
import io.tickguard.crypto.insightease.internal.InsighteaseDecoders;
import io.tickguard.crypto.kraken.internal.KrakenDecoders;
import io.tickguard.crypto.kraken.internal.KrakenErrorDecoder;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * Every crypto provider's response and error decoder, by name, as the clients configure them; shared
 * by the seeded mutation test ({@link DecoderFuzzTest}) and the coverage-guided one
 * ({@link CryptoDecodersFuzzTest}).
 */
final class WireDecoders {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");
  static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2024-01-01T00:00:00Z");
  static final ApiRequest REQUEST = Endpoint.builder("fuzz", HttpMethod.GET, "/fuzz").build().request().build();
  static final Clock CLOCK = Clock.fixed(MockApi.NOW, ZoneOffset.UTC);

  private WireDecoders() {}

  /** The response decoders, by provider and call. */
  static Map<String, ResponseDecoder<?>> responses() {
    InsighteaseEnvelope envelope = new InsighteaseEnvelope(List.of("fuzz-api-key-000"));
    Map<String, ResponseDecoder<?>> d = new LinkedHashMap<>();
    d.put("binance.serverTime", BinanceDecoders.serverTime());
    d.put("binance.exchangeInfo", BinanceDecoders.exchangeInfo());
    d.put("binance.lastPrice", BinanceDecoders.lastPrice(Symbol.of("LTC", "BTC"))); // the documented sample's symbol
    d.put("binance.tickers", BinanceDecoders.tickers(List.of(BTC_USDT, Symbol.of("BNB", "BTC"))));
    d.put("binance.depth", BinanceDecoders.depth(BTC_USDT, 100));
    d.put("binance.trades", BinanceDecoders.trades(100));
    d.put("binance.klines", BinanceDecoders.klines(Interval.ONE_MINUTE, 1000));
    d.put("binance.account", BinanceDecoders.account());
    d.put("kraken.serverTime", KrakenDecoders.serverTime());
    d.put("kraken.assetPairs", KrakenDecoders.assetPairs());
    d.put("kraken.tickers", KrakenDecoders.tickers(List.of(BTC_USD)));
    d.put("kraken.lastPrice", KrakenDecoders.lastPrice(BTC_USD));
    d.put("kraken.depth", KrakenDecoders.depth(BTC_USD, 100));
    d.put("kraken.trades", KrakenDecoders.trades(BTC_USD, 100));
    d.put("kraken.ohlc", KrakenDecoders.ohlc(BTC_USD, Interval.ONE_HOUR, TO));
    d.put("kraken.balances", KrakenDecoders.balances());
    d.put("coinbase.serverTime", CoinbaseDecoders.serverTime());
    d.put("coinbase.products", CoinbaseDecoders.products());
    d.put("coinbase.ticker", CoinbaseDecoders.ticker(BTC_USD));
    d.put("coinbase.lastPrice", CoinbaseDecoders.lastPrice(BTC_USD));
    d.put("coinbase.trades", CoinbaseDecoders.trades(100));
    d.put("coinbase.productBook", CoinbaseDecoders.productBook(BTC_USD, 100));
    d.put("coinbase.candles", CoinbaseDecoders.candles(Interval.ONE_HOUR, 350));
    d.put("coinbase.accounts", CoinbaseDecoders.accounts());
    d.put("insightease.list", InsighteaseDecoders.list(envelope));
    d.put("insightease.latest", InsighteaseDecoders.latest(envelope, List.of(BTC_USD)));
    d.put("insightease.lastPrice", InsighteaseDecoders.lastPrice(envelope, BTC_USD));
    d.put("insightease.history", InsighteaseDecoders.history(envelope, Interval.ONE_HOUR, FROM, TO));
    return d;
  }

  /** The error decoders, by provider. */
  static Map<String, ErrorDecoder> errors() {
    Map<String, ErrorDecoder> d = new LinkedHashMap<>();
    d.put("binance.errors", BinanceErrorDecoder.INSTANCE);
    d.put("kraken.errors", KrakenErrorDecoder.INSTANCE);
    d.put("coinbase.errors", CoinbaseErrorDecoder.INSTANCE);
    d.put("insightease.errors", new InsighteaseEnvelope(List.of("fuzz-api-key-000")));
    return d;
  }

  /** A buffered JSON response of {@code status} carrying {@code body}. */
  static ApiResponse response(int status, byte[] body) {
    return new BufferedApiResponse(REQUEST, status, Headers.of(), body, "application/json", CLOCK);
  }
}
