package io.tickguard.crypto.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.internal.BufferedApiResponse;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * {@link CompactDepth} reads Binance's compact depth layout straight from the bytes and gives up on
 * anything else, so {@code BinanceDecoders.depth} then decodes with the full strict reader: the same
 * books, the same refusals. The full reader is reached in these tests by the same body with one space
 * after its opening brace, which the compact reader never accepts.
 */
class CompactDepthTest {
  private static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  @Test
  void theCompactLayoutIsReadWithEachValueAsWritten() {
    String body = "{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]],\"asks\":[[\"4.00000200\",\"12.00000000\"]]}";

    CompactDepth compact = CompactDepth.read(bytes(body), 5);

    assertThat(compact).isNotNull();
    assertThat(compact.bids().get(0).price()).isEqualTo(new BigDecimal("4.00000000")); // equals: scale kept
    assertThat(compact.asks().get(0).size()).isEqualTo(new BigDecimal("12.00000000"));
    assertThat(decode(body, 5)).isEqualTo(decode(spaced(body), 5));
  }

  @Test
  void membersInAnyOrderAndEmptySidesAreRead() {
    assertThat(CompactDepth.read(bytes("{\"asks\":[],\"bids\":[[\"1\",\"2\"]],\"lastUpdateId\":0}"), 5)).isNotNull();
    assertThat(CompactDepth.read(bytes("{\"bids\":[],\"asks\":[]}"), 5)).isNotNull();
  }

  @Test
  void anythingOutsideTheCompactLayoutIsLeftToTheFullReader() {
    String[] others = {
      " {\"bids\":[],\"asks\":[]}", // whitespace
      "{\"bids\":[],\"asks\":[]} ",
      "{\"bids\":[], \"asks\":[]}",
      "{\"bids\":[],\"asks\":[],\"extra\":1}", // another member
      "{\"bids\":[],\"asks\":[],\"bids\":[]}", // a repeated one
      "{\"lastUpdateId\":1,\"lastUpdateId\":2,\"bids\":[],\"asks\":[]}",
      "{\"lastUpdateId\":01,\"bids\":[],\"asks\":[]}", // a leading zero: not JSON
      "{\"lastUpdateId\":-1,\"bids\":[],\"asks\":[]}",
      "{\"lastUpdateId\":1.5,\"bids\":[],\"asks\":[]}",
      "{\"bids\":[]}", // a side missing
      "{\"b\\u0069ds\":[],\"asks\":[]}", // an escape
      "{\"bids\":[[\"1e5\",\"1\"]],\"asks\":[]}", // an exponent
      "{\"bids\":[[\"-1\",\"1\"]],\"asks\":[]}", // a sign
      "{\"bids\":[[\"1\",\"0\"]],\"asks\":[]}", // a zero size
      "{\"bids\":[[\"0.0\",\"1\"]],\"asks\":[]}",
      "{\"bids\":[[1.5,\"1\"]],\"asks\":[]}", // a number
      "{\"bids\":[[\"1.\",\"1\"]],\"asks\":[]}",
      "{\"bids\":[[\".5\",\"1\"]],\"asks\":[]}",
      "{\"bids\":[[\"1234567890123456789\",\"1\"]],\"asks\":[]}", // 19 digits
      "{\"bids\":[[\"1\",\"1\",1700000000]],\"asks\":[]}", // a third value
      "{\"bids\":[[\"1\",\"1\"],],\"asks\":[]}",
      "{\"bids\":[[\"1\",\"1\"]],\"asks\":[]",
      "{\"bids\":[[\"1\",\"1\"]",
      "{\"bids\":[[\"1\",\"1\"],[\"2\",\"1\"],[\"3\",\"1\"]],\"asks\":[]}", // more levels than asked
      "",
      "{}",
    };
    for (String body : others) {
      assertThat(CompactDepth.read(bytes(body), 2)).as(body).isNull();
    }
  }

