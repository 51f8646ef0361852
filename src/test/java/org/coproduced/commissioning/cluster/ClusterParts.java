package org.coproduced.commissioning.cluster;

import com.icegreen.greenmail.util.GreenMail;

/** What the cluster tests start, stopped in a safe order: the nodes, then the mail server, then the database. */
final class ClusterParts {

  private ClusterParts() {}

  /** Stops each part that was started; a part left null (its start failed) is skipped. */
  static void stop(ClusterDatabase database, GreenMail mail, ClusterNode... nodes) {
    for (ClusterNode node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    if (mail != null) {
      mail.stop();
    }
    if (database != null) {
      database.close();
    }
  }
}
