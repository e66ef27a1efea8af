package io.tickguard.examples.cli;

import io.tickguard.testkit.providers.ProviderSandbox;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The forex providers of {@code tickguard fx} and where their credentials come from: environment
 * variables or a file named by an option, never an argument.
 */
enum FxProvider {
  /** OANDA v20: a personal access token and the account whose prices are asked. */
  OANDA("OANDA_API_TOKEN", "OANDA_ACCOUNT_ID", "personal access token, and the account id"),
  /** Saxo OpenAPI: the app key; the user's session comes from {@code tickguard login saxo}. */
  SAXO("SAXO_APP_KEY", null, "app key of a native app; then run: tickguard login saxo"),
  /** Insightease forex: the {@code api_key}, as for crypto. */
  INSIGHTEASE("INSIGHTEASE_API_KEY", null, "api_key (required for every call)");

  private final String secretVariable;
  private final String accountVariable;
  private final String description;

  FxProvider(String secretVariable, String accountVariable, String description) {
    this.secretVariable = secretVariable;
    this.accountVariable = accountVariable;
    this.description = description;
  }

  static List<String> ids() {
    return Arrays.stream(values()).map(FxProvider::id).toList();
  }

  /** The lower-case name used on the command line. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The variable holding the token, app key or api_key. */
  String secretVariable() {
    return secretVariable;
  }

  /** The variable holding the account id (OANDA), or {@code null}. */
  String accountVariable() {
    return accountVariable;
  }

  /** One line telling which variables to set. */
  String credentialHelp() {
    String vars = accountVariable == null ? secretVariable : secretVariable + " and " + accountVariable;
    return "export " + vars.replace(" and ", "=... and ") + "=... (" + description + ")";
  }

  /** The sandbox speaking this provider's wire format. */
  ProviderSandbox sandbox() {
    return ProviderSandbox.valueOf(name());
  }

  /** Completion candidates and the names {@code --provider} accepts. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ids().iterator();
    }
  }
}
