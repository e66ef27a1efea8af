package io.tickguard.examples.cli;

import picocli.CommandLine.Option;

/** How a command prints: for people (tables, colour on a terminal) or for programs ({@code --json}). */
final class OutputOptions {
  @Option(names = "--json", description = "One JSON object per line: stable field names, decimals as strings.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Print the audit trail of every call to stderr (secrets redacted).")
  boolean verbose;

  @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR in the environment does the same).")
  boolean noColor;
}
