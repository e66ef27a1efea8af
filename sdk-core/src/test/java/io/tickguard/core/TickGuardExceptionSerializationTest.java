package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A {@link TickGuardException} that went through Java serialization still answers its accessors. */
class TickGuardExceptionSerializationTest {
  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void deserializedExceptionKeepsItsStatusCodeAndRequestId() throws Exception {
    ProviderException sent = new ProviderException("boom", new ErrorDetails(503, "-1001", "down", "req-1"));

    ProviderException read = roundTrip(sent);

    assertThat(read.httpStatus()).contains(503);
    assertThat(read.providerCode()).contains("-1001");
    assertThat(read.requestId()).contains("req-1");
    assertThat(read.getMessage()).isEqualTo("boom");
  }

  @Test
  void deserializedClientSideExceptionAnswersEmpty() throws Exception {
    TickGuardException read = roundTrip(new TickGuardException("client side"));

    assertThat(read.httpStatus()).isEmpty();
    assertThat(read.details().summary()).isEmpty();
  }

  @Test
  void deserializedRateLimitKeepsItsRetryAfter() throws Exception {
    RateLimitedException read = roundTrip(RateLimitedException.clientSide("REQUEST_WEIGHT", Duration.ofMillis(250)));

    assertThat(read.retryAfter()).contains(Duration.ofMillis(250));
    assertThat(read.httpStatus()).isEmpty();
  }
}
