package io.tickguard.crypto.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.internal.BufferedApiResponse;
import io.tickguard.crypto.Symbol;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code BinanceDecoders.lastPrice} streams {@code ticker/price} without a tree: the same value and
 * the same refusals as every strict decoder (repeated, missing, mistyped members, trailing content).
 */
class LastPriceDecoderTest {
  private static final Symbol LTC_BTC = Symbol.of("LTC", "BTC");

  @Test
  void thePriceIsReadAsWrittenWhateverTheMemberOrderAndUnknownMembers() {
    assertThat(decode("{\"symbol\":\"LTCBTC\",\"price\":\"4.00000200\"}")).isEqualTo(new BigDecimal("4.00000200"));
    assertThat(decode("{\"price\":\"4.00000200\",\"note\":{\"a\":[1,2]},\"symbol\":\"LTCBTC\"}"))
        .isEqualTo(new BigDecimal("4.00000200"));
    assertThat(decode("{\"symbol\":\"LTCBTC\",\"price\":4.5}")).isEqualTo(new BigDecimal("4.5"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a repeated member must not silently win | {\"symbol\":\"LTCBTC\",\"price\":\"4\",\"price\":\"5\"} | body | duplicate field 'price'",
      "a repeated member inside a skipped one | {\"symbol\":\"LTCBTC\",\"x\":{\"b\":1,\"b\":2},\"price\":\"4\"} | body | duplicate field 'b'",
      "a null price is missing | {\"symbol\":\"LTCBTC\",\"price\":null} | price | is missing",
      "no symbol | {\"price\":\"4\"} | symbol | is missing",
      "a price that is an object | {\"symbol\":\"LTCBTC\",\"price\":{\"v\":\"4\"}} | price | decimal",
      "a price that is not a number | {\"symbol\":\"LTCBTC\",\"price\":\"4.0.1\"} | price | price",
      "a price with an exponent, as text | {\"symbol\":\"LTCBTC\",\"price\":\"1e999999999\"} | price | price",
      "a price with an exponent, as a number | {\"symbol\":\"LTCBTC\",\"price\":4e3} | price | price",
      "a price longer than any decimal kept | {\"symbol\":\"LTCBTC\",\"price\":\"111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111\"} | price | price",
      "a price of zero | {\"symbol\":\"LTCBTC\",\"price\":\"0.00000000\"} | price | positive",
      "a symbol that is a number | {\"symbol\":7,\"price\":\"4\"} | symbol | must be a string",
      "another symbol | {\"symbol\":\"BNBBTC\",\"price\":\"4\"} | symbol | Unexpected symbol",
      "an array body | [{\"symbol\":\"LTCBTC\",\"price\":\"4\"}] | body | must be",
      "content after the object | {\"symbol\":\"LTCBTC\",\"price\":\"4\"} {} | body | after the JSON document",
      "a truncated body | {\"symbol\":\"LTCBTC\",\"price\":\"4 | body | not valid JSON",
  })
  void hostileBodiesAreRefusedNamingTheField(String why, String body, String field, String message) {
    assertThatThrownBy(() -> decode(body))
        .as(why)
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).contains(message);
        });
  }

  private static BigDecimal decode(String body) {
    return BinanceDecoders.lastPrice(LTC_BTC).decode(response(body));
  }

  private static ApiResponse response(String body) {
    return new BufferedApiResponse(Endpoint.builder("lastPrice", HttpMethod.GET, "/api/v3/ticker/price").build().request().build(),
        200, Headers.of(), body.getBytes(StandardCharsets.UTF_8), "application/json", Clock.systemUTC());
  }
}
