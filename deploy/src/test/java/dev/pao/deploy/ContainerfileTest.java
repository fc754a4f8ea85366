package dev.pao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Containerfile's structure, checked without a container engine (none exists on the build
 * machines): the official Open Liberty kernel-slim Java 17 UBI base of the build's Liberty version,
 * the features installed from server.xml before the application is added, a non-root user, and
 * every file it copies present where the build puts it.
 */
class ContainerfileTest {
  private static final Path ROOT = Manifests.projectDir();

  /** One instruction: its keyword and its arguments (continuation lines joined). */
  private record Instruction(String keyword, String arguments) {}

  @Test
  void buildsOnTheOfficialKernelSlimImageOfTheBuildsLibertyVersion() throws IOException {
    List<Instruction> from = instructions("FROM");
    assertEquals(1, from.size(), "a single stage");
    String image = from.get(0).arguments();
    assertTrue(image.startsWith("icr.io/appcafe/open-liberty:"), image);
    assertTrue(image.contains("kernel-slim-java17") && image.endsWith("-ubi"), image);
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    String version = between(pom, "<liberty.runtime.version>", "</liberty.runtime.version>");
    assertTrue(image.contains(":" + version + "-"), image + " is Liberty " + version);
  }

  @Test
  void installsFeaturesFromServerXmlThenConfiguresLast() throws IOException {
    List<Instruction> all = instructions(null);
    int serverXml = indexOf(all, "COPY", "liberty/server.xml");
    int features = indexOf(all, "RUN", "features.sh");
    int war = indexOf(all, "COPY", "pao.war");
    int configure = indexOf(all, "RUN", "configure.sh");
    assertTrue(serverXml < features && features < war && war < configure, all.toString());
    assertEquals(configure, lastIndexOf(all, "RUN"), "configure.sh is the last RUN");
  }

  @Test
  void runsAsTheImagesNonRootUser() throws IOException {
    List<Instruction> users = instructions("USER");
    assertFalse(users.isEmpty(), "a USER instruction");
    String user = users.get(users.size() - 1).arguments();
    assertEquals("1001", user);
    for (Instruction copy : instructions("COPY")) {
      assertTrue(copy.arguments().startsWith("--chown=1001:0 "), copy.toString());
    }
  }

  @Test
  void everyCopiedFileIsWhereTheBuildPutsIt() throws IOException {
    for (Instruction copy : instructions("COPY")) {
      String[] words = copy.arguments().split("\\s+");
      for (int i = 0; i < words.length - 1; i++) {
        if (words[i].startsWith("--")) {
          continue;
        }
        Path source = ROOT.resolve(words[i]);
        assertTrue(
            Files.exists(source),
            source + " (COPY " + copy.arguments() + ") is missing; build first: ./mvnw package");
      }
    }
  }

  @Test
  void theContainerJvmFollowsTheMemoryLimit() throws IOException {
    String options = Files.readString(ROOT.resolve("deploy/container/jvm.options"));
    assertTrue(options.contains("-XX:MaxRAMPercentage="), options);
    assertFalse(options.lines().anyMatch(line -> line.startsWith("-Xmx")), "no fixed heap");
    assertTrue(indexOf(instructions(null), "COPY", "deploy/container/jvm.options") >= 0);
  }

  private static List<Instruction> instructions(String keyword) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(ROOT.resolve("deploy/Containerfile"))) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      boolean continues = trimmed.endsWith("\\");
      current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continues) {
        String text = current.toString().strip();
        int space = text.indexOf(' ');
        Instruction instruction =
            new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1));
        if (keyword == null || keyword.equals(instruction.keyword())) {
          instructions.add(instruction);
        }
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static int indexOf(List<Instruction> all, String keyword, String argument) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).keyword().equals(keyword) && all.get(i).arguments().contains(argument)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<Instruction> all, String keyword) {
    int last = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).keyword().equals(keyword)) {
        last = i;
      }
    }
    return last;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from)).strip();
  }
}
