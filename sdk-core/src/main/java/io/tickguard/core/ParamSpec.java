package io.tickguard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The allowlist rule for one request parameter: a pattern its whole value must match and a maximum
 * length. The Guard stage refuses any parameter an endpoint did not declare, and any value that
 * breaks its rule, before any I/O.
 *
 * @param name the parameter name as sent on the wire
 * @param pattern the pattern the whole value must match
 * @param maxLength the maximum length in characters
 * @param required whether the endpoint needs the parameter
 * @param maxOccurrences how many times the parameter may appear (1 for most; Coinbase's {@code
 *     product_ids=A&product_ids=B} style lists repeat it), each value checked on its own
 */
public record ParamSpec(String name, Pattern pattern, int maxLength, boolean required, int maxOccurrences) {

  /** Instrument symbols of every provider: {@code BTCUSDT}, {@code XBT/USD}, {@code BTC-USD}. */
  public static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,39}");
  /** Unsigned decimal integers. */
  public static final Pattern INTEGER = Pattern.compile("[0-9]{1,19}");
  /** Signed decimal numbers without exponent. */
  public static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
  /** Identifiers and enum-like words. */
  public static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** Comma-separated lists of symbols or words. */
  public static final Pattern LIST = Pattern.compile("[A-Za-z0-9._/:,\\[\\]\"-]{1,4096}");

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    if (maxLength <= 0) {
      throw new InvalidRequestException("maxLength", "maxLength must be positive for parameter " + name);
    }
    if (maxOccurrences <= 0) {
      throw new InvalidRequestException("maxOccurrences", "maxOccurrences must be positive for parameter " + name);
    }
  }

  /** A parameter that appears at most once. */
  public ParamSpec(String name, Pattern pattern, int maxLength, boolean required) {
    this(name, pattern, maxLength, required, 1);
  }

  /** An optional parameter. */
  public static ParamSpec optional(String name, Pattern pattern, int maxLength) {
    return new ParamSpec(name, pattern, maxLength, false);
  }

  /** A required parameter. */
  public static ParamSpec required(String name, Pattern pattern, int maxLength) {
    return new ParamSpec(name, pattern, maxLength, true);
  }

  /**
   * An optional parameter that may be given up to {@code maxOccurrences} times ({@code
   * ?product_ids=BTC-USD&product_ids=ETH-USD}); every value must match {@code pattern}.
   */
  public static ParamSpec repeatable(String name, Pattern pattern, int maxLength, int maxOccurrences) {
    return new ParamSpec(name, pattern, maxLength, false, maxOccurrences);
  }
}
