package io.tickguard.examples.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own module on the module path: it compiles against TickGuard's exported API and cannot
 * compile against an {@code internal} package, which is what the module descriptors promise. The
 * library modules and their dependencies come from this test's class path, put on the module path.
 */
class ModulePathConsumerTest {
  /** The TickGuard modules a consumer reads and the libraries they require. */
  private static final Pattern MODULE_PATH_ENTRY = Pattern.compile(
      ".*(sdk-(core|market|crypto|forex)[/\\\\]target[/\\\\]classes"
          + "|(tickguard-(core|market|crypto|forex)|okhttp-jvm|okio-jvm|kotlin-stdlib|jackson-core|jackson-databind|jackson-annotations"
          + "|resilience4j-(core|circuitbreaker|bulkhead|retry)|bcprov-jdk18on|bcpkix-jdk18on|bcutil-jdk18on"
          + "|slf4j-api)-[0-9][^/\\\\]*(?<!-tests)\\.jar)$");

  @TempDir Path dir;

  @Test
  void aConsumerModuleCompilesAgainstTheExportedApi() throws IOException {
    String errors = compile("""
        module consumer { requires io.tickguard.crypto; requires io.tickguard.forex; }
        """, """
        package consumer;
        import io.tickguard.core.ClientConfig;
        import io.tickguard.crypto.Symbol;
        import io.tickguard.crypto.binance.BinanceClient;
        import io.tickguard.forex.CurrencyPair;
        public final class Bot {
          public static void main(String[] args) {
            ClientConfig config = ClientConfig.builder("https://api.binance.com").build();
            try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
              System.out.println(Symbol.of("BTC", "USDT") + " " + CurrencyPair.parse("EUR/USD") + " " + binance);
            }
          }
        }
        """);
    assertThat(errors).isEmpty();
  }

  @Test
  void aConsumerModuleCannotCompileAgainstAnInternalPackage() throws IOException {
    String errors = compile("""
        module consumer { requires io.tickguard.crypto; }
        """, """
        package consumer;
        import io.tickguard.market.internal.Decimals;
        public final class Sneaky {
          Object decimals() { return Decimals.class; }
        }
        """);
    assertThat(errors).contains("package io.tickguard.market.internal is not visible")
        .contains("is declared in module io.tickguard.market, which does not export it");
  }

  private String compile(String moduleInfo, String source) throws IOException {
    Path src = dir.resolve("src");
    Path pkg = Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    String className = source.contains("class Bot") ? "Bot" : "Sneaky";
    Files.writeString(pkg.resolve(className + ".java"), source);
    String modulePath = modulePath();
    assertThat(modulePath).containsPattern("(sdk|tickguard)-core").containsPattern("(sdk|tickguard)-crypto").contains("okhttp-jvm");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics,
        // An empty class path: the in-process compiler would otherwise inherit this JVM's.
        "--class-path", Files.createDirectories(dir.resolve("empty")).toString(),
        "--module-path", modulePath, "-d", dir.resolve("out").toString(),
        src.resolve("module-info.java").toString(), pkg.resolve(className + ".java").toString());
    return status == 0 ? "" : diagnostics.toString(StandardCharsets.UTF_8);
  }

  private static String modulePath() {
    return Pattern.compile(Pattern.quote(File.pathSeparator))
        .splitAsStream(System.getProperty("java.class.path"))
        .filter(e -> MODULE_PATH_ENTRY.matcher(e).matches())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
