package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.saxo.SaxoRoutes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickguard login saxo} against a standalone sandbox, with the test playing the user's
 * browser: it reads the login URL the command prints, opens it over the sandbox's TLS (the demo user
 * is logged in at once) and follows the redirect to the command's loopback listener. The session
 * lands in an owner-only file that {@code fx -p saxo} resumes; a redirect with another state is
 * refused.
 */
class LoginSaxoCommandTest {
  private static final Pattern LOGIN_URL = Pattern.compile("(https://\\S+" + Pattern.quote(SaxoRoutes.AUTHORIZE_PATH) + "\\S*)");
  private static final long HANG_GUARD_SECONDS = 60;

  private SandboxServer sandbox;
  private Path ca;
  private OkHttpClient browser;
  private final OkHttpClient loopback = new OkHttpClient.Builder().followRedirects(false).build();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    sandbox = CliHarness.standalone();
    ca = dir.resolve("ca.pem");
    Files.writeString(ca, sandbox.caCertificatePem(), StandardCharsets.US_ASCII);
    OkHttpClient.Builder b = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false);
    sandbox.tlsConfig().applyTo(b);
    browser = b.build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** Collects what the command prints and wakes whoever waits for a line. */
  private static final class Watched extends ByteArrayOutputStream {
    synchronized String text() {
      return toString(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, len);
      notifyAll();
    }

    @Override
    public synchronized void write(int b) {
      super.write(b);
      notifyAll();
    }

    /** Waits until the printed text matches {@code pattern}; the bound only stops a hung test. */
    synchronized Matcher await(Pattern pattern) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
      while (true) {
        Matcher m = pattern.matcher(text());
        if (m.find()) {
          return m;
        }
        long left = deadline - System.nanoTime();
        assertThat(left).as("the command printed no login URL; it printed: " + text()).isPositive();
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private record Run(CompletableFuture<Integer> exit, Watched out, Watched err) {}

  private Run run(String... args) {
    Watched out = new Watched();
    Watched err = new Watched();
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("SAXO_APP_KEY", SaxoRoutes.CLIENT_ID), false, SandboxLauncher.embedded(), Duration.ofDays(1));
    return new Run(CompletableFuture.supplyAsync(() -> new TickGuardCli(context).execute(args)), out, err);
  }

  /** Plays the browser: the login page, then its redirect (rewritten by {@code tamper}) to the loopback listener. */
  private void logIn(String loginUrl, UnaryOperator<HttpUrl> tamper) throws Exception {
    String location;
    try (Response page = browser.newCall(new Request.Builder().url(loginUrl).build()).execute()) {
      assertThat(page.code()).isEqualTo(302);
      location = page.header("Location");
    }
    HttpUrl redirect = tamper.apply(HttpUrl.get(location));
    assertThat(redirect.host()).isEqualTo("127.0.0.1");
    try (Response back = loopback.newCall(new Request.Builder().url(redirect).build()).execute()) {
      back.body().string();
    }
  }

  private List<String> remote(String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--base-url", sandbox.baseUrl(), "--ca-file", ca.toString(), "--pin", sandbox.pin()));
    return args;
  }

  @Test
  void loginPrintsTheUrlTakesTheRedirectStoresTheSessionOwnerOnlyAndFxResumesIt() throws Exception {
    Path tokens = dir.resolve("home").resolve(".tickguard").resolve("saxo.token");
    List<String> args = remote("login", "saxo", "--token-file", tokens.toString(), "--timeout", "1m");
    Run login = run(args.toArray(String[]::new));

    String url = login.err().await(LOGIN_URL).group(1);
    assertThat(HttpUrl.get(url).queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(HttpUrl.get(url).queryParameter("redirect_uri")).startsWith("http://127.0.0.1:");
    logIn(url, UnaryOperator.identity());

    assertThat(login.exit().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as(login.err().text()).isZero();
    assertThat(login.out().text()).contains("logged in to Saxo", tokens.toString());
    assertThat(Files.exists(tokens)).isTrue();
    if (tokens.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(tokens)).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    List<String> quote = remote("fx", "quote", "EUR/USD", "-p", "saxo", "--token-file", tokens.toString(), "--json");
    Run fx = run(quote.toArray(String[]::new));
    assertThat(fx.exit().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as(fx.err().text()).isZero();
    assertThat(fx.out().text()).contains("\"type\":\"fxQuote\"", "\"provider\":\"saxo\"", "\"pair\":\"EUR/USD\"");
  }

  @Test
  void aRedirectWithAnotherStateIsRefusedAndNothingIsStored() throws Exception {
    Path tokens = dir.resolve("saxo.token");
    Run login = run(remote("login", "saxo", "--token-file", tokens.toString(), "--timeout", "1m").toArray(String[]::new));
    String url = login.err().await(LOGIN_URL).group(1);
    logIn(url, redirect -> redirect.newBuilder().setQueryParameter("state", "forged-state").build());

    assertThat(login.exit().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CALL_FAILED);
    assertThat(login.err().text()).contains("AuthenticationException").contains("state");
    assertThat(Files.exists(tokens) && Files.size(tokens) > 0).as("no session stored").isFalse();
  }

  @Test
  void fxWithoutASessionSaysToLogInFirst() throws Exception {
    Run fx = run(remote("fx", "quote", "EUR/USD", "-p", "saxo", "--token-file", dir.resolve("none.token").toString())
        .toArray(String[]::new));
    assertThat(fx.exit().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(fx.err().text()).contains("tickguard login saxo");
  }
}
