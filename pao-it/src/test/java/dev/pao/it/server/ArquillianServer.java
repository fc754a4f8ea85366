package dev.pao.it.server;

import dev.pao.it.TestStack;
import dev.pao.local.DevSigningKeys;
import dev.pao.local.EmbeddedBroker;
import dev.pao.local.EmbeddedDatabase;
import dev.pao.local.LibertyProcess;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the Liberty server Arquillian starts ({@code pao-arquillian} in the user directory
 * {@code pao.arquillian.usr.dir}, see {@code arquillian.xml}) before Arquillian starts it: an
 * embedded PostgreSQL and ElasticMQ of its own, and the service's assembled server without its
 * application (Arquillian adds one, with its class loader, see arquillian.xml), plus {@code
 * localConnector-1.0}, an MBean-triggered application monitor and a {@code server.env} pointing at
 * them. Register it before {@code ArquillianExtension}. Inside the server, where the test method
 * runs, it does nothing.
 */
public final class ArquillianServer implements BeforeAllCallback {
  public static final String SERVER_NAME = "pao-arquillian";
  private static final String APPLICATION = "<webApplication id=\"pao\"";

  private static boolean prepared;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (System.getProperty("pao.arquillian.usr.dir") != null) {
      prepare();
    }
  }

  private static synchronized void prepare() {
    if (prepared) {
      return;
    }
    Path usr = Path.of(System.getProperty("pao.arquillian.usr.dir")).toAbsolutePath();
    Path source =
        Path.of(System.getProperty("pao.wlp.dir"))
            .toAbsolutePath()
            .resolve("usr/servers/" + LibertyProcess.SERVER_NAME);
    Path target = usr.resolve("servers/" + SERVER_NAME);
    TestStack.deleteRecursively(usr);
    EmbeddedDatabase database = new EmbeddedDatabase(usr.resolve("postgres"), TestStack.freePort());
    EmbeddedBroker broker = new EmbeddedBroker(usr.resolve("elasticmq"), TestStack.freePort());
    database.start();
    broker.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  database.close();
                },
                "arquillian-stack-stop"));
    try {
      copy(source.resolve("resources"), target.resolve("resources"));
      copy(source.resolve("lib"), target.resolve("lib"));
      Files.createDirectories(target.resolve("dropins"));
      Files.writeString(target.resolve("server.xml"), serverXml(source.resolve("server.xml")));
      Files.writeString(
          target.resolve("server.env"), serverEnv(database, broker, usr.resolve("dev-jwt")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    prepared = true;
  }

  private static String serverXml(Path serviceServerXml) throws IOException {
    String xml = Files.readString(serviceServerXml);
    if (!xml.contains(APPLICATION)) {
      throw new IllegalStateException("No " + APPLICATION + "/> in " + serviceServerXml);
    }
    // The service's own application element (and its class loader) goes: Arquillian adds one.
    return xml.replaceAll("(?s)\\s*<webApplication id=\"pao\".*?</webApplication>", "")
        .replace(
            "<featureManager>", "<featureManager>\n        <feature>localConnector-1.0</feature>")
        .replace("</server>", "    <applicationMonitor updateTrigger=\"mbean\"/>\n</server>");
  }

  private static String serverEnv(
      EmbeddedDatabase database, EmbeddedBroker broker, Path keyDirectory) {
    Map<String, String> env = new TreeMap<>();
    env.put("PAO_HTTP_PORT", String.valueOf(TestStack.freePort()));
    env.put("PAO_DB_URL", database.jdbcUrl());
    env.put("PAO_DB_USER", EmbeddedDatabase.APP_ROLE);
    env.put("PAO_DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD);
    env.put("PAO_DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
    env.put("PAO_DB_MIGRATION_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD);
    env.put("PAO_SQS_ENDPOINT", broker.endpoint());
    env.put("PAO_SQS_REGION", "us-east-1");
    env.put("PAO_SQS_ACCESS_KEY_ID", "local");
    env.put("PAO_SQS_SECRET_ACCESS_KEY", "local");
    env.put("PAO_QUEUE_URL", broker.queueUrl(LocalStack.QUEUE_NAME));
    env.put("PAO_DLQ_URL", broker.queueUrl(LocalStack.DLQ_NAME));
    env.put("PAO_QUEUE_CREATE_MISSING", "true");
    env.put("PAO_QUEUE_WAIT_TIME_SECONDS", "2");
    env.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        DevSigningKeys.in(keyDirectory).publicKey().toUri().toString());
    // Not in development mode, so the server needs a data key to start (32 bytes, test only).
    env.put("PAO_DATA_KEY", "aW4tc2VydmVyLXRlc3RzLWRhdGEta2V5LTMyLWJ5dGU=");
    env.put("PAO_DATA_KEY_ID", "in-server-tests");
    StringBuilder text = new StringBuilder();
    env.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
