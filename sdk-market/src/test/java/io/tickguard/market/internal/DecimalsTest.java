package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast decimal path must give exactly what {@code new BigDecimal(text)} gives, scale included. */
class DecimalsTest {

  private static BigDecimal parse(String text) {
    char[] padded = ("[" + text + "]").toCharArray(); // offsets inside a larger buffer, as Jackson hands them
    return Decimals.parseOrNull(padded, 1, text.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0", "-0", "0.0", "-0.00000000", "1", "007", "0.10000000", "64250.01000000", "-12.5",
      "999999999999999999", "99999999999.9999999", "9999999999999999999", "0.0000000000000000001",
      "123456789012345678901234567890.123456789", "-9223372036854775808", "9223372036854775807.5"})
  void agreesWithBigDecimalInValueAndScale(String text) {
    assertThat(parse(text)).isEqualTo(new BigDecimal(text)); // equals: same unscaled value and scale
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".5", "5.", "1e5", "1E-3", "+1", "1.2.3", "1,5", " 1", "1 ", "--1", "0x1F", "NaN", "1.-2"})
  void refusesWhatIsNotPlainDecimalNotation(String text) {
    assertThat(parse(text)).isNull();
  }

  @Test
  void refusesMoreThanTheLengthCap() {
    assertThat(parse("1".repeat(Decimals.MAX_LENGTH + 1))).isNull();
    assertThat(parse("1".repeat(Decimals.MAX_LENGTH))).isEqualTo(new BigDecimal("1".repeat(Decimals.MAX_LENGTH)));
  }

  @Test
  void agreesWithBigDecimalOnRandomWireValues() {
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) == 0) {
        text.append('-');
      }
      int intDigits = 1 + random.nextInt(15);
      for (int i = 0; i < intDigits; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      int fraction = random.nextInt(12);
      if (fraction > 0) {
        text.append('.');
        for (int i = 0; i < fraction; i++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      assertThat(parse(text.toString())).as(text.toString()).isEqualTo(new BigDecimal(text.toString()));
    }
  }
}
