package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-path verdicts on made-up class paths; the real OkHttp 4.12 and Jackson 2 jars are
 * proven by the consumer projects in sdk-consumer-tests.
 */
class ClasspathCheckTest {

  @Test
  void thisBuildsClassPathIsAccepted() {
    assertThat(ClasspathCheck.problem(ClasspathCheck.class.getClassLoader())).isEmpty();
  }

  @Test
  void twoOkHttpCopiesAreRefusedNamingBothAndTheFix(@TempDir Path dir) throws IOException {
    Path okhttp4 = entry(dir, "okhttp-4.12.0", ClasspathCheck.OKHTTP_CLIENT);
    Path okhttp5 = entry(dir, "okhttp-jvm-5.5.1", ClasspathCheck.OKHTTP_CLIENT);

    Optional<ConfigurationException> problem = problemOf(okhttp4, okhttp5);

    assertThat(problem).get().satisfies(e -> {
      assertThat(e.setting()).isEqualTo("com.squareup.okhttp3:okhttp");
      assertThat(e).hasMessageContaining("twice").hasMessageContaining("okhttp-4.12.0")
          .hasMessageContaining("okhttp-jvm-5.5.1").hasMessageContaining("okhttp-jvm 5.x");
    });
  }

  @Test
  void missingOkHttpIsRefused(@TempDir Path dir) throws IOException {
    Path annotations = entry(dir, "annotations", ClasspathCheck.ANNOTATIONS_NEWEST);

    assertThat(problemOf(annotations)).get().satisfies(e -> assertThat(e).hasMessageContaining("not on the class path"));
  }

  @Test
  void okHttpWhoseVersionCannotBeReadIsRefused(@TempDir Path dir) throws IOException {
    Path okhttp = entry(dir, "okhttp", ClasspathCheck.OKHTTP_CLIENT); // no okhttp3.OkHttp class beside it

    assertThat(problemOf(okhttp)).get().satisfies(e -> assertThat(e).hasMessageContaining("OkHttp older than 4"));
  }

  @Test
  void oldJacksonAnnotationsAreRefusedNamingTheJarAndTheBom(@TempDir Path dir) throws IOException {
    Path annotations = entry(dir, "jackson-annotations-2.17.2", ClasspathCheck.ANNOTATIONS_ANCHOR);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {annotations.toUri().toURL()}, null)) {
      Optional<ConfigurationException> problem = ClasspathCheck.annotationsProblem(loader);

      assertThat(problem).get().satisfies(e -> {
        assertThat(e.setting()).isEqualTo("com.fasterxml.jackson.core:jackson-annotations");
        assertThat(e).hasMessageContaining("too old").hasMessageContaining("jackson-annotations-2.17.2")
            .hasMessageContaining("tickguard-bom").hasMessageContaining(ClasspathCheck.ANNOTATIONS_NEEDED);
      });
    }
  }

  @Test
  void annotationsWithTheNewestAnnotationAreAccepted(@TempDir Path dir) throws IOException {
    Path annotations = entry(dir, "jackson-annotations-2.23", ClasspathCheck.ANNOTATIONS_NEWEST);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {annotations.toUri().toURL()}, null)) {
      assertThat(ClasspathCheck.annotationsProblem(loader)).isEmpty();
    }
  }

  @Test
  void jarEntriesAreNamedByTheirFileName() {
    assertThat(ClasspathCheck.source(
        "jar:file:/home/u/.m2/repository/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class",
        ClasspathCheck.OKHTTP_CLIENT)).isEqualTo("okhttp-4.12.0.jar");
    assertThat(ClasspathCheck.source("file:/opt/app/classes/okhttp3/OkHttpClient.class", ClasspathCheck.OKHTTP_CLIENT))
        .isEqualTo("file:/opt/app/classes");
  }

  private static Optional<ConfigurationException> problemOf(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      return ClasspathCheck.problem(loader);
    }
  }

  /** A class-path directory named {@code name} holding an empty {@code resource}. */
  private static Path entry(Path dir, String name, String resource) throws IOException {
    Path root = dir.resolve(name);
    Path file = root.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);
    return root;
  }
}
