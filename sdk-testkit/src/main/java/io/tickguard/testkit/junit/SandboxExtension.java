package io.tickguard.testkit.junit;

import io.tickguard.core.ClientConfig;
import io.tickguard.testkit.SandboxServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContextException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link Sandbox}: one sandbox per test class, closed after the class
 * (JUnit closes {@link AutoCloseable} store values), injected as {@link SandboxServer} and as a pinned
 * {@link ClientConfig} into parameters and into non-final fields of those types (static fields before
 * {@code @BeforeAll}, instance fields before each test).
 */
public final class SandboxExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
  /** Created by JUnit through {@link Sandbox}. */
  public SandboxExtension() {}

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    SandboxServer sandbox = sandbox(context);
    inject(context.getRequiredTestClass(), null, sandbox);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, sandbox(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SandboxServer.class || type == ClientConfig.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SandboxServer sandbox = sandbox(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == SandboxServer.class) {
      return sandbox;
    }
    if (type == ClientConfig.class) {
      return clientConfig(sandbox);
    }
    throw new ParameterResolutionException("Cannot inject " + type);
  }

  /**
   * The configuration injected into tests: the sandbox's base URL with TLS trusting only its CA and
   * pinning its leaf (see {@link SandboxServer#tlsConfig()}), or loopback plain HTTP in plain mode.
   */
  static ClientConfig clientConfig(SandboxServer sandbox) {
    return sandbox.clientConfig();
  }

  /**
   * The sandbox of the class that declares {@link Sandbox} (an outer class for {@code @Nested}
   * tests), started on first use and stored in that class's context so it closes with the class.
   */
  private static SandboxServer sandbox(ExtensionContext context) {
    Class<?> owner = owner(context.getRequiredTestClass());
    ExtensionContext.Store store = ownerContext(context, owner).getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(owner, c -> start(owner), SandboxServer.class);
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

  private static SandboxServer start(Class<?> owner) {
    Sandbox settings = owner.getAnnotation(Sandbox.class);
    SandboxServer.Builder b = SandboxServer.builder();
    if (settings != null) {
      b.seed(settings.seed()).plaintext(settings.plaintext());
      if (!settings.fixedClock().isEmpty()) {
        b.clock(Clock.fixed(Instant.parse(settings.fixedClock()), ZoneOffset.UTC));
      }
    }
    return b.start();
  }

  private static void inject(Class<?> type, Object instance, SandboxServer sandbox) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (Modifier.isFinal(f.getModifiers()) || isStatic != (instance == null)) {
          continue;
        }
        Object value = f.getType() == SandboxServer.class ? sandbox
            : f.getType() == ClientConfig.class ? clientConfig(sandbox) : null;
        if (value == null) {
          continue;
        }
        if (!f.trySetAccessible()) {
          throw new ExtensionContextException("Cannot inject the sandbox into " + f);
        }
        f.set(instance, value);
      }
    }
  }
}
