package io.tickguard.examples.cli;

/**
 * The exit codes of {@code tickguard}, distinct so that scripts can tell them apart (documented in
 * {@code docs/cli.md}).
 */
final class ExitCodes {
  /** Done. */
  static final int OK = 0;
  /** The call failed: the provider or the pipeline refused it (the typed exception's message is printed). */
  static final int CALL_FAILED = 1;
  /** The command line was not understood; nothing was started or sent. */
  static final int USAGE = 2;
  /** Configuration: a key, key file, CA file or environment variable is missing or unusable. */
  static final int CONFIGURATION = 3;
  /** A {@code doctor} check failed. */
  static final int CHECK_FAILED = 4;

  private ExitCodes() {}
}
