package io.tickguard.testkit.junit;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link Sandbox}: one sandbox per test class, closed after the class,
 * injected with its configuration, demo credentials and clock (see {@link Sandbox}) into parameters
 * and into non-final fields (static fields before {@code @BeforeAll}, instance fields before each
 * test).
 *
 * <p>Written against the JUnit Jupiter API of 5.10, the oldest version the consumer projects prove,
 * so that the user's own JUnit 5.10 or newer satisfies it ({@code junit-jupiter-api} is a
 * {@code provided} dependency of the testkit).
 */
public final class SandboxExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  /** Created by JUnit through {@link Sandbox}. */
  public SandboxExtension() {}

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);
  private static final List<Class<?>> INJECTED =
      List.of(SandboxServer.class, ClientConfig.class, ApiCredentials.class, MutableClock.class, Clock.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    inject(context.getRequiredTestClass(), null, running(context));
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, running(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    try {
      return running(context).value(type, parameter.getParameter(), parameter.getParameter().toString());
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /**
   * The sandbox of the class that declares {@link Sandbox} (an outer class for {@code @Nested}
   * tests), started on first use and stored in that class's context so it closes with the class.
   */
  private static Running running(ExtensionContext context) {
    Class<?> owner = owner(context.getRequiredTestClass());
    ExtensionContext.Store store = ownerContext(context, owner).getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(owner, c -> Running.start(owner), Running.class);
  }

  private static ExtensionContext ownerContext(ExtensionContext context, Class<?> owner) {
    ExtensionContext c = context;
    while (c.getParent().isPresent()
        && (c.getTestMethod().isPresent() || c.getTestClass().filter(owner::equals).isEmpty())) {
      c = c.getParent().get();
    }
    return c;
  }

  /** The nearest enclosing class carrying {@link Sandbox}, or {@code testClass} itself. */
  private static Class<?> owner(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (c.isAnnotationPresent(Sandbox.class)) {
        return c;
      }
    }
    return testClass;
  }

  private static void inject(Class<?> type, Object instance, Running running) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (Modifier.isFinal(f.getModifiers()) || isStatic != (instance == null) || !INJECTED.contains(f.getType())) {
          continue;
        }
        Object value = running.value(f.getType(), f, f.toString());
        if (!f.trySetAccessible()) {
          throw new ExtensionContextException("Cannot inject the sandbox into " + f);
        }
        f.set(instance, value);
      }
    }
  }

  /**
   * A started sandbox with its clock and providers. A {@code CloseableResource} because JUnit before
   * 5.13 closes only those store values, and {@link AutoCloseable} because 5.13 and newer prefer it
   * (and warn about a value that is only the former); either way JUnit closes it once.
   */
  @SuppressWarnings("deprecation") // CloseableResource: deprecated from JUnit 5.13 on, the only kind 5.10 closes
  static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final SandboxServer sandbox;
    private final MutableClock clock;
    private final List<ProviderSandbox> providers;
    private final ClientConfig config;

    private Running(SandboxServer sandbox, MutableClock clock, List<ProviderSandbox> providers) {
      this.sandbox = sandbox;
      this.clock = clock;
      this.providers = providers;
      this.config = sandbox.clientConfigBuilder().clock(clock).build();
    }

    static Running start(Class<?> owner) {
      Optional<Sandbox> settings = Optional.ofNullable(owner.getAnnotation(Sandbox.class));
      Instant start = settings.map(Sandbox::fixedClock).filter(s -> !s.isEmpty()).map(Instant::parse)
          .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
      MutableClock clock = new MutableClock(start);
      List<ProviderSandbox> providers = settings.map(s -> List.of(s.providers())).orElse(List.of());
      SandboxServer.Builder b = SandboxServer.builder().clock(clock);
      settings.ifPresent(s -> b.seed(s.seed()).plaintext(s.plaintext()));
      providers.forEach(p -> p.install(b));
      return new Running(b.start(), clock, providers);
    }

    Object value(Class<?> type, AnnotatedElement target, String where) {
      if (type == SandboxServer.class) {
        return sandbox;
      }
      if (type == ClientConfig.class) {
        return config;
      }
      if (type == MutableClock.class || type == Clock.class) {
        return clock;
      }
      return credentials(Optional.ofNullable(target.getAnnotation(SandboxCredentials.class)), where);
    }

    private ApiCredentials credentials(Optional<SandboxCredentials> chosen, String where) {
      if (chosen.isPresent()) {
        ProviderSandbox provider = chosen.get().value();
        if (!providers.contains(provider)) {
          throw new ExtensionConfigurationException(where + " asks for " + provider + "'s demo credentials but"
              + " @Sandbox(providers = ...) does not serve " + provider + "; add it there");
        }
        return provider.demoCredentials();
      }
      if (providers.size() != 1) {
        throw new ExtensionConfigurationException(where + ": @Sandbox serves " + (providers.isEmpty()
            ? "no provider" : "several providers " + Arrays.toString(providers.toArray()))
            + ", so say whose demo credentials to inject with @SandboxCredentials(ProviderSandbox.X)"
            + " and list it in @Sandbox(providers = ...)");
      }
      return providers.get(0).demoCredentials();
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