  @Test
  void refusalsAreTheFullReadersOwn() {
    assertThatThrownBy(() -> decode("{\"bids\":[],\"asks\":[],\"bids\":[]}", 5))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("duplicate field 'bids'");
    assertThatThrownBy(() -> decode("{\"bids\":[[\"1\",\"1\"],[\"2\",\"1\"],[\"3\",\"1\"]],\"asks\":[]}", 2))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids"));
    assertThatThrownBy(() -> decode("{\"bids\":[[\"1\",\"0\"]],\"asks\":[]}", 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].size"));
    assertThatThrownBy(() -> decode("{\"bids\":[[\"1e5\",\"1\"]],\"asks\":[]}", 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
    assertThatThrownBy(() -> decode("{\"bids\":[]}", 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("asks"));
  }

  @Test
  void aCompactBookThatIsUnsortedOrCrossedIsStillRefusedByTheBook() {
    assertThat(CompactDepth.read(bytes("{\"bids\":[[\"1\",\"1\"],[\"2\",\"1\"]],\"asks\":[]}"), 5)).isNotNull();
    assertThatThrownBy(() -> decode("{\"bids\":[[\"1\",\"1\"],[\"2\",\"1\"]],\"asks\":[]}", 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[1].price"));
    assertThatThrownBy(() -> decode("{\"bids\":[[\"5\",\"1\"]],\"asks\":[[\"4\",\"1\"]]}", 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  /**
   * Random books and random edits of them: whenever the compact reader accepts a body, the full
   * reader decodes the same bytes to the same book, or refuses them with the same exception.
   */
  @Test
  void wheneverTheCompactReaderAcceptsTheFullReaderAgrees() {
    Random random = new Random(20261130);
    String edits = "0123456789.\",[]{} -+eE\\x:";
    int accepted = 0;
    for (int k = 0; k < 20_000; k++) {
      String body = randomBook(random);
      for (int e = random.nextInt(3); e > 0 && !body.isEmpty(); e--) {
        int at = random.nextInt(body.length());
        char c = edits.charAt(random.nextInt(edits.length()));
        body = random.nextBoolean() ? body.substring(0, at) + c + body.substring(at + 1) : body.substring(0, at) + body.substring(at + 1);
      }
      int limit = random.nextInt(6);
      if (CompactDepth.read(bytes(body), limit) == null) {
        continue;
      }
      accepted++;
      Object compact = outcome(body, limit);
      Object full = outcome(spaced(body), limit);
      assertThat(compact).as(body).isEqualTo(full);
    }
    assertThat(accepted).as("the compact reader took part").isGreaterThan(1_000);
  }

  private static String randomBook(Random random) {
    StringBuilder body = new StringBuilder("{");
    if (random.nextBoolean()) {
      body.append("\"lastUpdateId\":").append(random.nextInt(1_000_000)).append(',');
    }
    body.append("\"bids\":").append(randomSide(random, 100_000, -1)).append(",\"asks\":").append(randomSide(random, 100_001, 1));
    return body.append('}').toString();
  }

  private static String randomSide(Random random, int start, int step) {
    StringBuilder side = new StringBuilder("[");
    int levels = random.nextInt(5);
    for (int i = 0; i < levels; i++) {
      int price = start + step * (i + random.nextInt(2)); // sometimes a repeated price: unsorted
      side.append(i == 0 ? "" : ",").append("[\"").append(price / 100).append('.').append(String.format("%02d", price % 100))
          .append("\",\"").append(random.nextInt(3)).append('.').append(random.nextInt(1000)).append("\"]");
    }
    return side.append(']').toString();
  }

  /** The book, or the refusal's field and message. */
  private static Object outcome(String body, int limit) {
    try {
      return decode(body, limit);
    } catch (TickGuardException e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static OrderBook decode(String body, int limit) {
    return BinanceDecoders.depth(BTC_USDT, limit).decode(response(body));
  }

  private static ApiResponse response(String body) {
    return new BufferedApiResponse(Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth").build().request().build(),
        200, Headers.of(), bytes(body), "application/json", Clock.systemUTC());
  }

  private static String spaced(String body) {
    return body.startsWith("{") ? "{ " + body.substring(1) : body;
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
