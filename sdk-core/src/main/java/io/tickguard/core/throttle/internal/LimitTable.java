package io.tickguard.core.throttle.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.Permit;
import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The windows of one throttle, whatever keeps their counts (local state, or a Redis key): indexed by
 * id and by the limit group endpoints name, with the windows that count every request, and the
 * checks every throttle makes before reserving: the endpoint's groups exist, and no single request
 * costs more than a whole window.
 *
 * @param <W> what the throttle keeps per window
 */
public final class LimitTable<W> {
  private static final Logger LOG = LoggerFactory.getLogger(LimitTable.class);
  /** Limit-group sets beyond this many are collected per call rather than kept. */
  private static final int MAX_GROUP_SETS = 256;

  private final String throttle;
  private final Function<W, RateLimit> limitOf;
  private final Map<String, List<W>> byGroup = new LinkedHashMap<>();
  private final List<W> everyRequest = new ArrayList<>();
  private final Map<String, W> byId = new LinkedHashMap<>();
  /**
   * The windows of each limit-group set seen so far (endpoints name a handful of sets), so a request
   * does not collect them anew; a set that names an unknown group is never cached.
   */
  private final Map<Set<String>, Windows<W>> byGroups = new ConcurrentHashMap<>();

  /**
   * The windows of one limit-group set and the largest weight a request may have to fit in each of
   * them, worked out once: the check of every call then reads no window, whose counts other callers
   * keep writing under the throttle's lock (reading a field next to them would pull their cache line).
   */
  private record Windows<W>(List<W> list, long maxWeight) {}

  /**
   * The table of {@code throttle}'s {@code limits}, each kept as {@code make} creates it.
   *
   * @throws InvalidRequestException when two limits share an id
   */
  public LimitTable(String throttle, List<RateLimit> limits, Function<RateLimit, W> make, Function<W, RateLimit> limitOf) {
    this.throttle = throttle;
    this.limitOf = limitOf;
    for (RateLimit limit : limits) {
      W window = make.apply(limit);
      if (byId.putIfAbsent(limit.id(), window) != null) {
        throw new InvalidRequestException("limit", "Two limits with the same id " + limit.id() + "; give each window"
            + " of a group its own interval");
      }
      (limit.appliesToEveryRequest() ? everyRequest : byGroup.computeIfAbsent(limit.group(), g -> new ArrayList<>()))
          .add(window);
    }
  }

  /** Every window by its id ({@code REQUEST_WEIGHT/1m}), in the order added. */
  public Map<String, W> byId() {
    return Collections.unmodifiableMap(byId);
  }

  /**
   * The windows {@code request} counts against: those of every request, then those of its
   * endpoint's groups.
   *
   * @throws TickGuardException when the endpoint names a group this throttle has no window for
   * @throws RateLimitedException (client side, nothing taken) when the request costs more than a
   *     whole window: it could never be sent
   */
  public List<W> forRequest(ApiRequest request) {
    Set<String> groups = request.endpoint().limits();
    Windows<W> windows = byGroups.get(groups);
    if (windows == null) {
      windows = windows(collect(request, groups));
      if (byGroups.size() < MAX_GROUP_SETS) {
        byGroups.putIfAbsent(groups, windows);
      }
    }
    if (request.weight() > windows.maxWeight()) {
      refuseOversized(request, windows.list());
    }
    return windows.list();
  }

  /** {@code list} with the largest weight that costs no more than any of its windows allows. */
  private Windows<W> windows(List<W> list) {
    long max = Long.MAX_VALUE;
    for (W w : list) {
      RateLimit limit = limitOf.apply(w);
      if (limit.chargesWeight()) {
        max = Math.min(max, limit.limit());
      } else if (limit.cost(1) > limit.limit()) {
        max = Long.MIN_VALUE; // a window every request overfills: each call takes the slow path and is refused
      }
    }
    return new Windows<>(list, max);
  }

  /** Throws for the first of {@code windows} that {@code request} costs more than a whole of. */
  private void refuseOversized(ApiRequest request, List<W> windows) {
    int weight = request.weight();
    for (W w : windows) {
      RateLimit limit = limitOf.apply(w);
      if (limit.cost(weight) > limit.limit()) {
        throw new RateLimitedException(
            "Request to " + request.endpoint().name() + " costs " + limit.cost(weight) + " but window "
                + limit.id() + " allows only " + limit.limit() + "; it can never be sent",
            ErrorDetails.none(), limit.id(), null, true, false);
      }
    }
  }

  /** The windows of every request, then those of {@code groups}, as an unmodifiable list. */
  private List<W> collect(ApiRequest request, Set<String> groups) {
    List<W> windows = new ArrayList<>(everyRequest);
    for (String group : groups) {
      List<W> forGroup = byGroup.get(group);
      if (forGroup == null) {
        throw new TickGuardException(
            "Endpoint " + request.endpoint().name() + " counts against limit group '" + group
                + "' but throttle " + throttle + " has no window for it; add a RateLimit for '" + group
                + "' or use the provider's preset");
      }
      windows.addAll(forGroup);
    }
    return Collections.unmodifiableList(windows);
  }

  /**
   * The windows {@code permit} must be charged to again when it is sent at {@code now}: every fixed
   * window of {@code request} once the permit is past its {@link Permit#sendBy()}, none while it is
   * in time (or when the request counts against no fixed window).
   */
  public List<W> lateWindows(ApiRequest request, Permit permit, long now) {
    if (permit.coversSendAt(now)) {
      return List.of();
    }
    List<W> late = new ArrayList<>();
    for (W w : forRequest(request)) {
      if (limitOf.apply(w).kind() == RateLimit.Kind.FIXED_WINDOW) {
        late.add(w);
      }
    }
    if (!late.isEmpty()) {
      LOG.debug("Permit of {} granted at {} was not sent by {}; charging it again to the current window of throttle {}",
          request.endpoint().name(), permit.grantedAt().orElse(null), permit.sendBy().orElse(null), throttle);
    }
    return late;
  }

  /** How a throttle reserves a request's cost in some of its windows (its own bounds, its own store). */
  @FunctionalInterface
  public interface Take<W> {
    /** Reserves {@code request}'s cost in every one of {@code windows}, within {@code timeLeft}. */
    Permit take(ApiRequest request, List<W> windows, Duration timeLeft);
  }

  /**
   * The send-time re-check every throttle of windows makes ({@code Throttle.beforeSend}): {@code
   * permit} itself while it still counts where it was charged at {@code now}, otherwise a new charge
   * of the request's {@link #lateWindows} through {@code take} (same bounds, same pacing as a first
   * grant), reporting both waits.
   */
  public Permit recharge(ApiRequest request, Permit permit, long now, Duration timeLeft, Take<W> take) {
    List<W> late = lateWindows(request, permit, now);
    return late.isEmpty() ? permit : take.take(request, late, timeLeft).waitedAlso(permit.waited());
  }

  /**
   * The refusal while the provider's ban (HTTP 418) of {@code who} ({@code "this client"}, {@code
   * "this fleet"}) lasts until {@code bannedUntil}.
   */
  public static RateLimitedException banned(String who, String window, long bannedUntil, long now) {
    Duration left = Duration.ofMillis(bannedUntil - now);
    return new RateLimitedException(
        "The provider banned " + who + " (HTTP 418) until " + Instant.ofEpochMilli(bannedUntil)
            + "; nothing was sent. Calls fail fast for another " + left.toSeconds()
            + " s; slow down before the ban grows",
        ErrorDetails.none(), window, left, true, true);
  }
}
