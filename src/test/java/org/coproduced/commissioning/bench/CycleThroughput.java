package org.coproduced.commissioning.bench;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Whole commissioning cycles per second through the Java API, one after another in one thread:
 * the application's models, then their bare copies ({@link BareModels}) in the same process and
 * database, measured in turns so that both see the same warm code and the same growing tables.
 */
final class CycleThroughput {

  static final int PLACES = 5;

  record Result(int cycles, double applicationSeconds, double bareSeconds, double applicationTasksPerCycle,
      double bareTasksPerCycle, Map<String, Integer> cardinalities, long applicationHistoryRows,
      long bareHistoryRows) {

    double applicationPerSecond() {
      return cycles / applicationSeconds;
    }

    double barePerSecond() {
      return cycles / bareSeconds;
    }

    /** How much longer a cycle takes with the application than the engine alone needs. */
    double overhead() {
      return applicationSeconds / bareSeconds;
    }
  }

  private CycleThroughput() {}

  static Result run(ProcessEngine engine, int warmUp, int measured) {
    CycleWalker walker = new CycleWalker(new JavaApiSteps(engine), PLACES, new CycleWalker.SessionDates());
    // The bare copies book no experts: their sessions may share days, from dates of their own.
    CycleWalker bareWalker = new CycleWalker(new JavaApiSteps(engine), PLACES, new CycleWalker.SessionDates());
    String last = null;
    for (int i = 0; i < warmUp; i++) {
      last = walker.walk("commissioning-cycle", null, "Warm-up cycle " + i);
    }
    Map<String, Integer> cardinalities = BareModels.cardinalities(engine, last);
    BareModels.deploy(engine, cardinalities);
    for (int i = 0; i < warmUp; i++) {
      bareWalker.walk(BareModels.CYCLE, "bare-warm-up-" + i, "Bare warm-up cycle " + i);
    }
    long application = 0;
    long bare = 0;
    String lastApplication = null;
    String lastBare = null;
    long applicationTasks = 0;
    long bareTasks = 0;
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      String bk = walker.walk("commissioning-cycle", null, "Measured cycle " + i);
      application += System.nanoTime() - start;
      applicationTasks += tasks(engine, bk);
      lastApplication = bk;

      start = System.nanoTime();
      bk = bareWalker.walk(BareModels.CYCLE, "bare-" + i, "Bare measured cycle " + i);
      bare += System.nanoTime() - start;
      bareTasks += tasks(engine, bk);
      lastBare = bk;
    }
    return new Result(measured, application / 1e9, bare / 1e9, (double) applicationTasks / measured,
        (double) bareTasks / measured, cardinalities, historyRows(engine, lastApplication),
        historyRows(engine, lastBare));
  }

  /** Variable and activity history a cycle leaves: the engine work its variables and steps cause. */
  private static long historyRows(ProcessEngine engine, String businessKey) {
    long rows = 0;
    for (var instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      rows += engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count();
      rows += engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).count();
      rows += engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count();
    }
    return rows;
  }

  private static long tasks(ProcessEngine engine, String businessKey) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }
}
