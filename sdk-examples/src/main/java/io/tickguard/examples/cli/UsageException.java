package io.tickguard.examples.cli;

/** The command line was not understood; the message says what to change. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
