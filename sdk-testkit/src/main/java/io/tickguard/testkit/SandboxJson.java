package io.tickguard.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The sandbox's JSON writer: routes build trees with it and never share the client's DTOs. */
public final class SandboxJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SandboxJson() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new empty JSON array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code node} serialized compactly. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Parses {@code json}; for tests and for routes that accept JSON bodies. */
  public static JsonNode read(String json) {
    return MAPPER.readTree(json);
  }
}
