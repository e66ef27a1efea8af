package io.tickguard.core.observe;

import io.tickguard.core.observe.internal.DeprecationMonitor;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.testutil.ExamplePresets;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: no class a client touches may need it. Proved twice: statically (no core
 * class outside the binding package references {@code io.micrometer}) and by running the pipeline in
 * a class loader that hides Micrometer.
 */
class MicrometerAbsentTest {

  @Test
  void onlyTheMicrometerBindingPackageReferencesMicrometer() {
    JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tickguard.core");
    assertThat(core.size()).as("classes imported").isGreaterThan(50);
    noClasses().that().resideOutsideOfPackage("io.tickguard.core.observe.micrometer..")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
        .check(core);
  }

  @Test
  void pipelineRunsWhenMicrometerIsNotOnTheClassPath() throws Exception {
    URL mainClasses = ApiClient.class.getProtectionDomain().getCodeSource().getLocation();
    URL testClasses = MicrometerAbsentTest.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader withoutMicrometer = new ClassLoader(MicrometerAbsentTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // io.tickguard is hidden too, so the isolated loader defines it and resolves its links here.
        if (name.startsWith("io.micrometer.") || name.startsWith("io.tickguard.")) {
          throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
      }
    };
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {mainClasses, testClasses}, withoutMicrometer)) {
      assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, isolated))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> smoke = Class.forName(Smoke.class.getName(), true, isolated);
      assertThat(smoke.getClassLoader()).isSameAs(isolated);
      ((Runnable) smoke.getDeclaredConstructor().newInstance()).run();
    }
  }

  /** A call through throttle, resilience, metrics and deprecation monitoring, with no Micrometer. */
  public static final class Smoke implements Runnable {
    @Override
    public void run() {
      Endpoint ping = Endpoint.builder("ping", HttpMethod.GET, "/api/v3/ping").limits("REQUEST_WEIGHT").build();
      try (MockWebServer server = new MockWebServer()) {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build());
        MetricsListener metrics = MetricsListener.none();
        ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
            .metrics(metrics)
            .throttle(InProcessThrottle.builder(ExamplePresets.weightedSpot()).build())
            .resilience(StandardResiliencePolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build()
                .bind(server.url("/").host(), metrics))
            .build();
        try (ApiClient client = ApiClient.builder(config).build()) {
          int status = client.execute(ping.request().build(), r -> r.status());
          if (status != 200 || server.getRequestCount() != 2) {
            throw new AssertionError("expected a retried call, got " + status);
          }
        }
        new DeprecationMonitor(metrics).onResponse(ping.request().build(), Responses.of(200, "Deprecation", "@1"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
