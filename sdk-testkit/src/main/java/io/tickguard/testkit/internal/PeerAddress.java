package io.tickguard.testkit.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source address of the connection being served. MockWebServer's RecordedRequest does not carry
 * it, but MockWebServer serves each connection on a task named {@code MockWebServer /ADDRESS:PORT}
 * and its task runner names the serving thread after the task; the dispatcher runs on that thread.
 * When the name does not have that form (another MockWebServer version), the address is unknown and
 * the caller falls back to loopback; {@code PeerAddressTest} pins the behaviour.
 */
public final class PeerAddress {
  private static final Pattern NAME = Pattern.compile("MockWebServer /([0-9.]+|[0-9a-fA-F:]+):[0-9]+");

  private PeerAddress() {}

  /** The peer address of the connection the current thread serves, if known. */
  public static Optional<String> current() {
    Matcher m = NAME.matcher(Thread.currentThread().getName());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
