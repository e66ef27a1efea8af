package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: the sandbox's default demo keys are least-privilege, so the signed commands against the
 * embedded sandbox report no over-privileged key: {@code balances --verbose} prints every security
 * event (an over-privileged key would be an {@code OVER_PRIVILEGED_KEY} line, and an ERROR log line)
 * and {@code doctor} shows the key permission report as a pass.
 */
class DemoKeysLeastPrivilegeTest {
  private final CliHarness cli = new CliHarness();

  @ParameterizedTest
  @ValueSource(strings = {"binance", "coinbase"})
  void signedCommandsAgainstTheDefaultSandboxReportNoOverPrivilegedKey(String provider) {
    assertThat(cli.run("balances", "-p", provider, "--verbose")).as(cli.err()).isZero();
    assertThat(cli.err()).contains("audit: GET 127.0.0.1 ")
        .doesNotContain("OVER_PRIVILEGED_KEY").doesNotContain("security: ");
    assertThat(cli.run("doctor", "-p", provider)).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).containsPattern("pass +key perms +\\S+ key \\S+: LEAST_PRIVILEGE")
        .doesNotContain("OVER_PRIVILEGED");
  }
}
