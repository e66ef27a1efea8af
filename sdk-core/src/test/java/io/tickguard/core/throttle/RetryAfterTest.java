package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");

  @Test
  void deltaSecondsForm() {
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "120"), time)).contains(Duration.ofSeconds(120));
  }

  @Test
  void httpDateFormWithoutDateHeaderIsMeasuredAgainstTheClock() {
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "Wed, 01 May 2024 12:00:07 GMT"), time))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void dateInThePastMeansNoWait() {
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "Wed, 01 May 2024 11:00:00 GMT"), time))
        .contains(Duration.ZERO);
  }

  @Test
  void absentOrMalformedMeansUnknown() {
    assertThat(RetryAfter.of(Responses.of(503), time)).isEmpty();
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "soon"), time)).isEmpty();
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "-5"), time)).isEmpty();
  }

  @Test
  void hostileValuesAreCappedAtOneDay() {
    assertThat(RetryAfter.of(Responses.of(503, "Retry-After", "9999999999"), time)).contains(Duration.ofDays(1));
  }
}
