package io.tickguard.examples.snippets;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.market.insightease.InsighteaseKeys;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The README's code, compiled (not run: it talks to the live providers). Each tagged region is
 * what the README shows; SnippetsTest keeps them equal.
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  static void providers() {
    // tag::providers[]
    try (BinanceClient binance = BinanceClient.builder()                      // public data: no key
            .credentials(ApiCredentials.hmac(System.getenv("BINANCE_API_KEY"),
                Secret.fromEnv("BINANCE_API_SECRET")))                       // only for balances()
            .build()) {
      OrderBook book = binance.orderBook(Symbol.of("BTC", "USDT"), 100);
      List<Balance> balances = binance.balances();  // signed on Binance's clock, -1021 resynced once
    }
    KrakenClient kraken = KrakenClient.builder()
        .credentials(ApiCredentials.hmac(System.getenv("KRAKEN_API_KEY"), Secret.fromEnv("KRAKEN_PRIVATE_KEY")))
        .build();
    CoinbaseClient coinbase = CoinbaseClient.builder()
        .credentials(CoinbaseKeys.cdp(System.getenv("COINBASE_KEY_NAME"), Secret.fromFile(Path.of("cdp-key.pem"))))
        .build();
    InsighteaseClient insightease = InsighteaseClient.builder()
        .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_API_KEY"))).build();
    // end::providers[]
  }

  static void core(String primaryPin, String backupPin) {
    // tag::core[]
    Endpoint tickerPrice = Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker/price")
        .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
        .build();
    ClientConfig config = ClientConfig.builder("https://api.binance.com")
        .tls(TlsConfig.builder().pin("api.binance.com", primaryPin, backupPin).build())
        .build();
    try (ApiClient api = ApiClient.builder(config).build()) {
      JsonNode price = api.execute(tickerPrice.request().query("symbol", "BTCUSDT").build(), ApiResponse::json);
    }
    // end::core[]
  }
}
