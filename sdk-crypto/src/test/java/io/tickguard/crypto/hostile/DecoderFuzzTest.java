package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.Fixtures;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Every provider decoder, error decoder and the shared JSON helpers run over random and mutated wire
 * inputs: each call must end in a value or a {@link TickGuardException}, nothing else (no parser,
 * arithmetic, date-time or index exception, no error). The generator is seeded, so a failure
 * replays; the run is bounded by a fixed number of inputs, not by time.
 */
class DecoderFuzzTest {
  static final long SEED = 0x7E57_F022L;
  static final int MUTANTS_PER_SEED_INPUT = 20;
  static final int RANDOM_INPUTS = 40;
  /** Pieces that hostile servers write: extreme numbers, wrong types, broken structure, escapes. */
  static final String[] TOKENS = {
    "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", "0", "-0", "1e400", "-1e-400", "1E+2147483648",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551617.5",
    "99999999999999999999999999999999", "4294967297", "2000000000", "0.00000000000000000000000000001",
    "\"\\u0000\"", "\"\\ud800\"", "\"\\/\"", "\"ı\"", "\"\"", "[]", "{}", "[[]]", "\"NaN\"", "NaN", "Infinity",
    "\"9999-99-99T99:99:99Z\"", "\"+1000000000-12-31T23:59:59Z\"", "\"2023-10-26T10:05:30.123Z\"",
    "\"XXBTZUSD\"", "\"BTC/USD\"", "\"BTC-USD\"", "\"BTCUSDT\"", "\"E\"", "\"EAPI:Invalid key\"", "1.5", "\n"
  };

  private static Map<String, ResponseDecoder<?>> decoders() {
    Map<String, ResponseDecoder<?>> d = WireDecoders.responses();
    d.put("market.JsonStream", DecoderFuzzTest::walkStream);
    d.put("market.JsonTree", DecoderFuzzTest::walkTree);
    return d;
  }

