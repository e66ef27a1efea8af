package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tickguard.core.ConfigurationException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.pem.PemFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a key fails to load is a ConfigurationException that names where it came from, never the value. */
class KeyLoadingFailuresTest {

  @Test
  void unsetVariableNamesTheVariable() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> Secret.fromEnv("BINANCE_API_SECRET", Map.of()));

    assertThat(e).isInstanceOf(TickGuardException.class).hasMessageContaining("BINANCE_API_SECRET");
    assertThat(e.setting()).isEqualTo("BINANCE_API_SECRET");
  }

  @Test
  void emptyVariableIsRefusedLikeAnUnsetOne() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> Secret.fromEnv("KRAKEN_PRIVATE_KEY", Map.of("KRAKEN_PRIVATE_KEY", "")));

    assertThat(e.setting()).isEqualTo("KRAKEN_PRIVATE_KEY");
  }

  @Test
  void missingFileNamesTheFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.secret");

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> Secret.fromFile(file));

    assertThat(e.setting()).isEqualTo(file.toString());
    assertThat(e).hasMessageContaining(file.toString());
  }

  @Test
  void worldReadableFileIsRefusedWithoutQuotingItsContent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("leaky.secret");
    Files.writeString(file, "s3cr3t-value\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> Secret.fromFile(file));

    assertThat(e).hasMessageContaining("chmod 600").hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void emptyFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("empty.secret");
    Files.writeString(file, "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(catchThrowableOfType(ConfigurationException.class, () -> Secret.fromFile(file)))
        .hasMessageContaining("empty");
  }

  @Test
  void missingApiKeyReadsAsMissingConfigurationNotAsANullPointer() {
    String unset = System.getenv("TICKGUARD_TEST_VARIABLE_THAT_IS_NEVER_SET");

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> ApiCredentials.hmac(unset, Secret.fromEnv("K", Map.of("K", "v"))));

    assertThat(e.setting()).isEqualTo("apiKey");
    assertThat(e).hasMessageContaining("missing");
  }

  @Test
  void textThatIsNoPemKeyIsAConfigurationProblemWithoutTheText() {
    Secret notPem = Secret.fromEnv("K", Map.of("K", "definitely-not-a-pem-key"));

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> ApiCredentials.ed25519("key-id", notPem));

    assertThat(e).isInstanceOf(PemFormatException.class).hasMessageNotContaining("definitely-not-a-pem-key");
  }

  @Test
  void aBase64HmacSecretThatIsNotBase64IsRefusedWhenTheAuthenticatorIsBuiltWithoutQuotingIt() {
    Secret quoted = Secret.fromEnv("K", Map.of("K", "'my-private-key'"));
    RequestSigner base64Keyed = Signers.hmac(Signers.Hmac.SHA512, Signers.SecretEncoding.BASE64,
        Signers.Message.text(SigningInput::path), Signers.SignatureEncoding.BASE64);

    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> SigningAuthenticator.builder()
        .credentials(ApiCredentials.hmac("key-id", quoted)).signer(base64Keyed)
        .placement(AttachRule.builder().apiKeyHeader("K").signatureHeader("S").build()).build());

    assertThat(e.setting()).isEqualTo("credentials");
    assertThat(e).hasMessageContaining("base64").hasMessageNotContaining("my-private-key").hasNoCause();
  }

  @Test
  void pemKeysWhoseBase64IsBrokenAreConfigurationProblemsWithoutTheText() {
    Secret broken = Secret.fromEnv("K", Map.of("K",
        "-----BEGIN PRIVATE KEY-----\nMIIEv*QIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"));

    for (Runnable load : new Runnable[] {() -> ApiCredentials.rsa("k", broken), () -> ApiCredentials.ecP256("k", broken),
        () -> ApiCredentials.ed25519("k", broken)}) {
      assertThat(catchThrowableOfType(ConfigurationException.class, load::run)).isNotNull()
          .hasMessageNotContaining("MIIEv");
    }
  }
}
