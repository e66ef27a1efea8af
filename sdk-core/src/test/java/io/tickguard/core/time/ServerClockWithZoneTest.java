package io.tickguard.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ServerClock} is a {@link Clock}: {@code withZone} works and keeps the server correction. */
class ServerClockWithZoneTest {
  @Test
  void withZoneReadsTheCorrectedTimeInTheOtherZoneAndFollowsLaterResyncs() {
    MutableClock local = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    ServerClock server = ServerClock.builder(local).build();
    Instant t = local.instant();
    server.accept(List.of(new TimeSample(t, t.plusSeconds(5), t)));

    Clock tokyo = server.withZone(ZoneId.of("Asia/Tokyo"));

    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:05Z"));
    assertThat(ZonedDateTime.now(tokyo).getHour()).isEqualTo(9);
    server.accept(List.of(new TimeSample(t, t.plusSeconds(7), t)));
    assertThat(tokyo.millis()).isEqualTo(Instant.parse("2024-01-01T00:00:07Z").toEpochMilli());
    assertThat(tokyo.withZone(ZoneOffset.UTC).instant()).isEqualTo(server.instant());
    assertThat(server.withZone(server.getZone())).isSameAs(server);
  }
}