  /** Every wire sample the providers publish (and the hand-made error bodies), as seeds. */
  private static List<String> seeds() {
    List<String> names = List.of(
        "binance/account.json", "binance/depth.json", "binance/error-invalid-symbol.json", "binance/exchangeInfo.json",
        "binance/klines.json", "binance/ticker24hr-list.json", "binance/ticker24hr.json", "binance/time.json",
        "binance/trades.json", "coinbase/accounts.json", "coinbase/candles.json", "coinbase/error-not-found.handmade.json",
        "coinbase/market_trades.json", "coinbase/product_book.json", "coinbase/products.handmade.json",
        "coinbase/time.handmade.json", "insightease/error-credits.handmade.json", "insightease/error-symbol.handmade.json",
        "insightease/history-keyed.handmade.json", "insightease/history.handmade.json", "insightease/latest.handmade.json",
        "insightease/latest-without-bid-ask.handmade.json",
        "insightease/list.handmade.json", "kraken/balance.json", "kraken/depth.json", "kraken/error-invalid-nonce.handmade.json",
        "kraken/ohlc.json", "kraken/pairs.json", "kraken/ticker.json", "kraken/time.handmade.json", "kraken/trades.json");
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(Fixtures.json(n)));
    return out;
  }

  @Test
  void everyDecoderEndsInAValueOrATypedExceptionOnRandomAndMutatedInput() {
    Random random = new Random(SEED);
    List<byte[]> inputs = new ArrayList<>();
    for (String seed : seeds()) {
      inputs.add(seed.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < MUTANTS_PER_SEED_INPUT; i++) {
        inputs.add(mutate(seed, random).getBytes(StandardCharsets.UTF_8));
      }
    }
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      inputs.add(randomJsonish(random).getBytes(StandardCharsets.UTF_8));
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      inputs.add(bytes);
    }

    List<String> untyped = new ArrayList<>();
    int values = 0;
    int refusals = 0;
    for (Map.Entry<String, ResponseDecoder<?>> d : decoders().entrySet()) {
      for (int i = 0; i < inputs.size(); i++) {
        ApiResponse response = WireDecoders.response(200, inputs.get(i));
        try {
          assertThat((Object) d.getValue().decode(response)).isNotNull();
          values++;
        } catch (TickGuardException typed) {
          refusals++;
        } catch (RuntimeException | Error e) {
          untyped.add(d.getKey() + " input #" + i + ": " + e + " <- "
              + new String(inputs.get(i), StandardCharsets.UTF_8).replace("\n", " "));
        }
      }
    }
    for (Map.Entry<String, ErrorDecoder> d : WireDecoders.errors().entrySet()) {
      for (int i = 0; i < inputs.size(); i++) {
        for (int status : new int[] {400, 401, 429, 503}) {
          ApiResponse response = WireDecoders.response(status, inputs.get(i));
          try {
            assertThat(d.getValue().decode(response, ErrorDetails.ofStatus(status, null))).isNotNull();
            refusals++;
          } catch (RuntimeException | Error e) {
            untyped.add(d.getKey() + " HTTP " + status + " input #" + i + ": " + e);
          }
        }
      }
    }

    assertThat(untyped).as("untyped outcomes").isEmpty();
    assertThat(values).as("the unmutated samples still decode").isPositive();
    assertThat(refusals).isPositive();
  }

  /** Reads every scalar of the document as each kind the helpers offer. */
  private static Object walkStream(ApiResponse r) {
    int scalars = 0;
    try (JsonStream in = JsonStream.of(r)) {
      for (JsonToken t = in.next(); t != null; t = in.next()) {
        if (t.isScalarValue()) {
          scalars++;
          attempt(() -> in.decimal("x"));
          attempt(() -> in.integer("x"));
          attempt(() -> in.integer("x", 0, 100));
          attempt(() -> in.string("x"));
          attempt(() -> in.bool("x"));
        }
      }
    }
    return scalars;
  }

  private static Object walkTree(ApiResponse r) {
    JsonNode root = r.json();
    List<JsonNode> nodes = new ArrayList<>();
    nodes.add(root);
    for (int i = 0; i < nodes.size() && i < 10_000; i++) {
      JsonNode n = nodes.get(i);
      n.values().forEach(nodes::add);
      if (n.isObject()) {
        n.propertyNames().forEach(name -> {
          attempt(() -> JsonTree.decimal(n, name, "x"));
          attempt(() -> JsonTree.integer(n, name, "x"));
          attempt(() -> JsonTree.integer(n, name, "x", 0, 18));
          attempt(() -> JsonTree.epochMillis(n, name, "x"));
          attempt(() -> JsonTree.epochSeconds(n, name, "x"));
          attempt(() -> JsonTree.text(n, name, "x"));
          attempt(() -> JsonTree.bool(n, name, "x"));
          attempt(() -> JsonTree.optionalDecimal(n, name, "x"));
        });
      }
    }
    return nodes.size();
  }

  /** Runs {@code read}; a typed refusal is an expected outcome, anything else propagates. */
  private static void attempt(Runnable read) {
    try {
      read.run();
    } catch (TickGuardException expected) {
      // refused with a typed exception: fine
    }
  }

  private static String mutate(String seed, Random random) {
    StringBuilder s = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 3 -> s.setLength(at); // truncated
        case 4 -> replaceNumberAt(s, at, TOKENS[random.nextInt(TOKENS.length)]);
        case 5 -> {
          int end = Math.min(s.length(), at + 1 + random.nextInt(40));
          s.insert(at, s.substring(at, end)); // a duplicated run: repeated keys, extra levels
        }
        default -> replaceStringAt(s, at, TOKENS[random.nextInt(TOKENS.length)]);
      }
    }
    return s.toString();
  }

  /** Replaces the number that starts at or after {@code at} with {@code token}. */
  private static void replaceNumberAt(StringBuilder s, int at, String token) {
    int i = at;
    while (i < s.length() && !(Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
      i++;
    }
    int j = i;
    while (j < s.length() && "0123456789.-+eE".indexOf(s.charAt(j)) >= 0) {
      j++;
    }
    if (i < s.length()) {
      s.replace(i, j, token);
    }
  }

  /** Replaces the quoted string that starts at or after {@code at} with {@code token}. */
  private static void replaceStringAt(StringBuilder s, int at, String token) {
    int i = s.indexOf("\"", at);
    if (i < 0) {
      return;
    }
    int j = s.indexOf("\"", i + 1);
    if (j > i) {
      s.replace(i, j + 1, token);
    }
  }

  private static String randomJsonish(Random random) {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      s.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return s.toString();
  }
}
