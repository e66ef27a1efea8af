package io.tickguard.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import java.util.Base64;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class TlsConfigTest {
  private static final String VALID_PIN = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void defaultsHaveNoPinsAndTrustTheSystemRoots() {
    TlsConfig defaults = TlsConfig.defaults();

    assertThat(defaults.pins()).isEmpty();
    assertThat(defaults.pinningRequired()).isFalse();
    assertThat(defaults.trustRoots().includesSystemRoots()).isTrue();
    assertThat(defaults.clientCertificate()).isEmpty();
  }

  @Test
  void sha1PinRejectedNamingTheHost() {
    assertThatThrownBy(() -> TlsConfig.builder().pin("api.example.com", "sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("api.example.com")
        .hasMessageContaining("sha256/");
  }

  @Test
  void pinThatIsNotBase64RejectedNamingTheHost() {
    assertThatThrownBy(() -> TlsConfig.builder().pin("api.example.com", "sha256/not base64!"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("api.example.com")
        .hasMessageContaining("Base64");
  }

  @Test
  void pinOfTheWrongLengthRejected() {
    String tooShort = "sha256/" + Base64.getEncoder().encodeToString(new byte[20]);

    assertThatThrownBy(() -> TlsConfig.builder().pin("api.example.com", tooShort))
        .hasMessageContaining("20 bytes");
  }

  @Test
  void hostWithSchemeOrPathRejected() {
    assertThatThrownBy(() -> TlsConfig.builder().pin("https://api.example.com/", VALID_PIN))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("without scheme");
  }

  @Test
  void pinningRequiredWithoutAnyPinIsAConfigurationError() {
    assertThatThrownBy(() -> TlsConfig.builder().pinningRequired(true).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no host has pins");
  }

  @Test
  void pinsForTheSameHostAccumulateAndHostsAreCaseInsensitive() {
    String backup = "sha256/" + Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    TlsConfig config = TlsConfig.builder().pin("API.example.com", VALID_PIN).pin("api.example.com", List.of(backup)).build();

    assertThat(config.pins().get("api.example.com")).containsExactlyInAnyOrder(VALID_PIN, backup);
  }

  @Test
  void configIsImmutableAfterBuild() {
    TlsConfig.Builder builder = TlsConfig.builder().pin("a.example.com", VALID_PIN);
    TlsConfig config = builder.build();

    builder.pin("b.example.com", VALID_PIN).pinningRequired(true);

    assertThat(config.pins()).containsOnlyKeys("a.example.com");
    assertThat(config.pinningRequired()).isFalse();
    assertThatThrownBy(() -> config.pins().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.newBuilder().build().pins()).isEqualTo(config.pins());
  }

  @Test
  void emptyTrustRootsRejected() {
    assertThatThrownBy(() -> TrustRoots.only(List.of())).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void toStringShowsPinsAndRootsButNoKey() {
    HeldCertificate ca = new HeldCertificate.Builder().commonName("Private Root").certificateAuthority(0).build();

    String text = TlsConfig.builder()
        .pin("api.example.com", VALID_PIN)
        .trustRoots(TrustRoots.only(List.of(ca.certificate())))
        .build()
        .toString();

    assertThat(text).contains("api.example.com", VALID_PIN, "Private Root", "TLSv1.3");
  }
}
