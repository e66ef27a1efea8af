package io.tickguard.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint's path template split once into literal segments and {@code {variable}} names, so the
 * Guard does not split the template again on every call ({@link RequestGuard} keeps the parsed
 * templates of its client by their text).
 *
 * @param segments the segments after the leading {@code /}, in order
 */
record PathTemplate(List<Segment> segments) {
  /**
   * One segment.
   *
   * @param text the literal segment, or the variable's name without braces
   * @param variable whether it is a {@code {variable}}
   */
  record Segment(String text, boolean variable) {}

  /** Splits {@code template} (which starts with {@code /}). */
  static PathTemplate parse(String template) {
    List<Segment> segments = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        segments.add(new Segment(segment.substring(1, segment.length() - 1), true));
      } else {
        segments.add(new Segment(segment, false));
      }
    }
    return new PathTemplate(List.copyOf(segments));
  }
}
