package io.tickguard.examples.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        .contains("does not export io.tickguard.market.internal to module consumer");
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
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of(
        "--module-path", modulePath, "-d", dir.resolve("out").toString(),
        src.resolve("module-info.java").toString(), pkg.resolve(className + ".java").toString()));
    int status = javac.getTask(out, null, null, args, null, null).call() ? 0 : 1;
    return status == 0 ? "" : out.toString();
  }

  private static String modulePath() {
    return Pattern.compile(Pattern.quote(File.pathSeparator))
        .splitAsStream(System.getProperty("java.class.path"))
        .filter(e -> MODULE_PATH_ENTRY.matcher(e).matches())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
