package io.tickguard.testkit.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.testkit.providers.ProviderSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Demo credentials are injected only when it is clear whose: the message says how to choose. */
class SandboxCredentialsChoiceTest {

  @Sandbox(providers = {ProviderSandbox.BINANCE, ProviderSandbox.KRAKEN})
  static class TwoProviders {
    ApiCredentials unqualified;
    @SandboxCredentials(ProviderSandbox.COINBASE)
    ApiCredentials notServed;
  }

  @Sandbox
  static class NoProvider {
    ApiCredentials unqualified;
  }

  @Test
  void unqualifiedCredentialsWithSeveralProvidersAskForTheQualifier() throws Exception {
    SandboxExtension.Running running = SandboxExtension.Running.start(TwoProviders.class);
    try {
      var field = TwoProviders.class.getDeclaredField("unqualified");
      assertThatThrownBy(() -> running.value(ApiCredentials.class, field, field.toString()))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("several providers").hasMessageContaining("@SandboxCredentials");
    } finally {
      running.close();
    }
  }

  @Test
  void credentialsOfAProviderNotServedNameIt() throws Exception {
    SandboxExtension.Running running = SandboxExtension.Running.start(TwoProviders.class);
    try {
      var field = TwoProviders.class.getDeclaredField("notServed");
      assertThatThrownBy(() -> running.value(ApiCredentials.class, field, field.toString()))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("COINBASE").hasMessageContaining("providers");
    } finally {
      running.close();
    }
  }

  @Test
  void credentialsWithoutAnyProviderAreRefused() throws Exception {
    SandboxExtension.Running running = SandboxExtension.Running.start(NoProvider.class);
    try {
      var field = NoProvider.class.getDeclaredField("unqualified");
      assertThatThrownBy(() -> running.value(ApiCredentials.class, field, field.toString()))
          .hasMessageContaining("no provider");
    } finally {
      running.close();
    }
  }
}
