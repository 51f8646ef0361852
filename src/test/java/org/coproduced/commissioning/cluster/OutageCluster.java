package org.coproduced.commissioning.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL database with a mail server, for the tests that change plans while
 * the mail server and then the database are down: it starts them, takes them down and brings them
 * back, and stops them in a safe order.
 */
final class OutageCluster implements AutoCloseable {

  final ClusterDatabase database;
  final ClusterNode nodeA;
  final ClusterNode nodeB;
  private final int smtpPort;
  private GreenMail mail;

  private OutageCluster(ClusterDatabase database, int smtpPort, GreenMail mail, ClusterNode nodeA, ClusterNode nodeB) {
    this.database = database;
    this.smtpPort = smtpPort;
    this.mail = mail;
    this.nodeA = nodeA;
    this.nodeB = nodeB;
  }

  static OutageCluster start(Path folder) {
    ClusterDatabase database = new ClusterDatabase(folder.resolve("postgres"));
    int smtpPort = ClusterDatabase.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    // Retries every few seconds instead of minutes, and enough of them to outlast both outages on a
    // slow machine: running out of retries (an incident, then Retry) is DeliveryGuaranteesTest's part.
    String retries = "--coproduction.messages.retry-intervals=" + String.join(",", Collections.nCopies(100, "PT3S"));
    // A message whose attempt the database outage cut short stays claimed until its send lock runs
    // out (ten minutes by default), so that a node that might have sent it is not raced: shortened here.
    String sendLock = "--coproduction.messages.send-lock=PT20S";
    ClusterNode nodeA = ClusterNode.start("node-a", database.jdbcUrl(), smtpPort, 10_000, retries, sendLock);
    ClusterNode nodeB = ClusterNode.start("node-b", database.jdbcUrl(), smtpPort, 10_000, retries, sendLock);
    return new OutageCluster(database, smtpPort, mail, nodeA, nodeB);
  }

  ProcessEngine[] engines() {
    return new ProcessEngine[] {nodeA.engine(), nodeB.engine()};
  }

  JdbcClient jdbc() {
    return JdbcClient.create(database.dataSource());
  }

  /** The mail server as it is now: after {@link #outage}, the one started again. */
  GreenMail mail() {
    return mail;
  }

  void stopMail() {
    mail.stop();
  }

  /**
   * The database stops for {@code length} and starts again; once both nodes reach it, the mail
   * server (stopped before) starts again, empty, on the same port.
   */
  void outage(Duration length) {
    database.stop();
    Eventually.sleep(length);
    database.start();
    for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
      Eventually.await(node.name() + " to reach the database again", Duration.ofSeconds(60),
          () -> node.engine().getTaskService().createTaskQuery().count(), count -> count >= 0);
    }
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @Override
  public void close() {
    ClusterParts.stop(database, mail, nodeB, nodeA);
  }
}
