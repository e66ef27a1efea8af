package io.tickguard.core.internal;

import io.tickguard.core.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Looks once at the class path for the two conflicts a user's build can bring in: a second OkHttp
 * (OkHttp 4's {@code okhttp} artifact next to OkHttp 5's {@code okhttp-jvm}, which hold the same
 * classes) and a {@code jackson-annotations} older than Jackson 3 needs (Maven prefers the user's
 * Jackson 2 one, which is nearer in the tree). Either fails later, mid-call, with a
 * {@code NoSuchMethodError} or {@code NoClassDefFoundError}; found here, it fails at construction
 * with one message. See {@code docs/design/okhttp-on-the-class-path.md}.
 */
public final class ClasspathCheck {
  static final String OKHTTP_CLIENT = "okhttp3/OkHttpClient.class";
  static final String OKHTTP_VERSION_CLASS = "okhttp3.OkHttp";
  static final String ANNOTATIONS_ANCHOR = "com/fasterxml/jackson/annotation/JsonProperty.class";
  /** The newest annotation tools.jackson 3.3 reads; added in jackson-annotations 2.23. */
  static final String ANNOTATIONS_NEWEST = "com/fasterxml/jackson/annotation/JsonApplyView.class";
  static final String ANNOTATIONS_NEEDED = "2.23";

  private ClasspathCheck() {}

  /** Computed once per class loader that loaded TickGuard: the class path does not change. */
  private static final class Verdict {
    static final Optional<ConfigurationException> PROBLEM = problem(ClasspathCheck.class.getClassLoader());
  }

  /** Throws the class path's problem, if it has one. */
  public static void requireSupported() {
    Optional<ConfigurationException> problem = Verdict.PROBLEM;
    if (problem.isPresent()) {
      ConfigurationException first = problem.get();
      // A fresh exception per call, so each caller gets its own stack trace.
      throw new ConfigurationException(first.setting(), first.getMessage());
    }
  }

  /** The first problem of {@code loader}'s class path, or empty when TickGuard can run on it. */
  static Optional<ConfigurationException> problem(ClassLoader loader) {
    Optional<ConfigurationException> okhttp = okhttpProblem(loader);
    return okhttp.isPresent() ? okhttp : annotationsProblem(loader);
  }

  static Optional<ConfigurationException> okhttpProblem(ClassLoader loader) {
    List<String> copies = sources(loader, OKHTTP_CLIENT);
    String fix = " Fix: depend on com.squareup.okhttp3:okhttp-jvm 5.x instead of com.squareup.okhttp3:okhttp 4.x"
        + " (OkHttp 5 keeps OkHttp 4's API, so your own OkHttp code keeps working), or exclude 'okhttp'"
        + " from the dependency that brings it ('mvn dependency:tree -Dincludes=com.squareup.okhttp3' shows which).";
    if (copies.size() > 1) {
      return Optional.of(new ConfigurationException("com.squareup.okhttp3:okhttp",
          "OkHttp is on the class path twice: " + String.join(" and ", copies) + ". TickGuard runs on OkHttp 5"
              + " (Maven artifact com.squareup.okhttp3:okhttp-jvm); OkHttp 4's artifact 'okhttp' holds the same"
              + " classes, so which ones load depends on the class-path order and calls would fail with"
              + " NoSuchMethodError or run on the wrong version." + fix));
    }
    if (copies.isEmpty()) {
      return Optional.of(new ConfigurationException("com.squareup.okhttp3:okhttp-jvm",
          "OkHttp is not on the class path; TickGuard needs com.squareup.okhttp3:okhttp-jvm 5.x (tickguard-core"
              + " depends on it: was it excluded?)."));
    }
    String version = okhttpVersion(loader);
    if (!version.startsWith("5.")) {
      return Optional.of(new ConfigurationException("com.squareup.okhttp3:okhttp",
          "OkHttp " + version + " (" + copies.get(0) + ") is on the class path; TickGuard needs OkHttp 5."
              + fix));
    }
    return Optional.empty();
  }

  private static String okhttpVersion(ClassLoader loader) {
    try {
      Object version = Class.forName(OKHTTP_VERSION_CLASS, true, loader).getField("VERSION").get(null);
      return String.valueOf(version);
    } catch (ReflectiveOperationException | LinkageError e) {
      return "older than 4";
    }
  }

  static Optional<ConfigurationException> annotationsProblem(ClassLoader loader) {
    if (loader.getResource(ANNOTATIONS_NEWEST) != null) {
      return Optional.empty();
    }
    List<String> found = sources(loader, ANNOTATIONS_ANCHOR);
    String which = found.isEmpty() ? "is not on the class path" : "on the class path is too old (" + found.get(0) + ")";
    return Optional.of(new ConfigurationException("com.fasterxml.jackson.core:jackson-annotations",
        "com.fasterxml.jackson.core:jackson-annotations " + which + ": TickGuard's Jackson 3 (tools.jackson) needs "
            + ANNOTATIONS_NEEDED + " or newer. Jackson keeps jackson-annotations backward compatible, so your"
            + " Jackson 2 (2.15 and newer) runs on it unchanged. Fix: import io.tickguard:tickguard-bom in"
            + " <dependencyManagement> before any other Jackson BOM (it pins jackson-annotations), or manage"
            + " com.fasterxml.jackson.core:jackson-annotations:" + ANNOTATIONS_NEEDED + " yourself."));
  }

  /** Where each copy of {@code resource} comes from: a jar's file name, or a directory. */
  private static List<String> sources(ClassLoader loader, String resource) {
    List<String> sources = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        sources.add(source(url.toString(), resource));
      }
    } catch (IOException e) {
      // An unreadable class path entry: judge by what could be read.
    }
    return sources;
  }

  static String source(String url, String resource) {
    String location = url.endsWith(resource) ? url.substring(0, url.length() - resource.length()) : url;
    if (location.endsWith("!/")) {
      location = location.substring(0, location.length() - 2);
    }
    String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    int slash = trimmed.lastIndexOf('/');
    return location.startsWith("jar:") && slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
  }
}
