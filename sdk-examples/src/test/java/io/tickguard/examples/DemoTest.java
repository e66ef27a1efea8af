package io.tickguard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void everyDemoStepBehavesAsPromised() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output).contains("6 of 6 steps behaved as promised").doesNotContain("UNEXPECTED");
    assertThat(output).contains("refused: InvalidRequestException", "refused: PermissionDeniedException",
        "refused: InvalidResponseException", "refused: CertificatePinningException");
    assertThat(exit).isZero();
  }
}
