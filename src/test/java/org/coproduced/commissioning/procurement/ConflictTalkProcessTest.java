package org.coproduced.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Not sure" about a conflict of interest gives the coordinators a task to talk it through, and
 * that person's scoring waits for the outcome, while the rest of the panel scores.
 */
@ApplicationTest
class ConflictTalkProcessTest {

  @Autowired ProcessEngine engine;

  @Test
  void scoringWaitsForTheTalkAndThenLeavesOutOnlyTheBidAgreedOn() {
    CycleDriver driver = new CycleDriver(engine);
    String bk = driver.startCycle("Not sure about a conflict").getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.tenderToDeclarations(bk);
    List<Task> declarations = driver.tasks(bk, "Activity_DeclareInterests");
    assertThat(declarations).hasSizeGreaterThan(1);
    Task unsure = declarations.get(0);
    String unsureRef = evaluatorOf(unsure);

    driver.submit(unsure, Map.of("hasConflict", "not-sure", "conflictDetails", "My sister volunteers for one of them."));
    declarations.stream().skip(1).forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));

    List<Task> scoring = driver.tasks(bk, "Activity_ScoreBid");
    assertThat(scoring).extracting(this::evaluatorOf).doesNotContain(unsureRef).isNotEmpty();
    Task talk = driver.task(bk, "Activity_TalkThroughConflict");
    assertThat(evaluatorOf(talk)).isEqualTo(unsureRef);
    assertThat(engine.getTaskService().getIdentityLinksForTask(talk.getId()))
        .anyMatch(link -> "coordinators".equals(link.getGroupId()));

    driver.submit(talk, Map.of("conflictAgreed", "yes", "conflictBidNames", "Open Door Trust",
        "conflictDetails", "Agreed on the phone: she volunteers there weekly."));

    List<Task> theirs = driver.tasks(bk, "Activity_ScoreBid").stream()
        .filter(t -> unsureRef.equals(evaluatorOf(t))).toList();
    assertThat(theirs).extracting(t -> engine.getTaskService().getVariable(t.getId(), "bidName"))
        .containsExactly("Streetlight Housing");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("conflictDetails")
        .count()).isZero();
  }

  private String evaluatorOf(Task task) {
    return (String) engine.getTaskService().getVariable(task.getId(), "evaluatorRef");
  }
}
