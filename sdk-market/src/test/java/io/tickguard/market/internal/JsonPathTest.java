package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Lazily built paths still name the refused field exactly as the eager ones did. */
class JsonPathTest {

  @Test
  void nestedElementPathsRenderLikeTheHandWrittenOnes() {
    JsonPath filter = JsonPath.element("symbols", 3).child("filters", 0);

    assertThat(filter.field("tickSize")).isEqualTo("symbols[3].filters[0].tickSize");
    assertThat(filter.self()).isEqualTo("symbols[3].filters[0]");
    assertThat(JsonPath.element("", 2).field("time")).isEqualTo("[2].time");
    assertThat(JsonPath.ROOT.field("serverTime")).isEqualTo("serverTime");
  }

  @Test
  void aRefusedTreeValueNamesItsFullPath() {
    JsonNode balance = StrictJson.mapper().readTree("{\"asset\":\"BTC\",\"free\":\"1.5x\",\"locked\":2}");
    JsonPath at = JsonPath.element("balances", 1);

    assertThat(JsonTree.text(balance, "asset", at)).isEqualTo("BTC");
    assertThat(JsonTree.decimal(balance, "locked", at)).isEqualByComparingTo(new BigDecimal("2"));
    assertThatThrownBy(() -> JsonTree.decimal(balance, "free", at))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("balances[1].free"));
    assertThatThrownBy(() -> JsonTree.text(balance, "missing", at))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("balances[1].missing"));
    assertThatThrownBy(() -> JsonTree.integer(balance, "asset", at))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("balances[1].asset"));
    assertThatThrownBy(() -> JsonTree.object(balance.get("asset"), at))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("balances[1]"));
  }

  @Test
  void aRefusedStreamValueNamesItsFullPath() {
    try (JsonStream in = JsonStream.of("{\"id\":-1,\"price\":\"abc\"}")) {
      JsonPath at = JsonPath.element("", 4);
      in.next();
      in.nextName();
      in.next();
      assertThatThrownBy(() -> in.integer(at, "id", 0, Long.MAX_VALUE))
          .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("[4].id"));
      in.nextName();
      in.next();
      assertThatThrownBy(() -> in.decimal(at, "price"))
          .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("[4].price"));
    }
  }
}
