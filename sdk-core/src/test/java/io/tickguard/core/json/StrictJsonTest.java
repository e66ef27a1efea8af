package io.tickguard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.JsonRecyclerPools;

/** The strict settings every response decode shares, and the buffers its parsers take. */
class StrictJsonTest {

  @Test
  void parsersTakeTheirBuffersFromTheirOwnThreadNotFromOneSharedQueue() {
    assertThat(StrictJson.mapper().tokenStreamFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
    assertThat(StrictJson.builder().build().tokenStreamFactory()._getRecyclerPool())
        .isSameAs(JsonRecyclerPools.threadLocalPool());
  }

  @Test
  void repeatedKeysTrailingTokensAndNonNumbersAreRefusedWithoutQuotingTheInput() {
    for (String hostile : new String[] {"{\"price\":\"1\",\"price\":\"2\"}", "{\"a\":1} {}", "{\"a\":NaN}"}) {
      assertThatThrownBy(() -> StrictJson.readTree(hostile.getBytes(StandardCharsets.UTF_8), IllegalStateException::new))
          .as(hostile)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("not valid JSON")
          .hasMessageNotContaining("price");
    }
  }
}
