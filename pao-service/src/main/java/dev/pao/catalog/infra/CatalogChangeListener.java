package dev.pao.catalog.infra;

import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.sync.CatalogSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Keeps this instance on the newest catalog any instance synced: one connection LISTENs on {@value
 * JpaCatalogStore#CHANNEL} and the catalog adopts a newer sync as soon as one is announced; every
 * {@code PAO_CATALOG_REFRESH_SECONDS} it also looks without being told, which covers notifications
 * missed while the connection was down (NOTIFY is not stored). The connection is one of the pool's.
 */
@ApplicationScoped
public class CatalogChangeListener {
  private static final Logger LOG = Logger.getLogger(CatalogChangeListener.class.getName());

  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;
  @Inject CatalogService catalog;
  @Inject CatalogSettings settings;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Connection listening;
  private boolean outageLogged;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Thread thread = threads.newThread(this::listenUntilStopped);
    thread.setName("pao-catalog-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopped.countDown();
    Connection connection = listening;
    if (connection != null) {
      try {
        connection.close(); // ends a wait for notifications at once
      } catch (SQLException e) {
        LOG.log(Level.FINE, "Closing the catalog listener's connection", e);
      }
    }
  }

  private void listenUntilStopped() {
    Duration every = settings.refreshInterval();
    while (stopped.getCount() > 0) {
      try (Connection connection = dataSource.getConnection()) {
        listening = connection;
        PGConnection notifications = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + JpaCatalogStore.CHANNEL);
        }
        adopt(); // what was announced while nobody here listened
        if (outageLogged) {
          LOG.info("Listening for catalog syncs again");
          outageLogged = false;
        }
        while (stopped.getCount() > 0) {
          notifications.getNotifications((int) every.toMillis());
          adopt(); // announced, or the periodic look
        }
      } catch (SQLException | RuntimeException e) {
        if (stopped.getCount() == 0) {
          return;
        }
        if (!outageLogged) {
          LOG.log(
              Level.WARNING,
              "Cannot listen for catalog syncs ({0}); looking again every {1} s",
              new Object[] {e.getMessage(), every.toSeconds()});
          outageLogged = true;
        }
        awaitStop(every);
      } finally {
        listening = null;
      }
    }
  }

  private void adopt() {
    try {
      catalog.adoptNewest();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the newest catalog sync: {0}", e.getMessage());
    }
  }

  private void awaitStop(Duration timeout) {
    try {
      stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.countDown();
    }
  }
}
