package io.tickguard.examples.snippets;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import java.time.Duration;

/** The code of docs/configuration.md, compiled (not run); SnippetsTest keeps the page equal to it. */
@SuppressWarnings("unused")
final class ConfigurationSnippets {
  private ConfigurationSnippets() {}

  static void overview(String PRIMARY_PIN, String BACKUP_PIN) {
    // tag::overview[]
    ClientConfig config = ClientConfig.builder("https://api.binance.com")
        .callTimeout(Duration.ofSeconds(10))
        .tls(TlsConfig.builder().pin("api.binance.com", PRIMARY_PIN, BACKUP_PIN).build())
        .resilience(StandardResiliencePolicy.builder().maxAttempts(3).build())
        .build();
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      Ticker t = binance.ticker(Symbol.of("BTC", "USDT"));
    }
    // end::overview[]
  }
}
