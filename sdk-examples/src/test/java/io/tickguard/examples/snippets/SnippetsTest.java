package io.tickguard.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java (and the "Add it" XML) snippet in README.md and docs/ is a copy of compiled source:
 * the line before its fence names the file and, after {@code #}, the {@code tag::name[]} region
 * ({@code <!-- snippet: path/File.java#tag -->}). This test fails when a snippet has no marker or
 * differs from its source, so a snippet cannot drift from code the build compiles (and, for the
 * tests among them, runs).
 */
class SnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#([\\w-]+))? -->");
  private static final Pattern FENCE = Pattern.compile("^```(\\w+)\\s*$");

  record Snippet(Path doc, int line, String language, String marker, String body) {
    @Override
    public String toString() {
      return ROOT.relativize(doc) + ":" + line;
    }
  }

  /**
   * Known debt, per document: Java snippets that landed with the forex, stream, Redis and guide work
   * before they were moved into compiled sources. The count may only go down: a new unmarked snippet
   * fails, and marking one of these fails until its count here is lowered.
   */
  private static final Map<String, Long> NOT_YET_COMPILED = Map.of(
      "README.md", 1L,
      "docs/configuration.md", 1L,
      "docs/distributed.md", 4L,
      "docs/getting-started.md", 3L,
      "docs/providers.md", 2L,
      "docs/streaming.md", 4L);

  @Test
  void everyJavaSnippetNamesItsCompiledSource() throws IOException {
    Map<String, Long> unmarked = snippets().stream()
        .filter(s -> s.language().equals("java") && s.marker().isEmpty())
        .collect(Collectors.groupingBy(s -> ROOT.relativize(s.doc()).toString().replace('\\', '/'), Collectors.counting()));

    assertThat(unmarked).as("Java snippets without a <!-- snippet: file#tag --> line above them, per document")
        .isEqualTo(NOT_YET_COMPILED);
  }

  @Test
  void everyMarkedSnippetEqualsItsSource() throws IOException {
    List<String> drifted = new ArrayList<>();
    for (Snippet s : snippets()) {
      if (s.marker().isEmpty()) {
        continue;
      }
      String expected = source(s.marker());
      if (!expected.equals(s.body())) {
        drifted.add(s + " differs from " + s.marker() + ":\n--- doc ---\n" + s.body() + "--- source ---\n" + expected);
      }
    }

    assertThat(drifted).as("snippets that drifted from their source").isEmpty();
  }

  @Test
  void theCheckSeesTheReadmeSnippets() throws IOException {
    // Guards the guard: a broken parser that finds nothing would pass both tests above.
    assertThat(snippets()).filteredOn(s -> s.doc().endsWith("README.md") && !s.marker().isEmpty()).hasSizeGreaterThanOrEqualTo(4);
  }

  private static List<Snippet> snippets() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher fence = FENCE.matcher(lines.get(i));
        if (!fence.matches()) {
          continue;
        }
        String marker = "";
        for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
          Matcher m = MARKER.matcher(lines.get(j).trim());
          if (m.matches()) {
            marker = m.group(1) + (m.group(2) == null ? "" : "#" + m.group(2));
            break;
          }
        }
        StringBuilder body = new StringBuilder();
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).startsWith("```")) {
          body.append(lines.get(end)).append('\n');
          end++;
        }
        snippets.add(new Snippet(doc, i + 1, fence.group(1), marker, body.toString()));
        i = end;
      }
    }
    return snippets;
  }

  /** The named file, or its {@code tag::name[]} region, without the common indentation. */
  static String source(String marker) throws IOException {
    String[] parts = marker.split("#", 2);
    List<String> lines = Files.readAllLines(ROOT.resolve(parts[0]), StandardCharsets.UTF_8);
    List<String> region = new ArrayList<>();
    if (parts.length == 1) {
      region.addAll(lines);
    } else {
      boolean inside = false;
      for (String line : lines) {
        if (line.contains("end::" + parts[1] + "[]")) {
          inside = false;
        } else if (inside) {
          region.add(line);
        } else if (line.contains("tag::" + parts[1] + "[]")) {
          inside = true;
        }
      }
      assertThat(region).as("tag %s in %s", parts[1], parts[0]).isNotEmpty();
    }
    int indent = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : region) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString().replace("@project.version@", projectVersion());
  }

  private static String projectVersion() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<artifactId>tickguard-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).as("the root pom's version").isTrue();
    return m.group(1);
  }
}
