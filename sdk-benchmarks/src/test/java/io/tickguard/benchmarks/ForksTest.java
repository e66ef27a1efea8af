package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forked runs: what a fork records reaches the parent intact, the pooled p50s are taken over every
 * call of every fork (not averaged from the forks' own p50s), and a fork that fails fails the run.
 */
class ForksTest {

  @Test
  void samplesSurviveTheFileBetweenForkAndParent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s");
    Forks.write(file, List.of(new Forks.Samples("small call", 1, new long[] {5, 7}, new long[] {3}),
        new Forks.Samples("signed", 8, new long[0], new long[] {1, 2, 3})));

    List<Forks.Samples> back = Forks.read(file);

    assertThat(back).hasSize(2);
    assertThat(back.get(0).name()).isEqualTo("small call");
    assertThat(back.get(0).threads()).isEqualTo(1);
    assertThat(back.get(0).tickGuard()).containsExactly(5, 7);
    assertThat(back.get(0).handWritten()).containsExactly(3);
    assertThat(back.get(1).tickGuard()).isEmpty();
    assertThat(back.get(1).handWritten()).containsExactly(1, 2, 3);
  }

  @Test
  void theP50IsTakenOverEveryCallOfEveryForkAndEachForkKeepsItsOwnRatio() {
    // fork 1: TickGuard 100 x3, hand-written 100 x3 (1.00); fork 2: TickGuard 130 x5, hand-written 100 x5 (1.30).
    // Pooled over 8 calls each, TickGuard's p50 is 130 (5 of 8); the mean of the forks' p50s would be 115.
    List<List<Forks.Samples>> forks = List.of(
        List.of(new Forks.Samples("c", 1, new long[] {100, 100, 100}, new long[] {100, 100, 100})),
        List.of(new Forks.Samples("c", 1, new long[] {130, 130, 130, 130, 130}, new long[] {100, 100, 100, 100, 100})));

    Forks.Pooled pooled = Forks.pool(forks).get(0);

    assertThat(pooled.calls()).isEqualTo(8);
    assertThat(pooled.tickGuardP50Nanos()).isEqualTo(130);
    assertThat(pooled.handWrittenP50Nanos()).isEqualTo(100);
    assertThat(pooled.p50Ratio()).isEqualTo(1.3);
    assertThat(pooled.forkRatios()).containsExactly(1.0, 1.3);
    assertThat(pooled.spread().mean()).isEqualTo(1.15);
    assertThat(pooled.toString()).contains("2 forks pooled", "8 calls per side", "ratio 1.300x", "1.000 1.300",
        "forks' mean 1.150x, 95% interval");
  }

  @Test
  void comparisonsKeepTheOrderTheyRanInAndMustHaveRunInEveryFork() {
    Forks.Samples a = new Forks.Samples("a", 1, new long[] {1}, new long[] {1});
    Forks.Samples b = new Forks.Samples("b", 8, new long[] {2}, new long[] {1});
    assertThat(Forks.pool(List.of(List.of(b, a), List.of(a, b)))).extracting(Forks.Pooled::name).containsExactly("b", "a");

    assertThatThrownBy(() -> Forks.pool(List.of(List.of(a, b), List.of(a))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b' at 8 thread(s) ran in 1 of 2 forks");
  }

  @Test
  void aForkRunsTheHarnessInANewJvmWithThisOnesClassPathAndItsOwnSamplesFile(@TempDir Path dir) {
    List<String> command = Forks.command(FakeHarness.class.getName(), List.of("x", "1"), dir.resolve("f"));

    assertThat(command.get(0)).endsWith("java");
    assertThat(command).contains("-D" + Forks.SAMPLES_PROPERTY + "=" + dir.resolve("f"), "-cp",
        System.getProperty("java.class.path"));
    assertThat(command.subList(command.size() - 3, command.size())).containsExactly(FakeHarness.class.getName(), "x", "1");
  }

  @Test
  void forksRunOneAfterTheOtherAndHandBackWhatEachRecorded() throws Exception {
    List<List<Forks.Samples>> forks = Forks.run(FakeHarness.class.getName(), List.of("fake", "7"), 2);

    assertThat(forks).hasSize(2);
    for (List<Forks.Samples> fork : forks) {
      assertThat(fork).singleElement().satisfies(s -> {
        assertThat(s.name()).isEqualTo("fake");
        assertThat(s.tickGuard()).containsExactly(7, 7);
      });
    }
  }

  @Test
  void aForkThatFailsFailsTheRun() {
    assertThatThrownBy(() -> Forks.run(FakeHarness.class.getName(), List.of("fail", "3"), 2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Fork 1").hasMessageContaining("exit code 3");
  }

  /** A harness that records two calls of {@code args[1]} ns per side, or exits with that code when named "fail". */
  public static final class FakeHarness {
    public static void main(String[] args) throws Exception {
      long v = Long.parseLong(args[1]);
      if (args[0].equals("fail")) {
        System.exit((int) v);
      }
      Forks.writeIfForked(List.of(new Forks.Samples(args[0], 1, new long[] {v, v}, new long[] {v, v})));
      if (System.getProperty(Forks.SAMPLES_PROPERTY) != null && !Files.exists(Path.of(System.getProperty(Forks.SAMPLES_PROPERTY)))) {
        System.exit(9);
      }
    }
  }
}
