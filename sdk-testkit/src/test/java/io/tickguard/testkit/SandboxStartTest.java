package io.tickguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A start makes its certificates on a second thread; that thread never outlives the start, whether it succeeds or fails. */
class SandboxStartTest {

  private static boolean certificateThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals("tickguard-sandbox-certificates"));
  }

  @Test
  void aStartedSandboxServesTheCertificatesMadeOnTheSecondThread() {
    try (SandboxServer sandbox = SandboxServer.builder().start()) {
      assertThat(certificateThreadAlive()).as("certificate thread ended with the start").isFalse();
      assertThat(sandbox.pin()).startsWith("sha256/").isNotEqualTo(sandbox.backupPin());
      assertThat(sandbox.caCertificate().getBasicConstraints()).isZero();
    }
  }

  @Test
  void aStartThatCannotBindFailsAndLeavesNoThreadBehind() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> SandboxServer.builder().port(taken.getLocalPort()).start())
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
      assertThat(certificateThreadAlive()).isFalse();
    }
  }
}
