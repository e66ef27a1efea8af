package io.tickguard.core.tls.internal;

import io.tickguard.core.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Immutable map from host pattern to its accepted pins. A pattern is an exact host name or IP
 * address, or {@code *.example.com}, which matches exactly one extra label ({@code api.example.com},
 * not {@code example.com} nor {@code a.b.example.com}), like a wildcard certificate.
 */
public final class PinTable {
  private final Map<String, Set<String>> pinsByPattern;

  private PinTable(Map<String, Set<String>> pinsByPattern) {
    this.pinsByPattern = pinsByPattern;
  }

  /** An empty table. */
  public static PinTable empty() {
    return new PinTable(Map.of());
  }

  /** Returns a table that also accepts {@code pins} for {@code host}, after validating both. */
  public PinTable with(String host, List<String> pins) {
    String pattern = normalizeHost(host);
    if (pins.isEmpty()) {
      throw new InvalidRequestException("pin", "No pins given for host '" + pattern + "'");
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>(pinsByPattern);
    Set<String> merged = new LinkedHashSet<>(copy.getOrDefault(pattern, Set.of()));
    for (String pin : pins) {
      String problem = SpkiPins.problemWith(pin);
      if (problem != null) {
        throw new InvalidRequestException("pin", 
            "Invalid certificate pin for host '" + pattern + "': '" + pin + "': " + problem
                + ". Expected 'sha256/' followed by the Base64 SHA-256 of the SubjectPublicKeyInfo.");
      }
      merged.add(pin);
    }
    copy.put(pattern, Set.copyOf(merged));
    return new PinTable(Map.copyOf(copy));
  }

  /** The pins accepted for {@code host}: those of its exact entry and of a matching wildcard. */
  public Set<String> pinsFor(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    Set<String> result = new LinkedHashSet<>(pinsByPattern.getOrDefault(name, Set.of()));
    int dot = name.indexOf('.');
    if (dot > 0) {
      result.addAll(pinsByPattern.getOrDefault("*" + name.substring(dot), Set.of()));
    }
    return Set.copyOf(result);
  }

  /** {@code true} when no host has pins. */
  public boolean isEmpty() {
    return pinsByPattern.isEmpty();
  }

  /** Host pattern to pins, read-only. */
  public Map<String, Set<String>> asMap() {
    return pinsByPattern;
  }

  private static String normalizeHost(String host) {
    if (host == null || host.isBlank()) {
      throw new InvalidRequestException("pin", "A pinned host must not be blank");
    }
    String name = host.trim().toLowerCase(Locale.ROOT);
    boolean wildcard = name.startsWith("*.");
    String rest = wildcard ? name.substring(2) : name;
    if (rest.isEmpty() || rest.contains("*") || rest.contains("/") || rest.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidRequestException("pin", 
          "Invalid pinned host '" + host + "': give a host name such as 'api.example.com' or"
              + " '*.example.com', without scheme, port or path");
    }
    return name;
  }

  @Override
  public String toString() {
    return pinsByPattern.toString();
  }
}
