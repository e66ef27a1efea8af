package io.tickguard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void everyProtectionOfTheTourHoldsOneLineEach() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output).contains("7 of 7 protections held.").doesNotContain("FAILED");
    assertThat(output).containsPattern("ok +pinned TLS").containsPattern("ok +signed call")
        .containsPattern("ok +token rotation").containsPattern("ok +burst throttled .*5 sent, 3 refused")
        .containsPattern("refused +tampered answer +InvalidResponseException")
        .containsPattern("refused +header injection +InvalidRequestException")
        .containsPattern("refused +impostor cert +CertificatePinningException")
        .contains("Try next:");
    assertThat(exit).isZero();
  }
}
