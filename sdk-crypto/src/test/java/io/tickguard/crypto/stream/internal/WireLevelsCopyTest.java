package io.tickguard.crypto.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.BookUpdateEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireLevelsCopyTest {

  private static LevelChange change(int i) {
    return new LevelChange(i % 2 == 0 ? BookSide.BID : BookSide.ASK, BigDecimal.valueOf(100 + i), BigDecimal.valueOf(i));
  }

  @Test
  void everyLengthIsCopiedInOrderIntoAnUnmodifiableListThatOutlivesTheReusedOne() {
    for (int n = 0; n <= 9; n++) {
      List<LevelChange> scratch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        scratch.add(change(i));
      }
      List<LevelChange> expected = List.copyOf(scratch);

      List<LevelChange> copy = WireLevels.immutableCopy(scratch);
      scratch.clear(); // the reader reuses its list for the next message
      scratch.add(change(42));

      assertThat(copy).as("%d changes", n).containsExactlyElementsOf(expected);
      assertThatThrownBy(() -> copy.add(change(7))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> copy.set(0, change(7))).isInstanceOf(UnsupportedOperationException.class);
      // the event keeps this list as it is: no second copy per diff
      assertThat(new BookUpdateEvent(Symbol.of("BTC", "USDT"), copy, 1).changes()).isSameAs(copy);
    }
  }
}
