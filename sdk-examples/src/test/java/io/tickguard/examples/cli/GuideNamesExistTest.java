package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.TickGuardException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The user guide names only what exists, and names all of it: every builder setter in
 * configuration.md against the public API (both ways), every exception in troubleshooting.md
 * against the public subclasses of {@link TickGuardException} (both ways), every command and option
 * of the command line in cli.md.
 */
class GuideNamesExistTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final List<String> PACKAGES = List.of("io.tickguard.core", "io.tickguard.core.tls", "io.tickguard.core.throttle", "io.tickguard.core.security",
      "io.tickguard.core.resilience", "io.tickguard.core.token", "io.tickguard.core.stream", "io.tickguard.market", "io.tickguard.market.insightease", "io.tickguard.crypto", "io.tickguard.crypto.binance",
      "io.tickguard.crypto.kraken", "io.tickguard.crypto.coinbase", "io.tickguard.crypto.insightease", "io.tickguard.forex.oanda",
      "io.tickguard.forex.insightease", "io.tickguard.forex.saxo", "io.tickguard.redis");
  private static final Pattern SECTION = Pattern.compile("^## `([A-Za-z.]+)`\\s*$");
  private static final Pattern SETTER_ROW = Pattern.compile("^\\| `([a-zA-Z][a-zA-Z0-9]*)\\(([^)]*)\\)` \\|");

  private static String read(String name) throws IOException {
    return Files.readString(DOCS.resolve(name));
  }

  /** Section class name to the setter signatures its table lists, as {@code name(Type, Type)}. */
  static Map<String, Set<String>> documentedSetters(String markdown) {
    Map<String, Set<String>> sections = new LinkedHashMap<>();
    String current = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        current = s.group(1);
        sections.put(current, new TreeSet<>());
        continue;
      }
      Matcher row = SETTER_ROW.matcher(line);
      if (row.find() && current != null) {
        String params = Arrays.stream(row.group(2).split(",")).map(String::trim).filter(p -> !p.isEmpty())
            .map(p -> p.replace("...", "[]")).collect(Collectors.joining(", "));
        sections.get(current).add(row.group(1) + "(" + params + ")");
      }
    }
    return sections;
  }

  static Class<?> resolve(String dottedName) {
    String binary = dottedName.replace('.', '$');
    for (String pkg : PACKAGES) {
      try {
        return Class.forName(pkg + "." + binary);
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    throw new AssertionError("configuration.md names `" + dottedName + "`, which is no class in " + PACKAGES);
  }

  static Set<String> publicSetters(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !Modifier.isStatic(m.getModifiers())
          && !Set.of("toString", "equals", "hashCode").contains(m.getName())) {
        names.add(m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")");
      }
    }
    return names;
  }

  @Test
  void configurationGuideListsExactlyThePublicSettersOfEveryBuilder() throws IOException {
    Map<String, Set<String>> documented = documentedSetters(read("configuration.md"));
    assertThat(documented.keySet()).contains("ClientConfig.Builder", "TlsConfig.Builder", "InProcessThrottle.Builder",
        "StandardResiliencePolicy.Builder", "ApiClient.Builder", "MarketDataClientBuilder", "BinanceClient.Builder",
        "KrakenClient.Builder", "CoinbaseClient.Builder", "InsighteaseClient.Builder", "OandaClient.Builder",
        "InsighteaseForexClient.Builder", "SaxoClient.Builder");
    documented.forEach((section, setters) -> assertThat(setters).as("configuration.md section %s", section)
        .containsExactlyInAnyOrderElementsOf(publicSetters(resolve(section))));
  }

  @Test
  void configurationGuideStatesTheClientConfigDefaultsTheCodeHas() throws IOException {
    String guide = read("configuration.md");
    ClientConfig defaults = ClientConfig.builder("https://example.com").build();
    Map<String, Duration> timeouts = Map.of("connectTimeout", defaults.connectTimeout(), "readTimeout", defaults.readTimeout(),
        "writeTimeout", defaults.writeTimeout(), "callTimeout", defaults.callTimeout());
    timeouts.forEach((name, value) -> assertThat(guide).as(name).contains("| `" + name + "(Duration)` | " + value.toSeconds() + " s |"));
    assertThat(guide).contains("| `maxResponseBytes(long)` | " + defaults.maxResponseBytes() / (1024 * 1024) + " MiB |");
  }

  @Test
  void parserFindsSettersAndWouldCatchAMisspelledOne() {
    Map<String, Set<String>> parsed = documentedSetters("## `TlsConfig.Builder`\n| `pin(String, String...)` | x |\n| `pinn(String)` | y |\n");
    assertThat(parsed.get("TlsConfig.Builder")).containsExactly("pin(String, String[])", "pinn(String)");
    assertThat(publicSetters(resolve("TlsConfig.Builder"))).doesNotContain("pinn(String)");
  }

  @Test
  void troubleshootingGuideCoversExactlyThePublicExceptions() throws IOException {
    Pattern heading = Pattern.compile("^### `([A-Za-z]+)`\\s*$", Pattern.MULTILINE);
    Set<String> documented = new TreeSet<>();
    Matcher m = heading.matcher(read("troubleshooting.md"));
    while (m.find()) {
      documented.add(m.group(1));
    }
    Set<String> inCode = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tickguard.core", "io.tickguard.market", "io.tickguard.crypto", "io.tickguard.forex", "io.tickguard.testkit").stream()
        .filter(c -> c.isAssignableTo(TickGuardException.class) && c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    assertThat(inCode).as("public exceptions in the code").contains("TickGuardException", "ClockSkewException");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(inCode);
  }

  @Test
  void cliGuideNamesEveryCommandAndEveryOption() throws IOException {
    String guide = read("cli.md");
    CommandLine cli = new TickGuardCli(CliContext.system()).commandLine();
    List<String> missing = new ArrayList<>();
    checkCommands(cli, "", guide, missing);
    assertThat(missing).as("named nowhere in docs/cli.md").isEmpty();
  }

  /** Every subcommand (nested ones as {@code fx quote}) is a table row, and each of its options is named. */
  private static void checkCommands(CommandLine parent, String prefix, String guide, List<String> missing) {
    parent.getSubcommands().forEach((name, sub) -> {
      String qualified = prefix + name;
      if (!guide.contains("| `" + qualified) && !guide.contains("`" + qualified + " ")) {
        missing.add("command " + qualified);
      }
      for (OptionSpec o : sub.getCommandSpec().options()) {
        String longName = o.longestName();
        if (!o.hidden() && !o.usageHelp() && !o.versionHelp() && !guide.contains("`" + longName) && !guide.contains(longName + " ")) {
          missing.add(qualified + " " + longName);
        }
      }
      if (!"help".equals(name)) {
        checkCommands(sub, qualified + " ", guide, missing);
      }
    });
  }
}
