package io.tickguard.testkit;

/** Which certificate the sandbox presents to new TLS connections. */
public enum ServedCertificate {
  /** The leaf whose pin {@link SandboxServer#pin()} reports, issued by the sandbox CA. */
  GENUINE,
  /**
   * Another leaf for the same names, issued by the same trusted sandbox CA but with a different key:
   * the handshake is trusted, so only pinning catches it (a mis-issued or intercepting certificate).
   */
  IMPOSTOR,
  /** A leaf issued by an unrelated CA: refused by trust-chain validation, pins or not. */
  UNTRUSTED
}
