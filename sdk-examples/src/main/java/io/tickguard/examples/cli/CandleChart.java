package io.tickguard.examples.cli;

import io.tickguard.crypto.Candle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal candlestick chart: one column per candle (wick {@code │}, rising body {@code █},
 * falling body {@code ░}), a price axis on the left and open times below. When the terminal is too
 * narrow for one column per candle, a one-line sparkline of the closes with the range.
 */
final class CandleChart {
  static final int HEIGHT = 12;
  private static final String SPARKS = "▁▂▃▄▅▆▇█";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private CandleChart() {}

  /** The chart's lines for a terminal {@code columns} wide. */
  static List<String> render(String title, List<Candle> candles, int columns, Output out) {
    List<String> lines = new ArrayList<>();
    lines.add(Text.clean(title));
    if (candles.isEmpty()) {
      lines.add("(no candles in that range)");
      return lines;
    }
    BigDecimal low = candles.stream().map(Candle::low).min(BigDecimal::compareTo).orElseThrow();
    BigDecimal high = candles.stream().map(Candle::high).max(BigDecimal::compareTo).orElseThrow();
    int labelWidth = Math.max(Text.plain(low).length(), Text.plain(high).length());
    if (labelWidth + 3 + 2 * candles.size() > columns) {
      lines.add(sparkline(candles, low, high) + "  low " + Text.plain(low) + "  high " + Text.plain(high)
          + "  last " + Text.plain(candles.get(candles.size() - 1).close()));
      return lines;
    }
    double lo = low.doubleValue();
    double span = Math.max(high.doubleValue() - lo, Double.MIN_NORMAL);
    for (int row = 0; row < HEIGHT; row++) {
      double top = lo + span * (HEIGHT - row) / HEIGHT;
      double bottom = lo + span * (HEIGHT - row - 1) / HEIGHT;
      String label = row == 0 ? Text.plain(high) : row == HEIGHT - 1 ? Text.plain(low)
          : row % 3 == 0 ? Text.plain(BigDecimal.valueOf((top + bottom) / 2).round(new MathContext(Math.max(1, labelWidth - 1)))) : "";
      StringBuilder line = new StringBuilder(" ".repeat(labelWidth - Math.min(labelWidth, label.length())))
          .append(label.length() > labelWidth ? label.substring(0, labelWidth) : label).append(" ┤ ");
      for (Candle c : candles) {
        line.append(cell(c, top, bottom, out)).append(' ');
      }
      lines.add(line.toString().stripTrailing());
    }
    lines.add(" ".repeat(labelWidth) + " └" + "─".repeat(2 * candles.size() + 1));
    lines.add(timeAxis(candles, labelWidth));
    return lines;
  }

  private static String cell(Candle c, double top, double bottom, Output out) {
    double open = c.open().doubleValue();
    double close = c.close().doubleValue();
    double bodyHigh = Math.max(open, close);
    double bodyLow = Math.min(open, close);
    boolean rising = close >= open;
    if (bodyHigh >= bottom && bodyLow <= top) {
      return out.style(rising ? "█" : "░", rising ? Output.Style.GREEN : Output.Style.RED);
    }
    if (c.high().doubleValue() >= bottom && c.low().doubleValue() <= top) {
      return "│";
    }
    return " ";
  }

  private static String timeAxis(List<Candle> candles, int labelWidth) {
    String first = TIME.format(candles.get(0).openTime());
    String last = TIME.format(candles.get(candles.size() - 1).openTime());
    int start = labelWidth + 3;
    int lastColumn = start + 2 * (candles.size() - 1);
    StringBuilder axis = new StringBuilder(" ".repeat(start)).append(first);
    int lastStart = Math.max(axis.length() + 2, lastColumn - last.length() + 1);
    axis.append(" ".repeat(lastStart - axis.length())).append(last).append(" UTC");
    return axis.toString();
  }

  /** The closes as one line of block characters scaled between {@code low} and {@code high}. */
  static String sparkline(List<Candle> candles, BigDecimal low, BigDecimal high) {
    double lo = low.doubleValue();
    double span = high.doubleValue() - lo;
    StringBuilder b = new StringBuilder();
    for (Candle c : candles) {
      int level = span <= 0 ? 0 : (int) Math.round((c.close().doubleValue() - lo) / span * (SPARKS.length() - 1));
      b.append(SPARKS.charAt(Math.max(0, Math.min(SPARKS.length() - 1, level))));
    }
    return b.toString();
  }
}
