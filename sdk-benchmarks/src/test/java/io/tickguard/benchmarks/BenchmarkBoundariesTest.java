package io.tickguard.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure TickGuard through its public API, except the few that time one internal
 * stage or decoder alone: those are named here, so that a new use of an {@code internal} package is
 * noticed in review instead of slipping in (it did once, unnoticed).
 */
class BenchmarkBoundariesTest {
  /** Benchmarks allowed to reach internals, each because it measures one internal part alone. */
  private static final Set<String> MEASURE_ONE_INTERNAL_PART = Set.of(
      "io.tickguard.benchmarks.PipelineStagesState",   // Guard, response buffering and audit, stage by stage
      "io.tickguard.benchmarks.PipelineStagesBenchmark", // times those stages through that state
      "io.tickguard.benchmarks.DecodeBenchmark",       // Binance's wire decoders against a raw tree parse
      "io.tickguard.benchmarks.StreamBookBenchmark",   // each provider's internal stream feed against hand-written code
      "io.tickguard.benchmarks.StreamBookCpuTime");    // the same comparison timed by thread CPU time, for a loaded machine

  private static final JavaClasses BENCHMARKS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.tickguard.benchmarks");

  @Test
  void onlyTheListedBenchmarksUseInternalPackages() {
    noClasses()
        .that(nameOutside(MEASURE_ONE_INTERNAL_PART))
        .should().dependOnClassesThat().resideInAPackage("io.tickguard..internal..")
        .because("a benchmark of TickGuard measures what users call; list the exceptions above")
        .check(BENCHMARKS);
  }

  @Test
  void everyListedExceptionStillNeedsIt() {
    // A stale entry would let a later internal use through unnoticed.
    Set<String> users = BENCHMARKS.stream()
        .filter(c -> c.getDirectDependenciesFromSelf().stream()
            .anyMatch(d -> d.getTargetClass().getPackageName().matches("io\\.tickguard\\..*\\.internal(\\..*)?")))
        .map(c -> c.getName().replaceAll("\\$.*", ""))
        .collect(Collectors.toSet());
    assertThat(users).containsExactlyInAnyOrderElementsOf(MEASURE_ONE_INTERNAL_PART);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> nameOutside(Set<String> names) {
    return com.tngtech.archunit.base.DescribedPredicate.describe(
        "are not one of " + names, c -> !names.contains(c.getName().replaceAll("\\$.*", "")));
  }
}
