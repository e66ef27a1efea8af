package io.tickguard.examples.cli;

/**
 * The embedded sandbox did not start (exit code 1): its port could not be bound, or its
 * certificates, made on a second thread during the start, could not be generated. The message
 * names the sandbox and the cause in one line.
 */
final class SandboxStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SandboxStartException(String what, RuntimeException cause) {
    super(what + " did not start: " + cause.getMessage()
        + (cause.getCause() != null ? " (" + cause.getCause().getClass().getSimpleName() + ")" : ""), cause);
  }
}
