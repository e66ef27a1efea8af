package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code fixtures/README.md} accounts for every fixture: each file is named there (with its source,
 * or declared hand-made), and a file said to be copied byte for byte still has the upstream bytes.
 */
class ForexFixturesReadmeTest {

  private static Path fixtures() throws URISyntaxException {
    return Path.of(ForexFixturesReadmeTest.class.getResource("/fixtures/README.md").toURI()).getParent();
  }

  @Test
  void everyFixtureFileIsNamedInTheReadme() throws Exception {
    Path dir = fixtures();
    String readme = Files.readString(dir.resolve("README.md"));
    List<String> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();
    }
    assertThat(files).isNotEmpty().allSatisfy(name -> assertThat(readme).as("fixtures/README.md names %s", name)
        .contains("`" + name + "`"));
  }

  @Test
  void handMadeFilesAreDeclaredHandMadeAndNamedByTheirSuffix() throws Exception {
    String readme = Files.readString(fixtures().resolve("README.md"));
    assertThat(readme).contains("## Insightease forex (`insightease/`)", "**hand-made**");
    try (Stream<Path> all = Files.list(fixtures().resolve("insightease"))) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .allSatisfy(n -> assertThat(n.endsWith(".handmade.json") || n.equals("latest-readme.json"))
              .as("%s: a copied file is listed with its source, a written one is called *.handmade.json", n).isTrue());
    }
  }

  @Test
  void saxoPayloadKeepsTheUpstreamBytesCrlfIncluded() throws Exception {
    byte[] bytes = Files.readAllBytes(fixtures().resolve("saxo/ws-payload.json"));
    String readme = Files.readString(fixtures().resolve("README.md"));
    String blob = gitBlobId(bytes);
    assertThat(readme).as("the README states the upstream blob id").contains(blob);
    assertThat(blob).isEqualTo("d77e5f06e72e1cfa9608c215315b06ccd3810dff");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
  }

  /** Git's object id of a blob with these bytes: SHA-1 over {@code "blob <length>\0"} and the bytes. */
  private static String gitBlobId(byte[] bytes) throws NoSuchAlgorithmException, IOException {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(sha1.digest(bytes));
  }
}
