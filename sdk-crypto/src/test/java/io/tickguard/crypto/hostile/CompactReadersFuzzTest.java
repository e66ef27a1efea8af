package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.binance.internal.DepthPaths;
import io.tickguard.crypto.binance.stream.internal.DepthUpdatePaths;
import io.tickguard.crypto.coinbase.stream.internal.Level2Paths;
import io.tickguard.crypto.kraken.stream.internal.KrakenBookPaths;
import io.tickguard.crypto.stream.internal.CompactText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential coverage-guided fuzzing (Jazzer) of the four compact fast-path readers against the
 * strict reader they decline to: {@code CompactDepth} (Binance REST depth), {@code
 * CompactDepthUpdate} (Binance stream {@code depthUpdate}, raw and combined), {@code
 * CompactLevel2} (Coinbase {@code l2_data}) and {@code CompactBook} (Kraken v2 {@code book}). Each input goes through the whole path (fast reader
 * first) and through the strict reader alone; the two outcomes must be the same: equal typed values
 * (each decimal with its scale), or the same refusal (exception type, field and message). A fast-path
 * accept where the strict reader refuses is the finding this exists for; any exception other than a
 * {@link TickGuardException} fails as well.
 *
 * <p>The stream targets read an input as messages, one per line, each side on one reused message as
 * a feed reads, so state one message leaves behind for the next shows as a difference too. Committed
 * inputs: {@code src/test/resources/io/tickguard/crypto/hostile/CompactReadersFuzzTestInputs/<method>/}
 * (the providers' verbatim samples, the compact layout they are sent in, and edits of it).
 */
class CompactReadersFuzzTest {
  private static final int MAX_MESSAGES = 64;
  /** The smallest depth Binance serves: six levels are one too many, a refusal within reach. */
  private static final int DEPTH_LIMIT = 5;

  @FuzzTest
  void binanceDepth(byte[] body) {
    Outcome whole = Outcome.of(() -> DepthPaths.whole(WireDecoders.response(200, body), WireDecoders.BTC_USDT, DEPTH_LIMIT));
    Outcome strict = Outcome.of(() -> DepthPaths.strict(WireDecoders.response(200, body), WireDecoders.BTC_USDT, DEPTH_LIMIT));
    // no "taken, so accepted": the compact reader only reads the levels; the book's own checks
    // (sorted, uncrossed) run after either reader, and their refusals must match too
    assertSame(new String(body, StandardCharsets.UTF_8), whole, strict);
    if (whole.value() instanceof OrderBook book) {
      assertThat(book.symbol()).isEqualTo(WireDecoders.BTC_USDT);
    }
  }

  @FuzzTest
  void binanceDepthUpdate(byte[] data) {
    DepthUpdatePaths paths = new DepthUpdatePaths();
    readMessages(data, paths::whole, paths::strict, paths::compactTakes);
  }

  @FuzzTest
  void coinbaseLevel2(byte[] data) {
    Level2Paths paths = new Level2Paths();
    readMessages(data, paths::whole, paths::strict, paths::compactTakes);
  }

  @FuzzTest
  void krakenBook(byte[] data) {
    KrakenBookPaths paths = new KrakenBookPaths();
    readMessages(data, paths::whole, paths::strict, paths::compactTakes);
  }

  /**
   * Each message of {@code data} both ways, with the same outcome; a message the fast reader takes
   * is a message read, so the strict reader must accept it too.
   */
  private static void readMessages(byte[] data, Function<String, ?> whole, Function<String, ?> strict,
      Predicate<String> compactTakes) {
    for (String message : messages(data)) {
      Outcome w = Outcome.of(() -> whole.apply(message));
      Outcome s = Outcome.of(() -> strict.apply(message));
      assertSame(message, w, s);
      if (compactTakes.test(message)) {
        assertThat(s.refusal()).as("strict refusal of a message the fast reader took: %s", message).isNull();
      }
    }
  }

  /**
   * The committed inputs are not vacuous: each target's seeds hold inputs its fast reader takes (so
   * the equal-values half is exercised on every build) and inputs it declines.
   */
  @Test
  void everyTargetsSeedsReachBothTheFastPathAndTheStrictReader() {
    assertReachesBoth("binanceDepth", body -> DepthPaths.compactTakes(body, DEPTH_LIMIT));
    DepthUpdatePaths binance = new DepthUpdatePaths();
    assertReachesBoth("binanceDepthUpdate", data -> messages(data).stream().anyMatch(binance::compactTakes));
    Level2Paths coinbase = new Level2Paths();
    assertReachesBoth("coinbaseLevel2", data -> messages(data).stream().anyMatch(coinbase::compactTakes));
    KrakenBookPaths kraken = new KrakenBookPaths();
    assertReachesBoth("krakenBook", data -> messages(data).stream().anyMatch(kraken::compactTakes));
  }

  /**
   * The stream fast paths stop loading a message past {@code CompactText.MAX_CHARS} characters and
   * leave it to the strict reader. Built here rather than committed as inputs: the fuzzer sizes its
   * inputs after the largest one, and 64 Ki-character inputs would slow every fuzzing run.
   */
  @Test
  void messagesAtAndPastTheCursorLimitReadTheSameBothWays() {
    DepthUpdatePaths binance = new DepthUpdatePaths();
    Level2Paths coinbase = new Level2Paths();
    IntFunction<String> depthUpdate = n -> "{\"e\":\"depthUpdate\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"U\":157,\"u\":160,\"b\":["
        + levels(n, i -> "[\"" + (100000 - i) + ".00000001\",\"1\"]") + "],\"a\":[]}";
    IntFunction<String> level2 = n -> "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"t\",\"sequence_num\":7,"
        + "\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":["
        + levels(n, i -> "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"" + (60000 - i)
            + ".5\",\"new_quantity\":\"1\"}") + "]}]}";
    assertAtAndPastTheLimit(depthUpdate, binance::whole, binance::strict, binance::compactTakes);
    assertAtAndPastTheLimit(level2, coinbase::whole, coinbase::strict, coinbase::compactTakes);
    KrakenBookPaths kraken = new KrakenBookPaths();
    IntFunction<String> book = n -> "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":["
        + levels(n, i -> "{\"price\":" + (60000 - i) + ".5,\"qty\":0.10000000}") + "],\"asks\":[],\"checksum\":7}]}";
    assertAtAndPastTheLimit(book, kraken::whole, kraken::strict, kraken::compactTakes);
  }

  /** The longest message {@code make} writes within the limit is taken, the next one is not; both read the same both ways. */
  private static void assertAtAndPastTheLimit(IntFunction<String> make, Function<String, ?> whole,
      Function<String, ?> strict, Predicate<String> compactTakes) {
    int n = 1;
    while (make.apply(n + 1).length() <= CompactText.MAX_CHARS) {
      n++;
    }
    String at = make.apply(n);
    String past = make.apply(n + 1);
    assertThat(compactTakes.test(at)).as("taken at %d characters", at.length()).isTrue();
    assertThat(compactTakes.test(past)).as("declined at %d characters", past.length()).isFalse();
    readMessages((at + "\n" + past).getBytes(StandardCharsets.UTF_8), whole, strict, compactTakes);
  }

  private static String levels(int n, IntFunction<String> level) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",").append(level.apply(i));
    }
    return s.toString();
  }

  /** The same outcome both ways: equal values, or the same refusal. */
  private static void assertSame(String input, Outcome whole, Outcome strict) {
    if (whole.refusal() == null && strict.refusal() != null) {
      throw new AssertionError("The fast path accepted what the strict reader refuses (" + strict.refusal() + "): " + input);
    }
    assertThat(whole).as("whole path vs strict reader for: %s", input).isEqualTo(strict);
  }

  private static List<String> messages(byte[] data) {
    return List.of(new String(data, StandardCharsets.UTF_8).split("\n", MAX_MESSAGES));
  }

  private static void assertReachesBoth(String method, Predicate<byte[]> fastTakes) {
    List<Boolean> taken = new ArrayList<>();
    for (byte[] seed : seeds(method)) {
      taken.add(fastTakes.test(seed));
    }
    assertThat(taken).as(method).contains(true, false);
  }

  private static List<byte[]> seeds(String method) {
    URL dir = CompactReadersFuzzTest.class.getResource("CompactReadersFuzzTestInputs/" + method);
    assertThat(dir).as(method).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : files.sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A typed value, or the refusal's type, field, message, status and provider code. */
  private record Outcome(Object value, Refusal refusal) {
    static Outcome of(Supplier<?> read) {
      try {
        return new Outcome(read.get(), null);
      } catch (TickGuardException refused) { // anything else is not caught: a finding
        return new Outcome(null, Refusal.of(refused));
      }
    }
  }

  private record Refusal(Class<?> type, Optional<String> field, String message, Optional<Integer> status,
      Optional<String> providerCode, Class<?> cause) {
    static Refusal of(TickGuardException e) {
      Optional<String> field = e instanceof InvalidResponseException r ? Optional.ofNullable(r.field())
          : Optional.empty();
      Throwable cause = e.getCause();
      return new Refusal(e.getClass(), field, e.getMessage(), e.httpStatus(), e.providerCode(),
          cause == null ? null : cause.getClass());
    }
  }
}
