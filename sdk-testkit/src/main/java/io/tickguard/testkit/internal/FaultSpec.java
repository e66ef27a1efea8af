package io.tickguard.testkit.internal;

import io.tickguard.testkit.Fault;
import io.tickguard.testkit.Faults;
import java.time.Duration;

/**
 * Parses the command line's fault scripts: {@code next:N:KIND} or {@code route:METHOD PATH:KIND},
 * where KIND is {@code latency=MS}, {@code status=CODE}, {@code rate-limited=SECONDS},
 * {@code reset}, {@code truncate}, {@code malformed-json}, {@code oversized=BYTES},
 * {@code content-type=TYPE} or {@code expired-token}.
 */
public final class FaultSpec {
  private FaultSpec() {}

  /** Schedules {@code spec} on {@code faults}. */
  public static void apply(String spec, Faults faults) {
    int lastColon = spec.lastIndexOf(':');
    int firstColon = spec.indexOf(':');
    if (firstColon < 0 || lastColon == firstColon) {
      throw new IllegalArgumentException("Fault must be next:N:KIND or route:METHOD PATH:KIND, got '" + spec + "'");
    }
    String scope = spec.substring(0, firstColon);
    String target = spec.substring(firstColon + 1, lastColon);
    Fault fault = parseKind(spec.substring(lastColon + 1));
    switch (scope) {
      case "next":
        faults.next(Integer.parseInt(target), fault);
        break;
      case "route":
        faults.onRoute(target, fault);
        break;
      default:
        throw new IllegalArgumentException("Fault scope must be next or route, got '" + scope + "'");
    }
  }

  /** The fault named by {@code kind}. */
  public static Fault parseKind(String kind) {
    int eq = kind.indexOf('=');
    String name = eq < 0 ? kind : kind.substring(0, eq);
    String arg = eq < 0 ? "" : kind.substring(eq + 1);
    switch (name) {
      case "latency":
        return Fault.latency(Duration.ofMillis(Long.parseLong(arg)));
      case "status":
        return Fault.status(Integer.parseInt(arg));
      case "rate-limited":
        return Fault.rateLimited(Duration.ofSeconds(Long.parseLong(arg)));
      case "reset":
        return Fault.connectionReset();
      case "truncate":
        return Fault.truncatedBody();
      case "malformed-json":
        return Fault.malformedJson();
      case "oversized":
        return Fault.oversizedBody(arg.isEmpty() ? 5L * 1024 * 1024 : Long.parseLong(arg));
      case "content-type":
        return Fault.wrongContentType(arg.isEmpty() ? "text/html" : arg);
      case "expired-token":
        return Fault.expiredToken();
      default:
        throw new IllegalArgumentException("Unknown fault kind '" + name + "'");
    }
  }
}
