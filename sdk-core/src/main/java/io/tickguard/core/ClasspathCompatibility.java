package io.tickguard.core;

import io.tickguard.core.internal.ClasspathCheck;

/**
 * Refuses to start on a class path that TickGuard cannot run on, with one message that names the
 * conflicting artifact and the fix, instead of a {@code NoSuchMethodError} in the middle of a call.
 *
 * <p>{@link ApiClient} and the testkit's sandbox call it when they are built; you need not. What is
 * checked, and why refusing is the choice, is in {@code docs/design/okhttp-on-the-class-path.md}.
 */
public final class ClasspathCompatibility {
  private ClasspathCompatibility() {}

  /**
   * Passes when TickGuard's libraries are usable.
   *
   * @throws ConfigurationException naming the artifact when a second OkHttp or an OkHttp other than
   *     5.x is on the class path, or when {@code jackson-annotations} is older than Jackson 3 needs
   */
  public static void require() {
    ClasspathCheck.requireSupported();
  }
}
