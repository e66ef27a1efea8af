package io.tickguard.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding windows of the anomaly detector on virtual time, and its user-changeable thresholds. */
class AnomalyDetectorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

  private SecurityEvent event(SecurityEventKind kind) {
    return SecurityEvent.of(kind, clock.instant(), "api.example.com", "price", "", "test");
  }

  @Test
  void threeRejectionsWithinAMinuteAlertOnceThenTheWindowStartsAgain() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), clock, new KillSwitch());
    assertThat(detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED))).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED))).isEmpty();
    assertThat(detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED)))
        .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(SecurityEventKind.ANOMALY));
    assertThat(detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED))).isEmpty();
  }

  @Test
  void eventsOlderThanTheWindowDoNotCount() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), clock, new KillSwitch());
    detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED));
    detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED));
    clock.advance(Duration.ofSeconds(60));
    assertThat(detector.observe(event(SecurityEventKind.CREDENTIAL_REJECTED))).isEmpty();
  }

  @Test
  void anyPinMismatchAndAnyRefreshTokenReuseAlertAtOnceByDefault() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), clock, new KillSwitch());
    assertThat(detector.observe(event(SecurityEventKind.PIN_MISMATCH))).isPresent();
    assertThat(detector.observe(event(SecurityEventKind.REFRESH_TOKEN_REUSE))).isPresent();
    assertThat(detector.observe(event(SecurityEventKind.RATE_LIMITED))).isEmpty();
  }

  @Test
  void thresholdsAreUserChangeableAndTheKillSwitchIsOptIn() {
    KillSwitch killSwitch = new KillSwitch();
    AnomalyPolicy policy = AnomalyPolicy.builder()
        .threshold(SecurityEventKind.RATE_LIMITED, 2, Duration.ofSeconds(10))
        .noThreshold(SecurityEventKind.PIN_MISMATCH)
        .killSwitchOn(SecurityEventKind.RATE_LIMITED).build();
    AnomalyDetector detector = new AnomalyDetector(policy, clock, killSwitch);
    assertThat(detector.observe(event(SecurityEventKind.PIN_MISMATCH))).isEmpty();
    detector.observe(event(SecurityEventKind.RATE_LIMITED));
    SecurityEvent alert = detector.observe(event(SecurityEventKind.RATE_LIMITED)).orElseThrow();
    assertThat(detector.killSwitchEvent(alert)).hasValueSatisfying(
        e -> assertThat(e.kind()).isEqualTo(SecurityEventKind.KILL_SWITCH_ENGAGED));
    assertThat(killSwitch.engaged()).isTrue();
    assertThatThrownBy(() -> killSwitch.check("price")).isInstanceOf(KillSwitchEngagedException.class)
        .hasMessageContaining("killSwitch().reset()");
  }

  @Test
  void aKillSwitchOnAKindWithoutThresholdIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> AnomalyPolicy.builder().killSwitchOn(SecurityEventKind.TLS_FAILURE))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("killSwitchOn"));
    assertThatThrownBy(() -> AnomalyPolicy.builder().threshold(SecurityEventKind.RATE_LIMITED, 0, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
