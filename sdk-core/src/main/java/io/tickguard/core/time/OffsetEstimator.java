package io.tickguard.core.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The server-clock offset from a batch of samples: the median of the midpoint offsets. The median
 * shrugs off the one sample delayed by a GC pause or a retransmission that an average would follow.
 * Pure: no clock, no I/O, no state.
 */
public final class OffsetEstimator {
  private OffsetEstimator() {}

  /** The median offset of {@code samples}, empty when there is none. */
  public static Optional<Duration> median(List<TimeSample> samples) {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> offsets = new ArrayList<>(samples.size());
    samples.forEach(s -> offsets.add(s.offset()));
    Collections.sort(offsets);
    int n = offsets.size();
    Duration median = n % 2 == 1
        ? offsets.get(n / 2)
        : offsets.get(n / 2 - 1).plus(offsets.get(n / 2)).dividedBy(2);
    return Optional.of(median);
  }
}
