package io.tickguard.examples.cli;

import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionLeg;
import io.tickguard.forex.Currency;
import io.tickguard.forex.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickguard fx convert AMOUNT FROM TO}: an amount converted at the mid, its rate, path and rounding. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Convert AMOUNT of FROM into TO at the mid: direct, inverse or through a cross; rounding stated.")
final class FxConvertCommand extends FxMarketCommand {
  @Parameters(index = "0", paramLabel = "AMOUNT", description = "A non-negative decimal, e.g. 1000 or 99.95")
  BigDecimal amount;

  @Parameters(index = "1", paramLabel = "FROM", description = "ISO 4217 code, e.g. EUR")
  Currency from;

  @Parameters(index = "2", paramLabel = "TO", description = "ISO 4217 code, e.g. JPY")
  Currency to;

  @Option(names = "--scale", paramLabel = "N", description = "Decimals of the result, 0..18 (default: TO's minor units, 0 for JPY).")
  Integer scale;

  @Option(names = "--rounding", paramLabel = "MODE", defaultValue = "HALF_EVEN",
      description = "How the result is rounded: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RoundingMode rounding;

  @Override
  void validate() {
    if (amount.signum() < 0) {
      throw usage("AMOUNT must not be negative, was " + amount.toPlainString());
    }
    if (scale != null && (scale < 0 || scale > 18)) {
      throw usage("--scale must be 0..18, was " + scale);
    }
    if (from.equals(to)) {
      throw usage("FROM and TO are both " + from + ": nothing to convert");
    }
  }

  @Override
  int run(FxSession session, Output out) {
    Rounding r = scale != null ? Rounding.of(scale, rounding) : Rounding.minorUnits(rounding);
    Conversion c = session.client().convert(amount, from, to, r);
    if (out.json()) {
      out.json(json(session.provider(), c));
      return ExitCodes.OK;
    }
    Table table = Table.of("#amount", "from", "#result", "to", "#rate", "path", "rounding");
    table.row(c.amount(), c.from().code(), c.result(), c.to().code(), c.rate(), path(c), c.rounding().toString());
    out.print(table);
    return ExitCodes.OK;
  }

  private static String path(Conversion c) {
    return c.path().kind().name().toLowerCase(java.util.Locale.ROOT) + " "
        + c.path().legs().stream().map(l -> l.pair() + (l.inverted() ? " (inverted)" : "")).collect(Collectors.joining(", "));
  }

  static Map<String, Object> json(FxProvider provider, Conversion c) {
    Map<String, Object> o = Output.object();
    o.put("type", "fxConversion");
    o.put("provider", provider.id());
    o.put("amount", c.amount());
    o.put("from", c.from().code());
    o.put("to", c.to().code());
    o.put("rate", c.rate());
    o.put("result", c.result());
    o.put("path", c.path().kind().name());
    o.put("legs", c.path().legs().stream().map(FxConvertCommand::leg).toList());
    o.put("scale", c.rounding().scale().orElseThrow());
    o.put("rounding", c.rounding().mode().name());
    return o;
  }

  private static Map<String, Object> leg(ConversionLeg l) {
    Map<String, Object> o = Output.object();
    o.put("pair", l.pair().toString());
    o.put("price", l.price());
    o.put("inverted", l.inverted());
    o.put("time", l.time());
    return o;
  }
}
