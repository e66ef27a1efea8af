package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import java.util.Arrays;
import java.util.Map;

/**
 * Coverage-guided fuzzing (Jazzer) of every crypto provider's response and error decoders: whatever
 * bytes a server answers, decoding ends in a fully valid typed value or a {@link TickGuardException};
 * any other exception or error is a finding. One {@code @FuzzTest} per decoder, so each has its own
 * committed inputs ({@code src/test/resources/io/tickguard/crypto/hostile/CryptoDecodersFuzzTestInputs/<method>/},
 * the providers' published samples and hostile variants of them) and can be fuzzed alone with
 * {@code -Pfuzz}. The models validate themselves in their constructors, so a value that exists is a
 * valid one.
 */
class CryptoDecodersFuzzTest {
  private static final Map<String, ResponseDecoder<?>> DECODERS = WireDecoders.responses();
  private static final Map<String, ErrorDecoder> ERRORS = WireDecoders.errors();
  private static final int[] STATUSES = {400, 401, 403, 404, 418, 429, 500, 503};

  private static void decode(String decoder, byte[] body) {
    try {
      assertThat((Object) DECODERS.get(decoder).decode(WireDecoders.response(200, body))).isNotNull();
    } catch (TickGuardException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /** The first byte picks the HTTP status, the rest is the body; an error decoder always answers a typed exception. */
  private static void decodeError(String decoder, byte[] data) {
    int status = STATUSES[(data.length == 0 ? 0 : data[0] & 0xFF) % STATUSES.length];
    byte[] body = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
    TickGuardException mapped = ERRORS.get(decoder).decode(WireDecoders.response(status, body), ErrorDetails.ofStatus(status, null));
    assertThat(mapped).isNotNull();
    assertThat(mapped.getMessage()).isNotBlank();
  }

  @FuzzTest
  void binanceServerTime(byte[] body) {
    decode("binance.serverTime", body);
  }

  @FuzzTest
  void binanceExchangeInfo(byte[] body) {
    decode("binance.exchangeInfo", body);
  }

  @FuzzTest
  void binanceLastPrice(byte[] body) {
    decode("binance.lastPrice", body);
  }

  @FuzzTest
  void binanceTickers(byte[] body) {
    decode("binance.tickers", body);
  }

  @FuzzTest
  void binanceDepth(byte[] body) {
    decode("binance.depth", body);
  }

  @FuzzTest
  void binanceTrades(byte[] body) {
    decode("binance.trades", body);
  }

  @FuzzTest
  void binanceKlines(byte[] body) {
    decode("binance.klines", body);
  }

  @FuzzTest
  void binanceAccount(byte[] body) {
    decode("binance.account", body);
  }

  @FuzzTest
  void krakenServerTime(byte[] body) {
    decode("kraken.serverTime", body);
  }

  @FuzzTest
  void krakenAssetPairs(byte[] body) {
    decode("kraken.assetPairs", body);
  }

  @FuzzTest
  void krakenTickers(byte[] body) {
    decode("kraken.tickers", body);
  }

  @FuzzTest
  void krakenLastPrice(byte[] body) {
    decode("kraken.lastPrice", body);
  }

  @FuzzTest
  void krakenDepth(byte[] body) {
    decode("kraken.depth", body);
  }

  @FuzzTest
  void krakenTrades(byte[] body) {
    decode("kraken.trades", body);
  }

  @FuzzTest
  void krakenOhlc(byte[] body) {
    decode("kraken.ohlc", body);
  }

  @FuzzTest
  void krakenBalances(byte[] body) {
    decode("kraken.balances", body);
  }

  @FuzzTest
  void coinbaseServerTime(byte[] body) {
    decode("coinbase.serverTime", body);
  }

  @FuzzTest
  void coinbaseProducts(byte[] body) {
    decode("coinbase.products", body);
  }

  @FuzzTest
  void coinbaseTicker(byte[] body) {
    decode("coinbase.ticker", body);
  }

  @FuzzTest
  void coinbaseLastPrice(byte[] body) {
    decode("coinbase.lastPrice", body);
  }

  @FuzzTest
  void coinbaseTrades(byte[] body) {
    decode("coinbase.trades", body);
  }

  @FuzzTest
  void coinbaseProductBook(byte[] body) {
    decode("coinbase.productBook", body);
  }

  @FuzzTest
  void coinbaseCandles(byte[] body) {
    decode("coinbase.candles", body);
  }

  @FuzzTest
  void coinbaseAccounts(byte[] body) {
    decode("coinbase.accounts", body);
  }

  @FuzzTest
  void insighteaseList(byte[] body) {
    decode("insightease.list", body);
  }

  @FuzzTest
  void insighteaseLatest(byte[] body) {
    decode("insightease.latest", body);
  }

  @FuzzTest
  void insighteaseLastPrice(byte[] body) {
    decode("insightease.lastPrice", body);
  }

  @FuzzTest
  void insighteaseHistory(byte[] body) {
    decode("insightease.history", body);
  }

  @FuzzTest
  void binanceErrors(byte[] data) {
    decodeError("binance.errors", data);
  }

  @FuzzTest
  void krakenErrors(byte[] data) {
    decodeError("kraken.errors", data);
  }

  @FuzzTest
  void coinbaseErrors(byte[] data) {
    decodeError("coinbase.errors", data);
  }

  @FuzzTest
  void insighteaseErrors(byte[] data) {
    decodeError("insightease.errors", data);
  }
}
