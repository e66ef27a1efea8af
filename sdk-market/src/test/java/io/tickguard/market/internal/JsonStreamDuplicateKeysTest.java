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

  private static final KnownNames LEVEL = KnownNames.of("price", "qty", "side");

  /** Every member of the one object {@code json} as read with {@link #LEVEL}: known names by number, others by name. */
  private static List<String> readMembers(String json) {
    List<String> read = new ArrayList<>();
    try (JsonStream in = JsonStream.of(json)) {
      in.next(JsonToken.START_OBJECT, "body");
      for (int m = in.nextMember(LEVEL); m != JsonStream.END; m = in.nextMember(LEVEL)) {
        read.add(m == JsonStream.UNKNOWN ? "?" + in.currentName() : LEVEL.name(m));
        in.next();
        in.skipCurrent();
      }
      in.end();
    }
    return read;
  }

  @Test
  void membersReadWithANameSetComeByNumberAndOthersAreReportedUnknown() {
    assertThat(readMembers("{\"qty\":\"2\",\"event_time\":\"t\",\"price\":\"1\",\"side\":\"bid\",\"x\":{\"price\":1}}"))
        .containsExactly("qty", "?event_time", "price", "side", "?x");
  }

  @Test
  void aRepeatedMemberOfTheNameSetIsRefused() {
    assertThatThrownBy(() -> readMembers("{\"price\":\"1\",\"qty\":\"2\",\"price\":\"3\"}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'price'");
    assertThatThrownBy(() -> readMembers("{\"side\":\"bid\",\"side\":\"offer\"}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'side'");
  }

  @Test
  void aRepeatedMemberOutsideTheNameSetIsRefused() {
    assertThatThrownBy(() -> readMembers("{\"price\":\"1\",\"event_time\":1,\"qty\":\"2\",\"event_time\":2}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'event_time'");
  }

  @Test
  void aRepeatInsideAValueSkippedUnderANameSetIsRefused() {
    assertThatThrownBy(() -> readMembers("{\"price\":\"1\",\"x\":[{\"price\":1,\"price\":2}]}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("duplicate field 'price'");
  }

  @Test
  void aNameOfTheSetRepeatedThroughAnotherReadingMethodIsRefused() {
    try (JsonStream in = JsonStream.of("{\"price\":\"1\",\"qty\":\"2\",\"price\":\"3\"}")) {
      in.next(JsonToken.START_OBJECT, "body");
      assertThat(in.nextMember(LEVEL)).isEqualTo(0);
      in.next();
      assertThat(in.nextName()).isEqualTo("qty"); // the set still applies to this object
      in.next();
      assertThatThrownBy(in::nextName).isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("duplicate field 'price'");
    }
  }

  @Test
  void sameNamesInSiblingObjectsReadWithANameSetAreNotRepeats() {
    try (JsonStream in = JsonStream.of("[{\"price\":\"1\",\"qty\":\"2\"},{\"qty\":\"3\",\"price\":\"4\",\"q\":5}]")) {
      in.next(JsonToken.START_ARRAY, "body");
      int members = 0;
      while (in.nextElement()) {
        for (int m = in.nextMember(LEVEL); m != JsonStream.END; m = in.nextMember(LEVEL)) {
          in.next();
          members++;
        }
      }
      in.end();
      assertThat(members).isEqualTo(5);
    }
  }

  @Test
  void anObjectIsReadWithOneNameSetFromItsFirstMemberOn() {
    try (JsonStream in = JsonStream.of("{\"price\":\"1\",\"qty\":\"2\"}")) {
      in.next(JsonToken.START_OBJECT, "body");
      assertThat(in.nextName()).isEqualTo("price");
      in.next();
      assertThatThrownBy(() -> in.nextMember(LEVEL)).isInstanceOf(IllegalStateException.class);
    }
    try (JsonStream in = JsonStream.of("{\"price\":\"1\",\"qty\":\"2\"}")) {
      in.next(JsonToken.START_OBJECT, "body");
      assertThat(in.nextMember(LEVEL)).isEqualTo(0);
      in.next();
      assertThatThrownBy(() -> in.nextMember(KnownNames.of("qty"))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aNameSetRefusesRepeatsAndHoldsOneToSixtyFourNames() {
    assertThatThrownBy(() -> KnownNames.of("a", "b", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(KnownNames::of).isInstanceOf(IllegalArgumentException.class);
    String[] many = new String[65];
    for (int i = 0; i < many.length; i++) {
      many[i] = "n" + i;
    }
    assertThatThrownBy(() -> KnownNames.of(many)).isInstanceOf(IllegalArgumentException.class);
    KnownNames all = KnownNames.of(java.util.Arrays.copyOf(many, 64));
    assertThat(all.indexOf("n63")).isEqualTo(63);
    assertThat(all.indexOf("n64")).isEqualTo(-1);
  }

  @Test
  void theSixtyFourthNameOfASetIsRefusedWhenRepeated() {
    String[] names = new String[64];
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 64; i++) {
      names[i] = "n" + i;
      json.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":").append(i);
    }
    KnownNames set = KnownNames.of(names);
    try (JsonStream in = JsonStream.of(json + ",\"n63\":1}")) {
      in.next(JsonToken.START_OBJECT, "body");
      for (int i = 0; i < 64; i++) {
        assertThat(in.nextMember(set)).isEqualTo(i);
        in.next();
      }
      assertThatThrownBy(() -> in.nextMember(set)).isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("duplicate field 'n63'");
    }
  }
}
