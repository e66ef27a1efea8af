import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tickguard.core.ClientConfig;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.junit.Sandbox;
import io.tickguard.testkit.providers.ProviderSandbox;
import org.junit.jupiter.api.Test;

@Sandbox(providers = ProviderSandbox.BINANCE)   // a local Binance: TLS on 127.0.0.1, no internet, no keys
class FirstCallTest {

  @Test
  void readsTheOrderBook(ClientConfig config) {  // the sandbox's URL, trusting only its CA, pinned
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      OrderBook book = binance.orderBook(Symbol.of("BTC", "USDT"), 5);  // prices are BigDecimals
      assertEquals(5, book.bids().size());
      System.out.println(book);
    }
  }
}
