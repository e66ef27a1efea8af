package io.tickguard.examples.cli;

/**
 * A key, key file, CA file or environment variable is missing or unusable (exit code 3). The
 * message says what to set, in the user's terms: the environment variable or the option.
 */
final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigurationException(String message) {
    super(message);
  }

  ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
