package io.tickguard.testkit;

import io.tickguard.testkit.internal.FaultPlan;
import io.tickguard.testkit.internal.SandboxCertificates;
import io.tickguard.testkit.internal.SkewableClock;
import io.tickguard.testkit.internal.SwitchingSslSocketFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Scripts the sandbox's misbehaviour at run time. Per-call faults ({@link Fault}) are taken first
 * from "next N" rules, in the order added, then from rules bound to the called route; server-wide
 * faults (clock skew, certificate) hold until changed.
 *
 * <pre>{@code
 * sandbox.faults().next(3, Fault.status(503));
 * sandbox.faults().onRoute("GET /demo/v1/depth", Fault.latency(Duration.ofSeconds(2)));
 * sandbox.faults().clockSkew(Duration.ofMinutes(-2));
 * sandbox.faults().serve(ServedCertificate.IMPOSTOR);
 * }</pre>
 */
public final class Faults {
  private final FaultPlan plan;
  private final SkewableClock clock;
  private final SandboxCertificates certificates;
  private final SwitchingSslSocketFactory sockets;

  Faults(FaultPlan plan, SkewableClock clock, SandboxCertificates certificates, SwitchingSslSocketFactory sockets) {
    this.plan = plan;
    this.clock = clock;
    this.certificates = certificates;
    this.sockets = sockets;
  }

  /** Applies {@code fault} to the next {@code count} calls, whatever their route. */
  public Faults next(int count, Fault fault) {
    plan.add(null, positive(count), Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Applies {@code fault} to every call of {@code route} ({@code "GET /api/v3/depth"}) until cleared. */
  public Faults onRoute(String route, Fault fault) {
    plan.add(checkRoute(route), FaultPlan.UNLIMITED, Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Applies {@code fault} to the next {@code count} calls of {@code route}. */
  public Faults onRoute(String route, int count, Fault fault) {
    plan.add(checkRoute(route), positive(count), Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Per-call faults still scheduled with a count (route rules without a count are not counted). */
  public int pending() {
    return plan.pending();
  }

  /**
   * Moves the server's clock: positive runs ahead, negative behind. Timestamps of signed calls, token
   * lifetimes, the {@code Date} header and the time route all follow it, as on a provider whose clock
   * drifted (or, seen from the server, a client whose clock did).
   */
  public Faults clockSkew(Duration skew) {
    clock.skew(Objects.requireNonNull(skew, "skew"));
    return this;
  }

  /**
   * Presents {@code which} certificate to every new TLS connection; connections already open keep
   * theirs (a client's pooled connection is unaffected until it reconnects). No effect in plain-HTTP
   * mode.
   */
  public Faults serve(ServedCertificate which) {
    if (sockets != null) {
      sockets.switchTo(certificates.factory(Objects.requireNonNull(which, "which")));
    }
    return this;
  }

  /** Removes every per-call fault, resets the clock skew and serves the genuine certificate again. */
  public Faults clear() {
    plan.clear();
    clock.skew(Duration.ZERO);
    serve(ServedCertificate.GENUINE);
    return this;
  }

  private static int positive(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1");
    }
    return count;
  }

  private static String checkRoute(String route) {
    Objects.requireNonNull(route, "route");
    if (!route.matches("[A-Z]+ /\\S*")) {
      throw new IllegalArgumentException("route must look like \"GET /api/v3/depth\": " + route);
    }
    return route;
  }
}
