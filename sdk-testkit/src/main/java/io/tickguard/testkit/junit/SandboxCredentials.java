package io.tickguard.testkit.junit;

import io.tickguard.testkit.providers.ProviderSandbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says whose demo credentials an {@link io.tickguard.core.auth.ApiCredentials} parameter or field
 * gets when a {@link Sandbox} serves several providers.
 *
 * <pre>{@code
 * @Sandbox(providers = {ProviderSandbox.BINANCE, ProviderSandbox.KRAKEN})
 * class ArbitrageBotTest {
 *   @Test
 *   void seesBothBooks(ClientConfig config,
 *       @SandboxCredentials(ProviderSandbox.BINANCE) ApiCredentials binance,
 *       @SandboxCredentials(ProviderSandbox.KRAKEN) ApiCredentials kraken) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SandboxCredentials {

  /** The provider whose demo credentials to inject. */
  ProviderSandbox value();
}
