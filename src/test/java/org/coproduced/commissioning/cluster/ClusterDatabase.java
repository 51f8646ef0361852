package org.coproduced.commissioning.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One PostgreSQL server for the nodes of a cluster test, on a fixed port and data directory, so it
 * can be stopped and started again under the running nodes as a real database restart would be.
 * The tests stop their nodes before the server; the server's own shutdown hook only matters if a
 * test run is cut short.
 */
public final class ClusterDatabase implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  public ClusterDatabase(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.port = freePort();
    start();
    execute(JobRunRecorder.TABLE_DDL);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  public synchronized void start() {
    try {
      server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (fast shutdown: open connections are cut); the data stays. */
  public synchronized void stop() {
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void execute(String sql) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public synchronized javax.sql.DataSource dataSource() {
    return server.getPostgresDatabase();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      stop();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
