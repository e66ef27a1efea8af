package io.tickguard.core;

/** TickGuard's version, read from the jar manifest when there is one. */
public final class Version {
  /** The version, or {@code dev} when running from classes outside a jar. */
  public static final String VERSION = readVersion();

  /** {@code tickguard-java/<version>}: the User-Agent prefix of every request. */
  public static final String USER_AGENT = "tickguard-java/" + VERSION;

  private Version() {}

  private static String readVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
