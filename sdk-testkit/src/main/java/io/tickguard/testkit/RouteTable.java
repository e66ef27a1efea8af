package io.tickguard.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * The sandbox's routes: method plus path template ({@code /api/v3/order/{id}}), each with its weight
 * against a {@link RateLimiter}, its provider's {@link ErrorStyle} and its handler. Unknown paths get
 * 404, a known path with another method 405; a call over its limit gets 429 with
 * {@code Retry-After}, a client that keeps at it 418. Every answer carries the limiter's usage header.
 *
 * <pre>{@code
 * table.on("GET", "/api/v3/depth").weight(r -> depthWeight(r)).errors(BINANCE).handle(this::depth);
 * }</pre>
 */
public final class RouteTable {
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final RateLimiter defaultLimiter;
  private final ErrorStyle defaultErrors;

  /** Creates an empty table whose routes count against {@code defaultLimiter} unless told otherwise. */
  public RouteTable(RateLimiter defaultLimiter, ErrorStyle defaultErrors) {
    this.defaultLimiter = Objects.requireNonNull(defaultLimiter, "defaultLimiter");
    this.defaultErrors = Objects.requireNonNull(defaultErrors, "defaultErrors");
  }

  /** Starts a route; nothing is registered until {@link RouteBuilder#handle}. */
  public RouteBuilder on(String method, String pathTemplate) {
    return new RouteBuilder(method, pathTemplate);
  }

  /** {@code GET /path} of every registered route, in registration order. */
  public List<String> routeKeys() {
    List<String> keys = new ArrayList<>();
    routes.forEach(r -> keys.add(r.method + " " + r.template));
    return keys;
  }

  /** Routes {@code request} and answers it. */
  public SandboxResponse dispatch(SandboxRequest request) {
    List<String> allowed = new ArrayList<>();
    for (Route route : routes) {
      Optional<Map<String, String>> variables = route.match(request.path());
      if (variables.isEmpty()) {
        continue;
      }
      if (!route.method.equals(request.method())) {
        allowed.add(route.method);
        continue;
      }
      return run(route, request.withPathVariables(variables.get()));
    }
    if (!allowed.isEmpty()) {
      return defaultErrors.error(405, "METHOD_NOT_ALLOWED", "Method " + request.method() + " not allowed on " + request.path())
          .withHeader("Allow", String.join(", ", allowed));
    }
    return defaultErrors.error(404, "NOT_FOUND", "No route for " + request.method() + " " + request.path());
  }

  private SandboxResponse run(Route route, SandboxRequest request) {
    SandboxResponse response;
    RateDecision decision = null;
    try {
      if (route.limiter != null) {
        decision = route.limiter.charge(request.clientAddress(), route.weight.applyAsInt(request));
      }
      if (decision != null && !decision.allowed()) {
        response = refused(route, decision);
      } else {
        response = route.handler.handle(request);
      }
    } catch (IllegalArgumentException e) {
      response = route.errors.error(400, "BAD_PARAMETER", e.getMessage());
    } catch (RuntimeException e) {
      response = route.errors.error(500, "INTERNAL", "Sandbox route failed: " + e.getClass().getSimpleName());
    }
    if (decision != null) {
      response = response.withHeader(route.limiter.policy().usageHeader(), Long.toString(decision.usedWeight()));
    }
    return response;
  }

  private static SandboxResponse refused(Route route, RateDecision decision) {
    RateLimitPolicy policy = route.limiter.policy();
    SandboxResponse r = decision.banned()
        ? route.errors.error(418, "IP_BANNED", "Way too many requests; IP banned for "
            + decision.retryAfterSeconds() + " s. Honour Retry-After and 429 to avoid bans")
        : route.errors.error(429, "RATE_LIMITED", "Too much request weight used (" + policy.name() + " "
            + policy.maxWeight() + " per " + policy.window().toSeconds() + " s); retry after "
            + decision.retryAfterSeconds() + " s");
    return r.withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
  }

  /** Describes one route before registering it. */
  public final class RouteBuilder {
    private final String method;
    private final String template;
    private ToIntFunction<SandboxRequest> weight = r -> 1;
    private RateLimiter limiter = defaultLimiter;
    private ErrorStyle errors = defaultErrors;

    private RouteBuilder(String method, String template) {
      this.method = Objects.requireNonNull(method, "method");
      this.template = Objects.requireNonNull(template, "template");
      if (!template.startsWith("/")) {
        throw new IllegalArgumentException("path template must start with '/': " + template);
      }
    }

    /** A fixed weight (default 1). */
    public RouteBuilder weight(int weight) {
      this.weight = r -> weight;
      return this;
    }

    /** A weight computed from the request (depth, symbol count, ...). */
    public RouteBuilder weight(ToIntFunction<SandboxRequest> weight) {
      this.weight = Objects.requireNonNull(weight, "weight");
      return this;
    }

    /** Counts this route against {@code limiter} instead of the sandbox's default one. */
    public RouteBuilder limiter(RateLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /** Exempts this route from rate limits (token endpoints, server time). */
    public RouteBuilder unlimited() {
      this.limiter = null;
      return this;
    }

    /** The provider's error body format for failures the table itself reports. */
    public RouteBuilder errors(ErrorStyle errors) {
      this.errors = Objects.requireNonNull(errors, "errors");
      return this;
    }

    /** Registers the route with {@code handler}. */
    public RouteTable handle(RouteHandler handler) {
      routes.add(new Route(method, template, weight, limiter, errors, Objects.requireNonNull(handler, "handler")));
      return RouteTable.this;
    }
  }

  private static final class Route {
    final String method;
    final String template;
    final String[] segments;
    final ToIntFunction<SandboxRequest> weight;
    final RateLimiter limiter;
    final ErrorStyle errors;
    final RouteHandler handler;

    Route(String method, String template, ToIntFunction<SandboxRequest> weight, RateLimiter limiter,
        ErrorStyle errors, RouteHandler handler) {
      this.method = method;
      this.template = template;
      this.segments = template.split("/", -1);
      this.weight = weight;
      this.limiter = limiter;
      this.errors = errors;
      this.handler = handler;
    }

    Optional<Map<String, String>> match(String path) {
      String[] parts = path.split("/", -1);
      if (parts.length != segments.length) {
        return Optional.empty();
      }
      Map<String, String> variables = new LinkedHashMap<>();
      for (int i = 0; i < parts.length; i++) {
        String s = segments[i];
        if (s.startsWith("{") && s.endsWith("}")) {
          if (parts[i].isEmpty()) {
            return Optional.empty();
          }
          variables.put(s.substring(1, s.length() - 1), parts[i]);
        } else if (!s.equals(parts[i])) {
          return Optional.empty();
        }
      }
      return Optional.of(variables);
    }
  }
}
