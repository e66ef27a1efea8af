package io.tickguard.forex.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.Endpoint;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.internal.BufferedApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.testkit.WireMutations;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.Headers;

/**
 * The fuzz invariant for forex wire decoders, shared by the provider fuzz tests: a body decodes into
 * a value or a {@link TickGuardException}; an error body always maps to a typed exception. Anything
 * else propagates to Jazzer as a finding.
 */
public final class ForexWire {
  /** The wire's idea of now for every fuzzed response. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T12:00:00Z"), ZoneOffset.UTC);
  private static final ApiRequest REQUEST = Endpoint.builder("fuzz", HttpMethod.GET, "/fuzz").build().request().build();
  private static final int[] STATUSES = {400, 401, 403, 404, 405, 429, 500, 503};

  private static final Set<String> NOT_SAMPLES = Set.of("empty", "empty-array", "empty-object", "not-json", "null", "deep-nesting");
  private static final List<String> MUTANTS = List.of(".huge-number", ".negative-number", ".string-as-object", ".truncated");

  private ForexWire() {}

  /** A buffered JSON response of {@code status} carrying {@code body}. */
  public static ApiResponse response(int status, byte[] body) {
    return new BufferedApiResponse(REQUEST, status, Headers.of(), body, "application/json", CLOCK);
  }

  /** Decodes {@code body} as a 200 answer; a value or a typed refusal. */
  public static void decode(ResponseDecoder<?> decoder, byte[] body) {
    try {
      assertThat((Object) decoder.decode(response(200, body))).isNotNull();
    } catch (TickGuardException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /** The first byte picks the error status, the rest is the body; always a typed exception. */
  public static void decodeError(ErrorDecoder decoder, byte[] data) {
    int status = STATUSES[(data.length == 0 ? 0 : data[0] & 0xFF) % STATUSES.length];
    byte[] body = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
    TickGuardException mapped = decoder.decode(response(status, body), ErrorDetails.ofStatus(status, null));
    assertThat(mapped).isNotNull();
    assertThat(mapped.getMessage()).isNotBlank();
  }

  /**
   * Decodes every documented sample committed in the fuzz input folder {@code inputs} (a classpath
   * folder; the generic and mutated inputs are left out) and its retyped variants with {@code
   * decoder}: no path is rendered on success and every refusal naming a field outside {@code
   * constantNames} rendered its path lazily. Returns the number of such refusals.
   */
  public static int assertLazyNaming(ResponseDecoder<?> decoder, String inputs, Set<String> constantNames) throws Exception {
    URL dir = ForexWire.class.getResource(inputs);
    assertThat(dir).as("fuzz inputs %s", inputs).isNotNull();
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      samples = files.filter(f -> !NOT_SAMPLES.contains(f.getFileName().toString()))
          .filter(f -> MUTANTS.stream().noneMatch(m -> f.getFileName().toString().endsWith(m)))
          .sorted()
          .toList();
    }
    int refusals = 0;
    for (Path sample : samples) {
      WireMutations.LazyNaming seen = WireMutations.lazyNaming(Files.readAllBytes(sample),
          body -> decoder.decode(response(200, body)), JsonPath::rendersOnThisThread, constantNames);
      assertThat(seen.rendersOnSuccess()).as("paths rendered decoding %s", sample.getFileName()).isZero();
      assertThat(seen.eagerlyNamed()).as("fields of %s named without a lazy path", sample.getFileName()).isEmpty();
      refusals += seen.refusals();
    }
    return refusals;
  }
}
