package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

/**
 * {@link JsonStream} refuses repeated member names itself (the parser's own detection is off to
 * save a set per object): in read objects, in skipped ones, at any depth, in small and large objects.
 */
class JsonStreamDuplicateKeysTest {

  @Test
  void aRepeatedMemberOfAReadObjectIsRefused() {
    assertThatThrownBy(() -> readAllNames("{\"price\":\"1\",\"qty\":\"2\",\"price\":\"3\"}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'price'");
  }

  @Test
  void aRepeatedMemberInsideASkippedValueIsRefused() {
    try (JsonStream in = JsonStream.of("{\"ignored\":[{\"a\":1,\"b\":{\"c\":1,\"c\":2}}],\"x\":1}")) {
      in.next(JsonToken.START_OBJECT, "body");
      assertThat(in.nextName()).isEqualTo("ignored");
      in.next();
      assertThatThrownBy(in::skipCurrent).isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("duplicate field 'c'");
    }
  }

  @Test
  void theSameNameInSiblingAndNestedObjectsIsNotARepeat() {
    List<String> names = readAllNames(
        "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}],\"c\":{\"a\":1}}");

    assertThat(names).containsExactly("a", "a", "a", "b", "a", "b", "a", "b", "c", "a");
  }

  @Test
  void largeObjectsAreCheckedBeyondTheFirstSixteenMembers() {
    StringBuilder ok = new StringBuilder("{");
    for (int i = 0; i < 200; i++) {
      ok.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    assertThat(readAllNames(ok + "}")).hasSize(200);

    assertThatThrownBy(() -> readAllNames(ok + ",\"k150\":1}"))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("duplicate field 'k150'");
    assertThatThrownBy(() -> readAllNames(ok + ",\"k3\":1}"))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("duplicate field 'k3'");
  }

  @Test
  void anObjectReopenedAtTheSameDepthStartsWithNoNames() {
    assertThat(readAllNames("[{\"a\":1,\"b\":2},{\"a\":1,\"b\":2},{\"b\":1,\"a\":2}]")).hasSize(6);
  }

  /** Every member name in document order, read token by token. */
  private static List<String> readAllNames(String json) {
    List<String> names = new ArrayList<>();
    try (JsonStream in = JsonStream.of(json)) {
      JsonToken t;
      while ((t = in.next()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          names.add(in.currentName());
        }
      }
    }
    return names;
  }

  @Test
  void readersOpenAtOnceOnOneThreadKeepTheirOwnMemberNames() {
    try (JsonStream outer = JsonStream.of("{\"a\":1,\"b\":2,\"a\":3}")) {
      outer.next(JsonToken.START_OBJECT, "body");
      assertThat(outer.nextName()).isEqualTo("a");
      outer.next();
      // A second reader on the same thread, opened and closed while the first is mid-object.
      assertThat(readAllNames("{\"b\":1,\"a\":2}")).containsExactly("b", "a");
      assertThat(outer.nextName()).isEqualTo("b");
      outer.next();
      assertThatThrownBy(outer::nextName).isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("duplicate field 'a'");
    }
  }

  @Test
  void aMessageReadAfterARefusedOneStartsWithNoNamesSeen() {
    assertThatThrownBy(() -> readAllNames("{\"x\":{\"p\":1,\"p\":2}}")).isInstanceOf(InvalidResponseException.class);
    assertThat(readAllNames("{\"x\":{\"p\":1,\"q\":2}}")).containsExactly("x", "p", "q");
  }
}
