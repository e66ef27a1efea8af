package io.tickguard.examples.snippets;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import java.util.List;

/** The code of docs/getting-started.md, compiled (not run: it talks to Binance). */
@SuppressWarnings("unused")
final class GettingStartedSnippets {
  private GettingStartedSnippets() {}

  static void publicData() {
    // tag::public-data[]
    try (BinanceClient binance = BinanceClient.builder().build()) {
      Ticker t = binance.ticker(Symbol.of("BTC", "USDT"));
      System.out.println(t.bid() + " / " + t.ask());   // BigDecimals, exactly as Binance sent them
    }
    // end::public-data[]
  }

  static void signed() {
    // tag::signed[]
    try (BinanceClient binance = BinanceClient.builder()
            .credentials(ApiCredentials.hmac(System.getenv("BINANCE_API_KEY"), Secret.fromEnv("BINANCE_API_SECRET")))
            .build()) {
      List<Balance> balances = binance.balances();
    }
    // end::signed[]
  }
}
