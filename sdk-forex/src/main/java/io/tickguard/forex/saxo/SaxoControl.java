package io.tickguard.forex.saxo;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads Saxo's streaming control messages ({@code _heartbeat}, {@code _resetsubscriptions}, {@code _disconnect}). */
final class SaxoControl {
  static final String HEARTBEAT = "_heartbeat";
  static final String RESET = "_resetsubscriptions";
  static final String DISCONNECT = "_disconnect";

  private SaxoControl() {}

  /**
   * Whether a {@code _resetsubscriptions} payload (an array of control objects, or one object)
   * resets {@code referenceId}: it does when it names it, and when it names none (no or an empty
   * {@code TargetReferenceIds} means every subscription). Objects of another control type are
   * ignored.
   */
  static boolean resets(JsonNode payload, String referenceId) {
    for (JsonNode control : payload.isArray() ? payload : List.of(payload)) {
      JsonNode type = control.get("ReferenceId");
      if (type != null && type.isString() && !type.stringValue().equals(RESET)) {
        continue;
      }
      JsonNode targets = control.get("TargetReferenceIds");
      if (targets == null || targets.isNull() || (targets.isArray() && targets.isEmpty())) {
        return true;
      }
      for (JsonNode t : targets) {
        if (t.isString() && t.stringValue().equals(referenceId)) {
          return true;
        }
      }
    }
    return false;
  }
}
