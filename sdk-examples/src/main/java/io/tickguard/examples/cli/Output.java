package io.tickguard.examples.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints a command's results for people (aligned tables, colour on a terminal only) or for programs
 * (one JSON object per line, decimals as strings exactly as decoded, absent values as {@code null}).
 */
final class Output {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** ANSI styles, used only when {@link #colour} is on. */
  enum Style {
    GREEN("32"), RED("31"), YELLOW("33"), DIM("2"), BOLD("1");

    private final String code;

    Style(String code) {
      this.code = code;
    }
  }

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final boolean colour;

  Output(CliContext context, OutputOptions options) {
    this.out = context.out();
    this.err = context.err();
    this.json = options.json;
    this.colour = context.colourAllowed() && !options.noColor;
  }

  boolean json() {
    return json;
  }

  boolean colour() {
    return colour;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** Prints a table for people. */
  void print(Table table) {
    var lines = table.lines();
    out.println(style(lines.get(0), Style.BOLD));
    lines.subList(1, lines.size()).forEach(out::println);
    out.flush();
  }

  /** Prints one line for people, {@linkplain Text#clean cleaned}. */
  void line(String text) {
    out.println(Text.clean(text));
  }

  /** {@code text} in {@code style} when colour is on. */
  String style(String text, Style style) {
    return colour ? "\u001b[" + style.code + "m" + text + "\u001b[0m" : text;
  }

  /** Prints one JSON object on one line. */
  void json(Map<String, ?> fields) {
    out.println(JSON.writeValueAsString(jsonValues(fields)));
    out.flush();
  }

  /** Starts a JSON object whose fields keep their insertion order (stable output). */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  private static Map<String, Object> jsonValues(Map<String, ?> fields) {
    Map<String, Object> converted = new LinkedHashMap<>();
    fields.forEach((k, v) -> converted.put(k, jsonValue(v)));
    return converted;
  }

  private static Object jsonValue(Object v) {
    if (v instanceof Optional<?> o) {
      return o.map(Output::jsonValue).orElse(null);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Instant i) {
      return i.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> nested = new LinkedHashMap<>();
      m.forEach((k, x) -> nested.put(String.valueOf(k), jsonValue(x)));
      return nested;
    }
    if (v instanceof java.util.List<?> l) {
      return l.stream().map(Output::jsonValue).toList();
    }
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    return v.toString();
  }
}
