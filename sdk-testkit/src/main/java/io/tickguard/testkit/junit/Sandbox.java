package io.tickguard.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link io.tickguard.testkit.SandboxServer} for the annotated test class and injects it,
 * and a ready pinned {@link io.tickguard.core.ClientConfig}, into test parameters and into fields of
 * those types.
 *
 * <pre>{@code
 * @Sandbox(seed = 7)
 * class MyBotTest {
 *   @Test
 *   void readsTheBook(ClientConfig config, SandboxServer sandbox) { ... }
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
   * Provider wire formats to serve besides the demo routes ({@code "binance"}, {@code "kraken"},
   * {@code "coinbase"}, {@code "insightease"}), each with its demo credentials (see {@link
   * io.tickguard.testkit.providers.ProviderSandbox}); none by default.
   */
  String[] providers() default {};

  /** An ISO-8601 instant ({@code 2026-01-02T03:04:05Z}) to freeze the sandbox's clock at; empty for the system clock. */
  String fixedClock() default "";
}
