package io.tickguard.examples.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

// The README's "test your own bot" example, run as written.
// tag::bot[]
@Sandbox(providers = ProviderSandbox.BINANCE, seed = 42)
class MyBotTest {
  @Test
  void ridesOutTwoHiccups(SandboxServer sandbox, ClientConfig config, MutableClock clock) {
    sandbox.faults().next(2, Fault.status(503));   // the provider hiccups twice
    ClientConfig retrying = config.newBuilder()    // up to 3 attempts of idempotent calls,
        .resilience(StandardResiliencePolicy.builder().maxAttempts(3)
            .clock(clock).sleeper(clock::advance)  // backing off in virtual time: no sleeping
            .build())
        .build();
    try (BinanceClient binance = BinanceClient.builder().config(retrying).build()) {
      OrderBook book = binance.orderBook(Symbol.of("BTC", "USDT"), 5);  // the third attempt answers
      assertEquals(5, book.bids().size());
    }
  }
}
// end::bot[]
