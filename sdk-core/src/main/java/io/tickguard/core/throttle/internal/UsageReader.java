package io.tickguard.core.throttle.internal;

import io.tickguard.core.throttle.UsageHeader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Response;

/** Applies a response's usage headers to the limit states they describe. */
public final class UsageReader {
  private final List<UsageHeader> headers;

  /** Reads {@code headers}. */
  public UsageReader(List<UsageHeader> headers) {
    this.headers = List.copyOf(headers);
  }

  /** Whether {@code response} carries any of the usage headers (so {@link #read} has work to do). */
  public boolean reports(Response response) {
    for (int i = 0; i < headers.size(); i++) {
      if (response.header(headers.get(i).header()) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies what {@code response} to a call of an endpoint counting against {@code groups} reports
   * at {@code now}; malformed values are ignored.
   */
  public void read(Response response, Set<String> groups, long now, Map<String, LimitState> statesById) {
    for (UsageHeader h : headers) {
      long value = number(response.header(h.header()));
      if (value < 0) {
        continue;
      }
      if (!h.perGroup()) {
        apply(h, statesById.get(h.limitId()), value, response, now);
        continue;
      }
      for (String group : groups) {
        LimitState state = statesById.get(group + h.limitId());
        if (state != null) {
          apply(h, state, value, response, now);
        }
      }
    }
  }

  private static void apply(UsageHeader h, LimitState state, long value, Response response, long now) {
    if (h.meaning() == UsageHeader.Meaning.USED) {
      state.observeUsed(now, value);
      return;
    }
    long reset = value == 0 ? h.resetHeader().map(r -> number(response.header(r))).orElse(-1L) : -1;
    if (reset >= 0) {
      // The server's own reset time beats our window boundary, which may not match its window.
      state.blockUntil(resetAt(reset, now));
    } else {
      state.observeUsed(now, Math.max(0, state.limit().limit() - value));
    }
  }

  /** Epoch millis, epoch seconds or delta seconds, told apart by magnitude. */
  static long resetAt(long value, long now) {
    if (value > 1_000_000_000_000L) {
      return value;
    }
    if (value > 1_000_000_000L) {
      return value * 1000;
    }
    return now + value * 1000;
  }

  private static long number(String value) {
    if (value == null) {
      return -1;
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > 15) {
      return -1;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1; // ASCII digits only, checked by hand: a regular expression compiled per response
      }
    }
    return Long.parseLong(v);
  }
}
