package org.coproduced.commissioning.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the delivery jobs of the messages a test decided, as the job executor would. Other test
 * classes share the database, so a test only touches messages queued after it started.
 */
public final class Deliveries {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final long since;

  public Deliveries(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.since = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cc_message").query(Long.class).single();
  }

  /** The delivery jobs still waiting for this test's messages. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (String key : jdbc.sql("SELECT idempotency_key FROM cc_message WHERE id > ? ORDER BY id").param(since)
        .query(String.class).list()) {
      for (ProcessInstance delivery : engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(MessageQueue.DELIVERY_PROCESS).processInstanceBusinessKey(key).list()) {
        jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(delivery.getId()).list());
      }
    }
    return jobs;
  }

  /** Sends every waiting message of this test; returns how many jobs ran. */
  public int sendAll() {
    List<Job> jobs = jobs();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return jobs.size();
  }

  /** This test's messages by status and kind, e.g. {@code SENT FEEDBACK EX-0008}. */
  public List<String> outbox() {
    return jdbc.sql("SELECT status || ' ' || kind || ' ' || recipient FROM cc_message WHERE id > ? ORDER BY id")
        .param(since).query(String.class).list();
  }

  public long since() {
    return since;
  }
}
