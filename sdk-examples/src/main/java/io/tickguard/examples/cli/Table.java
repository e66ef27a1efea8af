package io.tickguard.examples.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An aligned text table. Text columns are left-aligned; decimal columns are right-aligned with one
 * scale per column, so the points line up (only zeros are added: values are never rounded). Every
 * cell is {@linkplain Text#clean cleaned} of control characters.
 */
final class Table {
  private final List<String> headers;
  private final boolean[] decimal;
  private final boolean[] right;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<int[]> sameScale = new ArrayList<>();

  private Table(List<String> headers, boolean[] decimal, boolean[] right) {
    this.headers = headers;
    this.decimal = decimal;
    this.right = right;
  }

  /**
   * A table whose columns named with a leading {@code #} are decimal columns (one scale per column),
   * and with a leading {@code >} right-aligned text (values printed as given).
   */
  static Table of(String... columns) {
    List<String> names = new ArrayList<>();
    boolean[] decimal = new boolean[columns.length];
    boolean[] right = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      decimal[i] = columns[i].startsWith("#");
      right[i] = decimal[i] || columns[i].startsWith(">");
      names.add(right[i] ? columns[i].substring(1) : columns[i]);
    }
    return new Table(names, decimal, right);
  }

  /** Adds a row: strings, {@link BigDecimal}s or {@code Optional<BigDecimal>}s (empty prints {@code -}). */
  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** Prints the decimal columns {@code names} with one scale, so that prices of one pair read alike. */
  Table sameScale(String... names) {
    sameScale.add(java.util.Arrays.stream(names).mapToInt(headers::indexOf).filter(i -> i >= 0).toArray());
    return this;
  }

  int size() {
    return rows.size();
  }

  /** The rendered lines, header first. */
  List<String> lines() {
    int columns = headers.size();
    String[][] text = new String[rows.size()][columns];
    int[] width = new int[columns];
    int[] scales = new int[columns];
    for (int c = 0; c < columns; c++) {
      for (Object[] row : rows) {
        scales[c] = Math.max(scales[c], decimalOf(row[c]).map(v -> Math.max(0, v.stripTrailingZeros().scale())).orElse(0));
      }
    }
    for (int[] group : sameScale) {
      int max = java.util.Arrays.stream(group).map(c -> scales[c]).max().orElse(0);
      java.util.Arrays.stream(group).forEach(c -> scales[c] = max);
    }
    for (int c = 0; c < columns; c++) {
      width[c] = headers.get(c).length();
      int scale = scales[c];
      for (int r = 0; r < rows.size(); r++) {
        Object cell = rows.get(r)[c];
        final int s = scale;
        text[r][c] = decimal[c]
            ? decimalOf(cell).map(v -> v.setScale(Math.max(s, 0)).toPlainString()).orElse(Text.clean(String.valueOf(cell instanceof Optional<?> o ? o.map(String::valueOf).orElse("-") : cell)))
            : Text.clean(String.valueOf(cell instanceof Optional<?> o ? o.map(String::valueOf).orElse("-") : cell));
        width[c] = Math.max(width[c], text[r][c].length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers.toArray(String[]::new), width));
    for (String[] row : text) {
      lines.add(line(row, width));
    }
    return lines;
  }

  private String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        b.append("  ");
      }
      boolean last = c == cells.length - 1;
      if (right[c]) {
        b.append(" ".repeat(width[c] - cells[c].length())).append(cells[c]);
      } else {
        b.append(cells[c]);
        if (!last) {
          b.append(" ".repeat(width[c] - cells[c].length()));
        }
      }
    }
    return b.toString();
  }

  private static Optional<BigDecimal> decimalOf(Object cell) {
    if (cell instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (cell instanceof Optional<?> o && o.isPresent() && o.get() instanceof BigDecimal d) {
      return Optional.of(d);
    }
    return Optional.empty();
  }
}
