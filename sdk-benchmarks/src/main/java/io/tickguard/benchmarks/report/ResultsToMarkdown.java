package io.tickguard.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command line: {@code java -cp benchmarks.jar io.tickguard.benchmarks.report.ResultsToMarkdown
 * results.json [table.md]} turns JMH's JSON results into the Markdown table of docs/performance.md
 * (to standard output when no output file is given).
 */
public final class ResultsToMarkdown {
  private ResultsToMarkdown() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ResultsToMarkdown <jmh-results.json> [<table.md>]");
      System.exit(2);
    }
    String table = MarkdownTable.render(JmhResult.parseAll(JsonMapper.builder().build().readTree(Path.of(args[0]).toFile())));
    if (args.length == 2) {
      Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
    } else {
      System.out.print(table);
    }
  }
}
