package io.tickguard.core.observe.internal;

import io.tickguard.core.observe.MetricsListener;

import io.tickguard.core.ApiRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches responses for {@code Deprecation} (RFC 9745: a structured-field date such as {@code
 * @1688169599}) and {@code Sunset} (RFC 8594: an HTTP-date) and warns once per endpoint, through
 * SLF4J and {@link MetricsListener#onDeprecation}, with the dates and the {@code Link} with {@code
 * rel="deprecation"} or {@code rel="sunset"} when the provider gives one. Thread-safe; one per client.
 */
public final class DeprecationMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(DeprecationMonitor.class);
  private static final Pattern LINK = Pattern.compile("<([^>]{1,500})>\\s*;[^,]*?rel=\"?([a-z ]+)\"?");

  private final MetricsListener metrics;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /** A monitor reporting to {@code metrics}. */
  public DeprecationMonitor(MetricsListener metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Checks {@code response} to {@code request}; warns the first time its endpoint is announced as going. */
  public void onResponse(ApiRequest request, Response response) {
    String deprecation = response.header("Deprecation");
    String sunset = response.header("Sunset");
    if (deprecation == null && sunset == null) {
      return;
    }
    String endpoint = request.endpoint().name();
    if (!warned.add(endpoint)) {
      return;
    }
    String since = deprecation == null ? "" : deprecationDate(deprecation.trim());
    String until = sunset == null ? "" : httpDate(sunset.trim());
    String link = link(response);
    LOG.warn("Endpoint {} ({} {}) is {}{}{}; migrate before it goes away{}",
        endpoint, request.endpoint().method(), request.endpoint().pathTemplate(),
        deprecation == null ? "scheduled for removal" : "deprecated",
        since.isEmpty() ? "" : " since " + since,
        until.isEmpty() ? "" : ", sunset at " + until,
        link.isEmpty() ? "" : "; see " + link);
    try {
      metrics.onDeprecation(endpoint, since, until, link);
    } catch (RuntimeException e) {
      // A broken metrics listener must not fail the call it observes.
    }
  }

  /** RFC 9745's {@code @epoch-seconds}; older drafts used an HTTP-date or {@code true}. */
  static String deprecationDate(String value) {
    if (value.matches("@-?[0-9]{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(value.substring(1))).toString();
    }
    return httpDate(value);
  }

  private static String httpDate(String value) {
    try {
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)).toString();
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static String link(Response response) {
    for (String header : response.headers("Link")) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        for (String rel : m.group(2).split(" ")) {
          if (rel.equals("deprecation") || rel.equals("sunset")) {
            return m.group(1);
          }
        }
      }
    }
    return "";
  }
}
