package io.tickguard.crypto.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CompactTextTest {

  private static CompactText loaded(String text) {
    CompactText in = new CompactText(4);
    assertThat(in.load(text)).isTrue();
    return in;
  }

  @Test
  void aMessageLongerThanTheCapIsNotLoadedAndAShorterOneGrowsTheBuffer() {
    CompactText in = new CompactText(4);
    assertThat(in.load("x".repeat(CompactText.MAX_CHARS + 1))).isFalse();
    assertThat(in.load("\"" + "y".repeat(100))).isTrue();
    assertThat(in.skip('"')).isTrue();
    assertThat(in.position()).isEqualTo(1);
  }

  @Test
  void decimalsKeepTheWireScaleAndRefuseWhatIsNotPlainOrTooLong() {
    assertThat(loaded("\"0.10000000\"").decimal()).isEqualTo(new BigDecimal("0.10000000"));
    assertThat(loaded("\"123456789012345678\"").decimal()).isEqualTo(new BigDecimal("123456789012345678"));
    for (String refused : new String[] {"\"1234567890123456789\"", "\"1e5\"", "\"-1\"", "\".5\"", "\"5.\"", "\"1.2.3\"", "1.5", "\"1.5"}) {
      CompactText in = loaded(refused);
      assertThat(in.decimal()).as(refused).isNull();
      assertThat(in.position()).as(refused).isZero();
    }
  }

  @Test
  void numbersKeepTheWireScaleAndRefuseSignsLeadingZerosQuotesAndMoreThanEighteenDigits() {
    CompactText ok = loaded("0.10000000,");
    assertThat(ok.number()).isEqualTo(new BigDecimal("0.10000000")).extracting(BigDecimal::scale).isEqualTo(8);
    assertThat(ok.next()).isEqualTo(',');
    assertThat(loaded("45283}").number()).isEqualTo(new BigDecimal("45283"));
    assertThat(loaded("0}").number()).isEqualTo(BigDecimal.ZERO);
    assertThat(loaded("0.00000000000000001}").number()).isEqualTo(new BigDecimal("0.00000000000000001"));
    CompactText exponent = loaded("1.5e3");
    assertThat(exponent.number()).isEqualTo(new BigDecimal("1.5")); // the caller sees the 'e' and declines
    assertThat(exponent.next()).isEqualTo('e');
    for (String refused : new String[] {"1234567890123456789", "0.1234567890123456789", "12345678901.12345678", "01",
        "00.5", "-1", ".5", "5.", "\"1.5\"", "", "x"}) {
      CompactText in = loaded(refused);
      assertThat(in.number()).as(refused).isNull();
      assertThat(in.position()).as(refused).isZero();
    }
  }

  @Test
  void afterAnElementComesAnotherTheEndOrNeither() {
    CompactText in = loaded(",]x");
    assertThat(in.afterElement()).isEqualTo(CompactText.MORE);
    assertThat(in.afterElement()).isEqualTo(CompactText.END);
    assertThat(in.afterElement()).isEqualTo(CompactText.NEITHER);
    assertThat(in.afterElement()).isEqualTo(CompactText.NEITHER);
  }

  @Test
  void integersRefuseASignALeadingZeroAndMoreThanEighteenDigits() {
    CompactText ok = loaded("0,");
    assertThat(ok.integer()).isZero();
    assertThat(ok.next()).isEqualTo(',');
    assertThat(loaded("123456789012345678}").integer()).isEqualTo(123456789012345678L);
    for (String refused : new String[] {"1234567890123456789", "01", "-1", "", "x"}) {
      CompactText in = loaded(refused);
      assertThat(in.integer()).as(refused).isEqualTo(-1);
      assertThat(in.position()).as(refused).isZero();
    }
  }

  @Test
  void plainTextStopsAtTheQuoteAndRefusesEscapesControlsAndNonAscii() {
    CompactText ok = loaded("BTC-USD\"}");
    assertThat(ok.plainText()).isEqualTo(7);
    assertThat(ok.skip('}')).isTrue();
    assertThat(ok.atEnd()).isTrue();
    for (String refused : new String[] {"a\\\"b\"", "a\tb\"", "caf\u00e9\"", "unterminated", "x".repeat(129) + "\""}) {
      CompactText in = loaded(refused);
      assertThat(in.plainText()).as(refused).isEqualTo(-1);
      assertThat(in.position()).as(refused).isZero();
    }
  }

  @Test
  void nextAnswersZeroAtTheEnd() {
    CompactText in = loaded("]");
    assertThat(in.next()).isEqualTo(']');
    assertThat(in.next()).isEqualTo((char) 0);
    assertThat(in.skip("]".toCharArray())).isFalse();
  }

  @Test
  void textComesFromTheCacheSoARepeatedSymbolIsTheSameString() {
    TextCache cache = new TextCache();
    CompactText in = loaded("BTC-USD\"");
    String first = in.text(cache, 0, in.plainText());
    in.load("BTC-USD\"");
    String again = in.text(cache, 0, in.plainText());
    assertThat(first).isEqualTo("BTC-USD");
    assertThat(again).isSameAs(first);
  }
}
