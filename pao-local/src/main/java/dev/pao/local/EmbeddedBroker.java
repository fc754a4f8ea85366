package dev.pao.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/**
 * An SQS-compatible broker (ElasticMQ) on localhost, with its queues and messages persisted in
 * {@code storageDirectory} so a restart loses nothing. The service creates its FIFO queue and DLQ
 * on start-up ({@code PAO_QUEUE_CREATE_MISSING=true}).
 */
public final class EmbeddedBroker implements AutoCloseable {
  public static final String REGION = "elasticmq";
  public static final String ACCOUNT = "000000000000";

  private final Path storageDirectory;
  private final int port;
  private Function0<?> shutdown;

  public EmbeddedBroker(Path storageDirectory, int port) {
    this.storageDirectory = storageDirectory;
    this.port = port;
  }

  public synchronized void start() {
    try {
      Files.createDirectories(storageDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path db = storageDirectory.resolve("messages").toAbsolutePath();
    Path queues = storageDirectory.resolve("queues.conf").toAbsolutePath();
    Config config =
        ConfigFactory.parseString(
                """
                node-address { protocol = "http", host = "localhost", port = %d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                generate-node-address = false
                queues-storage { enabled = true, path = "%s" }
                messages-storage { enabled = true, uri = "jdbc:h2:%s;DB_CLOSE_ON_EXIT=FALSE" }
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                aws { region = "%s", accountId = "%s" }
                """
                    .formatted(port, port, queues, db, REGION, ACCOUNT))
            .withFallback(ConfigFactory.load());
    shutdown = new ElasticMQServer(new ElasticMQServerConfig(config)).start();
  }

  public synchronized void stop() {
    if (shutdown != null) {
      try {
        shutdown.apply();
      } finally {
        shutdown = null;
      }
    }
  }

  public boolean running() {
    return shutdown != null;
  }

  public String endpoint() {
    return "http://localhost:" + port;
  }

  public String queueUrl(String name) {
    return endpoint() + "/" + ACCOUNT + "/" + name;
  }

  @Override
  public void close() {
    stop();
  }
}
