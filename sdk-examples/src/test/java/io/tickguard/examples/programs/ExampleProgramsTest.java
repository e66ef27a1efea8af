package io.tickguard.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example program runs to success against the sandbox, as the README's commands run it. */
class ExampleProgramsTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String out() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tickerExamplePrintsOneTicker() {
    assertThat(TickerExample.run(List.of(), out)).isZero();
    assertThat(out()).startsWith("BTC/USDT last ").contains(" bid ", " ask ");
  }

  @Test
  void forexConversionExampleConvertsDirectlyAndThroughACross() {
    assertThat(ForexConversionExample.run(List.of(), out)).isZero();
    assertThat(out().lines()).hasSize(2);
    assertThat(out().lines().toList().get(0)).startsWith("1000 EUR = ").contains(" USD at ", "DIRECT");
    assertThat(out().lines().toList().get(1)).startsWith("1000 EUR = ").contains(" GBP at ", "CROSS");
  }

  @Test
  void balancesExampleMakesASignedCall() {
    assertThat(BalancesExample.run(List.of(), out)).isZero();
    assertThat(out()).contains(" free ", " locked ");
  }

  @Test
  void oauthSessionKeepsItsRefreshTokenInAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
    Path tokenFile = dir.resolve("refresh.token");
    assertThat(OAuthSessionExample.run(List.of(tokenFile.toString()), out)).isZero();
    assertThat(out()).contains("account answered with");
    assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void sharedClientServesEveryThread() throws Exception {
    assertThat(SharedClientExample.run(List.of(), out)).isZero();
    assertThat(out()).contains(SharedClientExample.THREADS * SharedClientExample.CALLS_PER_THREAD + " tickers from 8 threads");
  }

  @Test
  void streamingBookExampleSyncsTheBookAndAppliesUpdates() {
    assertThat(StreamingBookExample.run(List.of(), out)).isZero();
    assertThat(out().lines().filter(l -> l.startsWith("BTC/USDT bid ") && l.contains(" | ask ") && l.contains(" | spread ")))
        .hasSize(5);
  }
}
