package io.tickguard.core;

/**
 * TickGuard cannot start as configured: a key is missing or unreadable, a key file is unsafe, or a
 * library on the class path is one TickGuard cannot run on. Thrown while keys are loaded or a client
 * is built, before any request.
 *
 * <p>{@link #setting()} names what to fix (an environment variable, a file, a Maven artifact); the
 * message says how. Neither ever contains a secret value.
 */
public class ConfigurationException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  /** A configuration problem with {@code setting} (a variable, file or artifact name). */
  public ConfigurationException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** A configuration problem with {@code setting}, caused by {@code cause}. */
  public ConfigurationException(String setting, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
  }

  /** The environment variable, file or artifact to fix. */
  public String setting() {
    return setting;
  }
}
