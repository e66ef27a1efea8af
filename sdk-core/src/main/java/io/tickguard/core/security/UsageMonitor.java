package io.tickguard.core.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts a client's usage; {@link #snapshot()} reads it. Thread-safe, lock-free on the hot path. */
public final class UsageMonitor {
  private final Clock clock;
  private final UsageListener listener;
  private final Instant since;
  private final ConcurrentMap<String, LongAdder[]> endpoints = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> windows = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> credentials = new ConcurrentHashMap<>();

  /** Counts from now on {@code clock}, reporting each attempt to {@code listener} too. */
  public UsageMonitor(Clock clock, UsageListener listener) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.since = clock.instant();
  }

  /** Counts one attempt (see {@link UsageListener#onAttempt}). */
  public void record(String endpoint, int weight, Set<String> limitWindows, String credential, boolean failed) {
    LongAdder[] e = endpoints.computeIfAbsent(endpoint, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    e[0].increment();
    e[1].add(weight);
    if (failed) {
      e[2].increment();
    }
    for (String w : limitWindows) {
      windows.computeIfAbsent(w, k -> new LongAdder()).add(weight);
    }
    if (!credential.isEmpty()) {
      credentials.computeIfAbsent(credential, k -> new LongAdder()).increment();
    }
    try {
      listener.onAttempt(endpoint, weight, limitWindows, credential, failed);
    } catch (RuntimeException ignored) {
      // A broken metrics listener must not fail the call it counts.
    }
  }

  /** What has been counted so far. */
  public UsageSnapshot snapshot() {
    Map<String, UsageSnapshot.EndpointUsage> byEndpoint = new TreeMap<>();
    endpoints.forEach((k, v) -> byEndpoint.put(k, new UsageSnapshot.EndpointUsage(v[0].sum(), v[1].sum(), v[2].sum())));
    Map<String, Long> byWindow = new TreeMap<>();
    windows.forEach((k, v) -> byWindow.put(k, v.sum()));
    Map<String, Long> byCredential = new TreeMap<>();
    credentials.forEach((k, v) -> byCredential.put(k, v.sum()));
    return new UsageSnapshot(since, clock.instant(), byEndpoint, byWindow, byCredential);
  }
}
