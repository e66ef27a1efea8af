package io.tickguard.core.internal.pipeline;

import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.Permit;
import java.time.Duration;
import java.util.Optional;

/**
 * One attempt of a call, recorded in the call's {@link CallContext} by the Resilience stage for the
 * stages inside it: its number, and
 * the permit the Throttle stage took for it and how long it waited (which the Observe stage
 * reports), whether its request
 * started on the wire (the Sign stage marks it, on an established connection, just before the
 * request is written), and an error the provider reported inside a 2xx body.
 */
public final class Attempt {
  private final int number;
  private volatile Duration throttleWait = Duration.ZERO;
  private volatile Permit permit;
  private volatile boolean transmitted;
  private volatile TickGuardException bodyFailure;
  private volatile int bodyFailureStatus;
  private volatile boolean decoded;

  /** Attempt {@code number}, starting at 1. */
  public Attempt(int number) {
    this.number = number;
  }

  /** The attempt number, starting at 1. */
  public int number() {
    return number;
  }

  /** How long the Throttle stage waited for this attempt's permits. */
  public Duration throttleWait() {
    return throttleWait;
  }

  void throttled(Permit permit) {
    this.permit = permit;
    this.throttleWait = permit.waited();
  }

  /** The permit the Throttle stage took for this attempt, or {@code null} before it ran. */
  Permit permit() {
    return permit;
  }

  /**
   * Whether the request of this attempt may have reached the server: the connection (and TLS
   * handshake) was established and writing began. Only a failure before that proves nothing was sent.
   */
  public boolean transmitted() {
    return transmitted;
  }

  void transmitting() {
    this.transmitted = true;
  }

  /** The error the provider reported inside a 2xx body of this attempt, if any. */
  public Optional<TickGuardException> bodyFailure() {
    return Optional.ofNullable(bodyFailure);
  }

  /** {@link #bodyFailure()} for the stages, which ask on every attempt: the error, or {@code null}. */
  TickGuardException bodyFailureOrNull() {
    return bodyFailure;
  }

  /** The real HTTP status of the response whose body held {@link #bodyFailure()}. */
  int bodyFailureStatus() {
    return bodyFailureStatus;
  }

  void bodyFailure(int status, TickGuardException failure) {
    this.bodyFailureStatus = status;
    this.bodyFailure = failure;
  }

  /** Whether the Decode stage decoded this attempt's 2xx answer into the call's result. */
  boolean decoded() {
    return decoded;
  }

  void decoded(boolean decoded) {
    this.decoded = decoded;
  }
}
