package io.tickguard.crypto.book.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksumTextTest {

  /** The spelling Kraken documents: the value with the precision's decimals, then no '.' and no leading zeros. */
  private static String documented(BigDecimal value, int decimals) {
    return value.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString().replace(".", "").replaceFirst("^0+", "");
  }

  @Test
  void digitsWrittenFromTheUnscaledValueEqualTheFormattedSpellingForManyValues() {
    SplittableRandom r = new SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      int decimals = r.nextInt(19);
      int scale = r.nextInt(-3, decimals + 1);
      long unscaled = r.nextInt(4) == 0 ? r.nextLong(0, 1_000) : r.nextLong(0, Long.MAX_VALUE);
      BigDecimal value = BigDecimal.valueOf(unscaled, scale);

      assertThat(new ChecksumText().krakenDigits(value, decimals).text())
          .as("%s with %d decimals", value, decimals)
          .isEqualTo(documented(value, decimals));
    }
  }

  @Test
  void trailingZerosBeyondThePrecisionAreDroppedAndRealDigitsRefused() {
    assertThat(new ChecksumText().krakenDigits(new BigDecimal("0.0500000000"), 5).text()).isEqualTo("5000");
    assertThatThrownBy(() -> new ChecksumText().krakenDigits(new BigDecimal("0.050001"), 5))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void zeroNegativeAndValuesBeyondALongKeepTheFormattedSpelling() {
    BigDecimal huge = new BigDecimal(new BigInteger("123456789012345678901234567890"), 3);
    BigDecimal[] values = {
      new BigDecimal("0.00000"), BigDecimal.ZERO, new BigDecimal("-0.05"), new BigDecimal("-12.5"), huge, huge.negate(),
      new BigDecimal("1E+2"), new BigDecimal("999999999999999999"), new BigDecimal("9999999999999999999")
    };
    for (BigDecimal v : values) {
      assertThat(new ChecksumText().krakenDigits(v, 5).text()).as("%s", v).isEqualTo(documented(v, 5));
    }
  }

  @Test
  void theBufferGrowsPastItsInitialSize() {
    ChecksumText text = new ChecksumText();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.krakenDigits(new BigDecimal("65000.01"), 8);
      expected.append("6500001000000");
    }
    assertThat(text.text()).isEqualTo(expected.toString());
  }
}
