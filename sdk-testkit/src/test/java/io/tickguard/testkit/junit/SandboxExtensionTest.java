package io.tickguard.testkit.junit;

import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.TICKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.testkit.SandboxServer;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One sandbox per class, injected as parameters and fields, with a ready pinned configuration. */
@Sandbox(seed = 11, fixedClock = "2026-01-02T03:04:05Z")
class SandboxExtensionTest {
  static SandboxServer sharedSandbox;
  SandboxServer instanceSandbox;
  ClientConfig instanceConfig;

  @BeforeAll
  static void staticFieldsAreInjectedBeforeAll() {
    assertThat(sharedSandbox).isNotNull();
  }

  @Test
  void parametersFieldsAndStaticsAreTheSameSandbox(SandboxServer sandbox, ClientConfig config) {
    assertThat(sandbox).isSameAs(sharedSandbox).isSameAs(instanceSandbox);
    assertThat(config.baseUrl().toString()).isEqualTo(sandbox.baseUrl());
    assertThat(instanceConfig.baseUrl()).isEqualTo(config.baseUrl());
  }

  @Test
  void injectedConfigTrustsAndPinsTheSandbox(SandboxServer sandbox, ClientConfig config) {
    assertThat(config.tls().pins().get("127.0.0.1")).contains(sandbox.pin(), sandbox.backupPin());
    assertThat(config.tls().trustRoots().includesSystemRoots()).isFalse();
    try (ApiClient api = ApiClient.builder(config).build()) {
      assertThat(api.execute(TICKER.request().query("symbol", "GBP-USD").build(), JSON).get("time").asLong())
          .isEqualTo(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
    }
  }

  @Test
  void annotationSettingsApply(SandboxServer sandbox) {
    assertThat(sandbox.market().seed()).isEqualTo(11);
    assertThat(sandbox.isTls()).isTrue();
  }

  @Nested
  class NestedTests {
    @Test
    void nestedClassesShareTheOuterSandbox(SandboxServer sandbox) {
      assertThat(sandbox).isSameAs(sharedSandbox).isSameAs(instanceSandbox);
    }
  }
}
