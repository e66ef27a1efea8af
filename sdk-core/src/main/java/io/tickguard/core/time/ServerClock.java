package io.tickguard.core.time;

import io.tickguard.core.InvalidRequestException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's clock as seen from here: the local {@link Clock} plus a measured offset. Signed
 * requests take their timestamps from it, so a machine whose clock is a few seconds off still lands
 * inside Binance's {@code recvWindow} and never sends Kraken a nonce from the past.
 *
 * <p>How the offset is measured: {@link #resyncNow()} asks the {@link ServerTimeSampler} for several
 * samples and keeps the median midpoint offset ({@link OffsetEstimator}). It resynchronises when
 * {@link #resyncIfDue()} finds the last sync older than the interval or drift suspected. A provider
 * client calls {@link #resyncNow()} itself when the server rejects a timestamp (Binance {@code
 * -1021}, Kraken {@code EAPI:Invalid nonce}) and retries once. Without a sampler, HTTP {@code Date}
 * headers fed to {@link #observeDate} are the fallback (one-second resolution); with one, a {@code
 * Date} header that contradicts the offset marks drift.
 *
 * <p>Deterministic: all time comes from the injected clock; nothing sleeps. Thread-safe.
 */
public final class ServerClock extends Clock {
  private final Clock local;
  private final ServerTimeSampler sampler;
  private final int samplesPerSync;
  private final Duration resyncInterval;
  private final Duration driftTolerance;
  /** Serialises resynchronisation; private, so no caller holding this clock's monitor can stall it. */
  private final Object resyncLock = new Object();

  private volatile State state = new State(Duration.ZERO, null, Duration.ZERO, false, false);
  private volatile ParsedDate lastDate;

  private record State(Duration offset, Instant lastSync, Duration uncertainty, boolean fromSampler, boolean drift) {}

  private ServerClock(Builder b) {
    this.local = b.local;
    this.sampler = b.sampler;
    this.samplesPerSync = b.samplesPerSync;
    this.resyncInterval = b.resyncInterval;
    this.driftTolerance = b.driftTolerance;
  }

  /** A builder on {@code local} (the system UTC clock in production, a fixed or test clock in tests). */
  public static Builder builder(Clock local) {
    return new Builder(local);
  }

  /** A server clock equal to {@code local}, never corrected: for providers that sign no timestamps. */
  public static ServerClock uncorrected(Clock local) {
    return builder(local).build();
  }

  @Override
  public Instant instant() {
    return local.instant().plus(state.offset());
  }

  @Override
  public long millis() {
    return local.millis() + state.offset().toMillis();
  }

  @Override
  public ZoneId getZone() {
    return local.getZone();
  }

  /**
   * This clock seen in {@code zone}: the returned clock reads this instance's corrected time (and
   * follows its future resyncs); only its zone differs.
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(getZone()) ? this : new Zoned(this, zone);
  }

  /** A {@link ServerClock} read in another zone. */
  private static final class Zoned extends Clock {
    private final ServerClock clock;
    private final ZoneId zone;

    Zoned(ServerClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return clock.withZone(other);
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }

    @Override
    public long millis() {
      return clock.millis();
    }
  }

  /** Server time minus local time, as last measured (zero before the first measurement). */
  public Duration offset() {
    return state.offset();
  }

  /** Half the best round trip of the last sync: how far off the offset may be. */
  public Duration uncertainty() {
    return state.uncertainty();
  }

  /** Local time of the last sync, if any. */
  public Optional<Instant> lastSync() {
    return Optional.ofNullable(state.lastSync());
  }

  /** Feeds a batch of samples (the pure core of a resync); an empty batch changes nothing. */
  public void accept(List<TimeSample> samples) {
    OffsetEstimator.median(samples).ifPresent(offset -> {
      Duration best = samples.stream().map(TimeSample::roundTrip).min(Duration::compareTo).orElseThrow();
      state = new State(offset, local.instant(), best.dividedBy(2), true, false);
    });
  }

  /**
   * Measures the offset now with {@code samplesPerSync} samples. Call it after a provider rejected a
   * timestamp, then retry once.
   *
   * @throws IllegalStateException when this clock has no sampler
   */
  public void resyncNow() throws IOException {
    synchronized (resyncLock) {
      if (sampler == null) {
        throw new IllegalStateException("This ServerClock has no ServerTimeSampler to resynchronise with");
      }
      List<TimeSample> samples = new ArrayList<>(samplesPerSync);
      for (int i = 0; i < samplesPerSync; i++) {
        samples.add(sampler.sample());
      }
      accept(samples);
    }
  }

  /** Resynchronises when never synced, when the interval elapsed, or when drift is suspected. */
  public boolean resyncIfDue() throws IOException {
    if (!isResyncDue()) {
      return false;
    }
    synchronized (resyncLock) {
      if (!isResyncDue()) {
        return false; // another caller just did it
      }
      resyncNow();
      return true;
    }
  }

  /** Whether {@link #resyncIfDue()} would resynchronise now. */
  public boolean isResyncDue() {
    State s = state;
    if (sampler == null) {
      return false;
    }
    return !s.fromSampler() || s.drift() || !local.instant().isBefore(s.lastSync().plus(resyncInterval));
  }

  /**
   * Feeds an HTTP {@code Date} response header (RFC 1123, one-second resolution). Used as the offset
   * when no sampler has measured one; otherwise it only flags drift when it contradicts the offset
   * by more than the tolerance. Unparseable headers are ignored.
   */
  public void observeDate(Instant sent, String dateHeader, Instant received) {
    Objects.requireNonNull(dateHeader, "dateHeader");
    Instant serverSecond = parseDate(dateHeader);
    if (serverSecond == null) {
      return;
    }
    // The server's time was somewhere in [second, second + 1s); use the middle.
    TimeSample sample = new TimeSample(sent, serverSecond.plusMillis(500), received);
    State s = state;
    if (!s.fromSampler()) {
      state = new State(sample.offset(), local.instant(), sample.roundTrip().dividedBy(2).plusMillis(500), false, false);
      return;
    }
    Duration slack = sample.roundTrip().dividedBy(2).plusMillis(500).plus(driftTolerance);
    if (sample.offset().minus(s.offset()).abs().compareTo(slack) > 0) {
      state = new State(s.offset(), s.lastSync(), s.uncertainty(), true, true);
    }
  }

  /**
   * The instant of a {@code Date} header, or null when it does not parse. The header changes once a
   * second while responses arrive many times a second, so the last text and its instant are kept and
   * the text is parsed only when it differs.
   */
  private Instant parseDate(String dateHeader) {
    ParsedDate last = lastDate;
    if (last != null && last.text().equals(dateHeader)) {
      return last.second();
    }
    try {
      Instant second = ZonedDateTime.parse(dateHeader, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      lastDate = new ParsedDate(dateHeader, second);
      return second;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A {@code Date} header's text and its instant. */
  private record ParsedDate(String text, Instant second) {}

  /**
   * {@link #observeDate(Instant, String, Instant)} for a response that arrived just now and took
   * {@code roundTrip}: both ends are placed on this clock's own local clock. Use it when the
   * transport's timestamps come from another clock (OkHttp's are wall-clock milliseconds, which a
   * configured test or replay clock does not follow).
   */
  public void observeDate(String dateHeader, Duration roundTrip) {
    Instant received = local.instant();
    observeDate(received.minus(roundTrip.isNegative() ? Duration.ZERO : roundTrip), dateHeader, received);
  }

  /** Builds a {@link ServerClock}. */
  public static final class Builder {
    private final Clock local;
    private ServerTimeSampler sampler;
    private int samplesPerSync = 5;
    private Duration resyncInterval = Duration.ofMinutes(10);
    private Duration driftTolerance = Duration.ofMillis(500);

    private Builder(Clock local) {
      this.local = Objects.requireNonNull(local, "local");
    }

    /** Where samples come from; without one only {@code Date} headers correct the clock. */
    public Builder sampler(ServerTimeSampler sampler) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      return this;
    }

    /** Samples per resync (default 5); the median of an odd count is one real sample. */
    public Builder samplesPerSync(int samples) {
      if (samples < 1) {
        throw new InvalidRequestException("samplesPerSync", "samplesPerSync must be >= 1");
      }
      this.samplesPerSync = samples;
      return this;
    }

    /** How often to resynchronise (default 10 minutes: clocks drift slowly). */
    public Builder resyncInterval(Duration interval) {
      this.resyncInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How far a {@code Date} header may disagree, beyond its resolution, before drift is suspected. */
    public Builder driftTolerance(Duration tolerance) {
      this.driftTolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    public ServerClock build() {
      return new ServerClock(this);
    }
  }
}
