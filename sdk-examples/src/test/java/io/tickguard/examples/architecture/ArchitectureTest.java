package io.tickguard.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import io.tickguard.examples.architecture.violation.UsesCoreInternals;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency direction of DESIGN.md, checked on the compiled main classes of every module (this
 * module depends on all of them): core depends on no other module; market on core only; testkit on
 * core only; crypto and forex never on each other; providers never on each other; nobody reaches into another module's
 * {@code internal} packages (market's are shared with the domain modules built on it).
 */
class ArchitectureTest {
  private static JavaClasses main;

  static Stream<ArchRule> rules() {
    return Stream.of(
        noClasses().that().resideInAPackage("io.tickguard.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.tickguard.market..", "io.tickguard.crypto..", "io.tickguard.forex..", "io.tickguard.testkit..",
                "io.tickguard.examples..", "io.tickguard.redis..")
            .as("core depends on no other TickGuard module"),
        noClasses().that().resideInAPackage("io.tickguard.market..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.tickguard.crypto..", "io.tickguard.forex..", "io.tickguard.testkit..", "io.tickguard.examples..",
                "io.tickguard.redis..")
            .as("market depends on core only (crypto and forex build on it)"),
        noClasses().that().resideInAPackage("io.tickguard.redis..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.tickguard.market..", "io.tickguard.crypto..", "io.tickguard.forex..", "io.tickguard.testkit..",
                "io.tickguard.examples..")
            .as("redis depends on core only"),
        noClasses().that().resideInAPackage("io.tickguard.testkit..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.tickguard.market..", "io.tickguard.crypto..", "io.tickguard.forex..", "io.tickguard.examples..")
            .as("testkit depends on core only (crypto and forex test with it)"),
        noClasses().that().resideInAPackage("io.tickguard.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickguard.forex..", "io.tickguard.examples..")
            .as("crypto depends on neither forex nor examples"),
        noClasses().that().resideInAPackage("io.tickguard.forex..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tickguard.crypto..", "io.tickguard.examples..")
            .as("forex depends on neither crypto nor examples"),
        slices().matching("io.tickguard.(crypto|forex).(binance|kraken|coinbase|insightease|oanda|saxo)..")
            .should().notDependOnEachOther()
            .as("providers never depend on each other"),
        noClasses().that().resideOutsideOfPackage("io.tickguard.core..")
            .should().dependOnClassesThat(
                resideInAPackage("io.tickguard.core..internal..").and(not(resideInAPackage("io.tickguard.core.auth.internal")))
                    .and(not(resideInAPackage("io.tickguard.core.throttle.internal"))))
            .as("only core uses io.tickguard.core..internal.. (module-info exports none of it)")
            .allowEmptyShould(true),
        noClasses().that().resideOutsideOfPackages("io.tickguard.core..", "io.tickguard.crypto..")
            .should().dependOnClassesThat().resideInAPackage("io.tickguard.core.auth.internal")
            .as("only core and crypto use io.tickguard.core.auth.internal (module-info exports it to crypto alone)")
            .allowEmptyShould(true),
        noClasses().that().resideOutsideOfPackages("io.tickguard.core..", "io.tickguard.redis..")
            .should().dependOnClassesThat().resideInAPackage("io.tickguard.core.throttle.internal")
            .as("only core and redis use io.tickguard.core.throttle.internal (module-info exports it to redis alone)")
            .allowEmptyShould(true),
        noClasses().that().resideOutsideOfPackages("io.tickguard.market..", "io.tickguard.crypto..", "io.tickguard.forex..")
            .should().dependOnClassesThat().resideInAPackage("io.tickguard.market..internal..")
            .as("only market and the domain modules built on it (crypto, forex) use io.tickguard.market..internal..")
            .allowEmptyShould(true),
        internalsStayInTheirModule("crypto"),
        internalsStayInTheirModule("forex"),
        internalsStayInTheirModule("testkit"),
        internalsStayInTheirModule("redis"));
  }

  private static ArchRule internalsStayInTheirModule(String module) {
    return noClasses().that().resideOutsideOfPackage("io.tickguard." + module + "..")
        .should().dependOnClassesThat().resideInAPackage("io.tickguard." + module + "..internal..")
        .as("only " + module + " uses io.tickguard." + module + "..internal..")
        .allowEmptyShould(true);
  }

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tickguard");
  }

  @Test
  void mainClassesOfCoreAreImported() {
    // Guards against a silently empty import, under which every rule would pass.
    assertThat(main.containPackage("io.tickguard.core")).isTrue();
    assertThat(main.containPackage("io.tickguard.redis")).isTrue();
    assertThat(main.size()).isGreaterThan(20);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void dependencyRuleHolds(ArchRule rule) {
    rule.allowEmptyShould(true).check(main);
  }

  @Test
  void internalRuleCatchesAnotherModuleUsingCoreInternals() {
    JavaClasses offender = new ClassFileImporter().importClasses(UsesCoreInternals.class);
    EvaluationResult result = internalsStayInTheirModule("core").evaluate(offender);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("RequestGuard"));
    assertThat(List.of(offender.get(UsesCoreInternals.class))).hasSize(1);
  }
}
