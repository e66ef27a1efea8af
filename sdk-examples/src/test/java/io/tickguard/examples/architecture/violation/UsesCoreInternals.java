package io.tickguard.examples.architecture.violation;

import io.tickguard.core.internal.RequestGuard;

/** A deliberate violation (test sources only) proving that the internal-package rule fires. */
public final class UsesCoreInternals {
  private UsesCoreInternals() {}

  /** References a core internal class. */
  public static Class<?> reachIn() {
    return RequestGuard.class;
  }
}
