package io.tickguard.crypto.binance;

import io.tickguard.core.throttle.Throttle;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import org.junit.jupiter.api.Test;

/** The largest book Binance serves (5,000 levels a side) decodes exactly; speed is for JMH, not here. */
class BinanceLargeBookTest {

  @Test
  void fiveThousandLevelsPerSideDecodeInOrder() {
    StringBuilder json = new StringBuilder("{\"lastUpdateId\":1,\"bids\":[");
    for (int i = 0; i < 5000; i++) {
      json.append(i == 0 ? "" : ",").append("[\"").append(50000 - i).append(".00000000\",\"0.00100000\"]");
    }
    json.append("],\"asks\":[");
    for (int i = 0; i < 5000; i++) {
      json.append(i == 0 ? "" : ",").append("[\"").append(50001 + i).append(".00000000\",\"1.50000000\"]");
    }
    json.append("]}");
    try (MockApi server = new MockApi();
        BinanceClient client = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, json.toString());
      OrderBook book = client.orderBook(Symbol.of("BTC", "USDT"), 5000);
      assertThat(book.bids()).hasSize(5000);
      assertThat(book.asks()).hasSize(5000);
      assertThat(book.asks().get(4999).price()).isEqualByComparingTo("55000");
      assertThat(server.take().getUrl().queryParameter("limit")).isEqualTo("5000");
    }
  }
}
