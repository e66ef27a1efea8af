package io.tickguard.testkit.junit;

import io.tickguard.testkit.providers.ProviderSandbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link io.tickguard.testkit.SandboxServer} for the annotated test class, serving the
 * wire formats of {@link #providers()}, and injects into test parameters and non-final fields:
 *
 * <ul>
 *   <li>{@link io.tickguard.testkit.SandboxServer}: the sandbox, to script faults and inspect it;
 *   <li>{@link io.tickguard.core.ClientConfig}: its base URL, TLS trusting only its CA and pinning
 *       its leaf, and the sandbox's clock; hand it to a provider client's {@code config(...)} or to
 *       {@code ApiClient.builder(...)};
 *   <li>{@link io.tickguard.core.auth.ApiCredentials}: the demo credentials of the one provider
 *       served (with several, say which with {@link SandboxCredentials});
 *   <li>{@link io.tickguard.testkit.MutableClock} (or {@link java.time.Clock}): the clock of the
 *       sandbox and of the injected configuration. It stands still until the test moves it
 *       ({@code advance(Duration)}): virtual time, so tokens age and limit windows roll only when the
 *       test says so.
 * </ul>
 *
 * <pre>{@code
 * @Sandbox(providers = ProviderSandbox.BINANCE)
 * class MyBotTest {
 *   @Test
 *   void readsTheBook(ClientConfig config, ApiCredentials demoKey, MutableClock clock) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SandboxExtension.class)
public @interface Sandbox {

  /** The market seed. */
  long seed() default 1;

  /** Serve plain HTTP on loopback instead of TLS. */
  boolean plaintext() default false;

  /**
   * An ISO-8601 instant ({@code 2026-01-02T03:04:05Z}) the clock starts at; empty for the moment the
   * sandbox starts. Either way the clock then moves only when the test advances it.
   */
  String fixedClock() default "";

  /**
   * The providers whose routes and demo keys the sandbox serves, besides the generic
   * {@code /demo/v1} routes; none by default.
   */
  ProviderSandbox[] providers() default {};
}
