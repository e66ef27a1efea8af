package consumer.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.junit.Sandbox;
import io.tickguard.testkit.providers.ProviderSandbox;
import org.junit.jupiter.api.Test;

/** A user's bot test: a typed call against the Binance sandbox, and one that rides out two 503s. */
@Sandbox(providers = ProviderSandbox.BINANCE, seed = 42)
class SandboxBotTest {

  @Test
  void readsATypedOrderBook(ClientConfig config) {
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      OrderBook book = binance.orderBook(Symbol.of("BTC", "USDT"), 5);

      assertEquals(5, book.bids().size());
      assertFalse(book.asks().isEmpty());
    }
  }

  @Test
  void ridesOutTwoHiccupsWithExplicitRetries(SandboxServer sandbox, ClientConfig config, MutableClock clock) {
    sandbox.faults().next(2, Fault.status(503));
    ClientConfig retrying = config.newBuilder()
        .resilience(StandardResiliencePolicy.builder().maxAttempts(3).clock(clock).sleeper(clock::advance).build())
        .build();
    try (BinanceClient binance = BinanceClient.builder().config(retrying).build()) {
      assertEquals(5, binance.orderBook(Symbol.of("BTC", "USDT"), 5).bids().size());
    }
  }
}
