package org.coproduced.commissioning.cluster;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.support.CycleDriver;

/**
 * Drives a cycle as the demo users do, each task submitted on the next node in turn, the way a
 * load balancer would spread people's requests. Counts every submission.
 */
public class AlternatingDriver extends CycleDriver {

  private final CycleDriver[] nodes;
  private final AtomicInteger next;
  private final AtomicInteger submitted = new AtomicInteger();

  public AlternatingDriver(int first, ProcessEngine... engines) {
    super(engines[first % engines.length]);
    this.nodes = Arrays.stream(engines).map(CycleDriver::new).toArray(CycleDriver[]::new);
    this.next = new AtomicInteger(first);
  }

  @Override
  public void submit(Task task, Map<String, Object> fields) {
    nodes[Math.floorMod(next.getAndIncrement(), nodes.length)].submit(task, fields);
    submitted.incrementAndGet();
  }

  public int submitted() {
    return submitted.get();
  }
}
