package org.coproduced.commissioning.tasknotice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** A name helps people find a task; when what it is about cannot be looked up, the task still starts. */
class TaskNamesFallbackTest {

  @Test
  void aTaskWhoseCycleCannotBeFoundKeepsItsModelsNameAndStillStarts() {
    TaskFacts facts = mock(TaskFacts.class);
    when(facts.cycleTitle(any())).thenThrow(new IllegalStateException("no cycle 42"));
    DelegateTask task = mock(DelegateTask.class);
    when(task.getTaskDefinitionKey()).thenReturn("Activity_AgreeInvolvementPlan");
    when(task.getName()).thenReturn("Agree the involvement plan");

    new TaskNames(facts, new TaskSubjects(facts), new TaskDates(facts, null, null)).notify(task);

    verify(task, never()).setName(anyString());
  }
}
