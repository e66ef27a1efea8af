package io.tickguard.examples.snippets;

import io.tickguard.core.auth.Secret;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.Rounding;
import io.tickguard.forex.StreamGap;
import io.tickguard.forex.insightease.InsighteaseForexClient;
import io.tickguard.forex.insightease.InsighteaseForexTicker;
import io.tickguard.forex.oanda.OandaClient;
import io.tickguard.forex.oanda.OandaEnvironment;
import io.tickguard.forex.oanda.OandaKeys;
import io.tickguard.market.insightease.InsighteaseKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The OANDA and Insightease forex snippets of docs/providers.md and docs/streaming.md, compiled; SnippetsTest keeps them equal. */
@SuppressWarnings({"unused", "try"}) // snippets keep results and resources a reader would use
final class ForexSnippets {
  private ForexSnippets() {}

  static void oanda() {
    // tag::oanda-client[]
    try (OandaClient oanda = OandaClient.builder()
            .environment(OandaEnvironment.PRACTICE)
            .credentials(OandaKeys.token(Secret.fromEnv("OANDA_TOKEN")))
            .accountId("101-004-1435156-001")
            .build()) {
      Quote eurUsd = oanda.quote(CurrencyPair.parse("EUR/USD"));
      Conversion c = oanda.convert(new BigDecimal("250"), Currency.of("EUR"), Currency.of("JPY"),
          Rounding.minorUnits(RoundingMode.DOWN));
    }
    // end::oanda-client[]
  }

  static void insightease() {
    // tag::insightease-forex-client[]
    try (InsighteaseForexClient ie = InsighteaseForexClient.builder()
        .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_API_KEY")))
        .build()) {
      List<InsighteaseForexTicker> latest = ie.latest(CurrencyPair.parse("EUR/USD"));
      Conversion c = ie.convert(new BigDecimal("200"), Currency.of("EUR"), Currency.of("USD"));
    }
    // end::insightease-forex-client[]
  }

  static void oandaStream(OandaClient oanda, Map<CurrencyPair, Quote> latest, Runnable resync, CountDownLatch done)
      throws InterruptedException {
    // tag::oanda-stream[]
    QuoteStreamOptions options = QuoteStreamOptions.defaults()            // 1024 events, DROP_OLDEST
        .withBuffer(256, Backpressure.FAIL);                               // or fail when the consumer lags
    try (QuoteStream stream = oanda.streamQuotes(List.of(CurrencyPair.parse("EUR/USD")), options,
        new QuoteListener() {
          @Override public void onQuote(Quote q) { latest.put(q.pair(), q); }
          @Override public void onGap(StreamGap gap) { resync.run(); }     // quotes during the gap were not seen
        })) {
      done.await();                                                        // until the application stops
    }
    // end::oanda-stream[]
  }
}
