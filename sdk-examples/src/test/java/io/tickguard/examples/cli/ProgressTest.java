package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress indicator appears on stderr for a step that outlasts the delay, and is erased on a terminal. */
class ProgressTest {

  /** A step that lasts until the indicator has been drawn: no clock in the assertion. */
  private static String slowStep(boolean terminal) throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CountDownLatch drawn = new CountDownLatch(1);
    OutputStream signalling = new OutputStream() {
      @Override
      public synchronized void write(int b) {
        bytes.write(b);
        drawn.countDown();
      }
    };
    PrintStream err = new PrintStream(signalling, true, StandardCharsets.UTF_8);
    CliContext context = new CliContext(System.out, err, Map.of(), terminal, SandboxLauncher.embedded(), Duration.ZERO);
    String result = Progress.during(context, "starting the sandbox", () -> {
      try {
        assertThat(drawn.await(60, TimeUnit.SECONDS)).as("indicator drawn").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    synchronized (signalling) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aSlowStepPrintsOneLineWhenStderrIsNoTerminal() throws InterruptedException {
    assertThat(slowStep(false)).startsWith("tickguard: starting the sandbox ...");
  }

  @Test
  void aSlowStepShowsASpinnerThatIsErasedOnATerminal() throws InterruptedException {
    String drawn = slowStep(true);
    assertThat(drawn).contains("starting the sandbox (").endsWith("\r\u001b[K");
  }

  @Test
  void aQuickStepPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CliContext context = new CliContext(System.out, new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of(), false,
        SandboxLauncher.embedded(), Duration.ofDays(1));
    assertThat(Progress.during(context, "x", () -> 1)).isEqualTo(1);
    assertThat(bytes.size()).isZero();
  }
}
