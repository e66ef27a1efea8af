package io.tickguard.core.throttle;

import java.util.Objects;
import java.util.Optional;

/**
 * Maps a response header that reports rate-limit usage to the {@link RateLimit#id() limit} it
 * describes, so the server's count corrects the local one (other processes on the same IP or key
 * spend the same budget).
 *
 * <ul>
 *   <li>{@link #used}: the header carries the amount used in the current window ({@code
 *       X-MBX-USED-WEIGHT-1M: 1200});
 *   <li>{@link #remaining}: the header carries what is left ({@code X-RateLimit-Remaining}), with an
 *       optional reset header; when nothing is left, nothing is granted before the reset. A reset
 *       value above 10^12 is read as epoch milliseconds, above 10^9 as epoch seconds, else as
 *       seconds from now.
 *   <li>{@link #remainingPerGroup}: like {@link #remaining}, for a provider whose budget is per
 *       endpoint group while the header's name is the same for every group (Saxo's {@code
 *       X-RateLimit-Session-Remaining} is per service group): the number describes the window
 *       {@code group + idSuffix} of each limit group of the endpoint that was answered.
 * </ul>
 */
public final class UsageHeader {

  /** What the header's number means. */
  public enum Meaning {
    /** Amount used in the current window. */
    USED,
    /** Amount remaining in the current window. */
    REMAINING
  }

  private final String header;
  private final String limitId;
  private final Meaning meaning;
  private final String resetHeader;
  private final boolean perGroup;

  private UsageHeader(String header, String limitId, Meaning meaning, String resetHeader, boolean perGroup) {
    this.header = Objects.requireNonNull(header, "header");
    this.limitId = Objects.requireNonNull(limitId, "limitId");
    this.meaning = meaning;
    this.resetHeader = resetHeader;
    this.perGroup = perGroup;
  }

  /** {@code header} reports the amount of {@code limitId} used in the current window. */
  public static UsageHeader used(String header, String limitId) {
    return new UsageHeader(header, limitId, Meaning.USED, null, false);
  }

  /** {@code header} reports what is left of {@code limitId}; {@code resetHeader} when it resets. */
  public static UsageHeader remaining(String header, String resetHeader, String limitId) {
    return new UsageHeader(header, limitId, Meaning.REMAINING, Objects.requireNonNull(resetHeader, "resetHeader"), false);
  }

  /**
   * {@code header} reports what is left of the window {@code group + idSuffix} (for example {@code
   * "/1m"}) of each limit group the answered endpoint counts against; {@code resetHeader} when it
   * resets.
   */
  public static UsageHeader remainingPerGroup(String header, String resetHeader, String idSuffix) {
    return new UsageHeader(header, idSuffix, Meaning.REMAINING, Objects.requireNonNull(resetHeader, "resetHeader"), true);
  }

  /** Whether {@link #limitId()} is a suffix applied to each of the endpoint's limit groups. */
  public boolean perGroup() {
    return perGroup;
  }

  /** The header name (case-insensitive). */
  public String header() {
    return header;
  }

  /** The {@link RateLimit#id()} the header describes, or the id suffix when {@link #perGroup()}. */
  public String limitId() {
    return limitId;
  }

  /** Whether the number is used or remaining. */
  public Meaning meaning() {
    return meaning;
  }

  /** The header that says when a {@link Meaning#REMAINING} budget resets. */
  public Optional<String> resetHeader() {
    return Optional.ofNullable(resetHeader);
  }

  @Override
  public String toString() {
    return header + " -> " + (perGroup ? "<group>" : "") + limitId + " (" + meaning + ")";
  }
}
