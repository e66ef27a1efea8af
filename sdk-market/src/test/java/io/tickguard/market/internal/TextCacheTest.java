package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCacheTest {

  private static String read(TextCache cache, String value) {
    char[] chars = ("xx" + value + "yy").toCharArray();
    return cache.text(chars, 2, value.length());
  }

  @Test
  void aRepeatedValueComesBackAsTheSameInstanceWithTheSameText() {
    TextCache cache = new TextCache();
    String first = read(cache, "BTCUSDT");
    assertThat(first).isEqualTo("BTCUSDT");
    assertThat(read(cache, "BTCUSDT")).isSameAs(first);
    assertThat(read(cache, "depthUpdate")).isEqualTo("depthUpdate");
    assertThat(read(cache, "")).isEmpty();
  }

  @Test
  void valuesThatShareASlotOrAHashAreNeverConfused() {
    TextCache cache = new TextCache();
    // "Aa" and "BB" have the same String hash, so they share a slot: each read must still be exact.
    for (int n = 0; n < 3; n++) {
      assertThat(read(cache, "Aa")).isEqualTo("Aa");
      assertThat(read(cache, "BB")).isEqualTo("BB");
    }
    for (int i = 0; i < 1_000; i++) {
      String v = "sym" + i;
      assertThat(read(cache, v)).isEqualTo(v);
    }
  }

  @Test
  void aLongValueIsReadExactlyButNotKept() {
    TextCache cache = new TextCache();
    String longValue = "x".repeat(TextCache.MAX_LENGTH + 1);
    String first = read(cache, longValue);
    assertThat(first).isEqualTo(longValue);
    assertThat(read(cache, longValue)).isEqualTo(longValue).isNotSameAs(first);
  }

  @Test
  void valuesAlikeAtBothEndsAreToldApartByTheirMiddle() {
    TextCache cache = new TextCache();
    // Same length, same first and last two characters: the same slot, different text.
    for (int n = 0; n < 3; n++) {
      String btc = read(cache, "BTC-USD");
      String bxc = read(cache, "BTX-USD");
      assertThat(btc).isEqualTo("BTC-USD");
      assertThat(bxc).isEqualTo("BTX-USD");
    }
    assertThat(read(cache, "bid")).isEqualTo("bid");
    assertThat(read(cache, "bad")).isEqualTo("bad");
    assertThat(read(cache, "bid")).isEqualTo("bid");
  }

  @Test
  void anEmptyAndAOneCharacterValueAreKeptAndReadExactly() {
    TextCache cache = new TextCache();
    String empty = read(cache, "");
    assertThat(read(cache, "")).isSameAs(empty).isEmpty();
    String a = read(cache, "a");
    assertThat(read(cache, "a")).isSameAs(a).isEqualTo("a");
    assertThat(read(cache, "b")).isEqualTo("b");
  }
}
