package org.coproduced.commissioning.stepback;

import static org.coproduced.commissioning.stepback.StepBackVariables.*;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.stepback.StepBackRepository.StepBack;
import org.springframework.stereotype.Service;

/**
 * An expert stepping back from a task without pressure: "I can't do this now" or "I'd like to talk
 * to someone". The task ends kindly: no answer is recorded, the expert who reads email is thanked,
 * and the coordinators get a task to get in touch. Each expert task's own listener asks
 * {@link #handle} first and, when it says the person stepped back, records nothing more.
 */
@Service
public class StepBacks {

  private final StepBackRepository repository;
  private final ExpertContacts contacts;
  private final MessageQueue messages;
  private final FollowUps followUps;

  public StepBacks(StepBackRepository repository, ExpertContacts contacts, MessageQueue messages,
      FollowUps followUps) {
    this.repository = repository;
    this.contacts = contacts;
    this.messages = messages;
    this.followUps = followUps;
  }

  /**
   * Whether the person completing this task stepped back from it; if so it is recorded and followed
   * up. Always takes the step-back fields out of the engine, so the next task does not inherit them.
   */
  public boolean handle(DelegateTask task, long cycleId, String expertRef) {
    return handle(task, cycleId, expertRef, task.getTaskDefinitionKey());
  }

  /** As {@link #handle(DelegateTask, long, String)}, recording the step back under this task kind. */
  public boolean handle(DelegateTask task, long cycleId, String expertRef, String taskKind) {
    Object choice = task.getVariable(STEP_BACK);
    task.removeVariable(STEP_BACK);
    String note = TaskForm.of(task).takePrivateText(PRIVATE_STEP_BACK_NOTE, "What you would like us to know",
        TaskForm.LONG_TEXT);
    Optional<StepBackReason> reason = StepBackReason.ofFormValue(choice);
    reason.ifPresent(r -> stepBack(new StepBack(task.getId(), cycleId, taskKind, expertRef, r, note)));
    return reason.isPresent();
  }

  /**
   * Ends this task as part of a step back the expert made on another task ({@code along}): recorded
   * once, so the work goes on without it, but with no thank-you or coordinator task of its own (the
   * other task's say it all). Returns whether this task ended so.
   */
  public boolean handleAlong(DelegateTask task, long cycleId, String expertRef) {
    Object along = task.getVariable(STEPPED_BACK_ALONG_WITH);
    if (along == null) {
      return false;
    }
    task.removeVariable(STEPPED_BACK_ALONG_WITH);
    Object choice = task.getVariable(STEP_BACK);
    task.removeVariable(STEP_BACK);
    StepBackReason reason = StepBackReason.ofFormValue(choice).orElse(StepBackReason.CANT_NOW);
    repository.record(new StepBack(task.getId(), cycleId, task.getTaskDefinitionKey(), expertRef, reason, null));
    return true;
  }

  /**
   * Someone stepping back through a link page rather than a task (the feedback link in an email):
   * recorded once per {@code key}, thanked, and followed up by a coordinator. Returns whether this
   * call recorded it. The caller checks the choice is one the page offered.
   */
  public boolean stepBackByLink(String key, long cycleId, String taskKind, String expertRef, StepBackReason reason,
      String note) {
    boolean first = repository.find(key).isEmpty();
    stepBack(new StepBack(key, cycleId, taskKind, expertRef, reason, note));
    return first;
  }

  /** Everyone who stepped back from tasks of these kinds in this cycle. */
  public List<String> steppedBack(long cycleId, String... taskKinds) {
    return repository.expertsWhoSteppedBack(cycleId, List.of(taskKinds));
  }

  private void stepBack(StepBack stepBack) {
    if (!repository.record(stepBack) || stepBack.reason() == StepBackReason.CARRIED_ON) {
      return; // recorded before (a retry); or a coordinator decided it, having been in touch already
    }
    Optional<ExpertContact> expert = contacts.expert(stepBack.expertRef()).filter(e -> !e.erased());
    if (expert.isPresent() && expert.get().reachableByEmail()) {
      messages.queue("task-stepped-back/" + stepBack.taskId(), Recipient.expert(stepBack.expertRef()),
          new StepBackMessage(StepBackMessage.STEPPED_BACK, stepBack.taskId(), stepBack.cycleId(),
              stepBack.taskKind()));
    }
    followUps.ask(FollowUpReason.of(stepBack.reason()), stepBack.cycleId(), stepBack.expertRef(),
        stepBack.taskKind(), stepBack.taskId());
  }
}
