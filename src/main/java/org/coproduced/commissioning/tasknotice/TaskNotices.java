package org.coproduced.commissioning.tasknotice;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.notification.Contacts;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.tasknotice.CoordinatorNoticeMessage.Reason;
import org.springframework.stereotype.Component;

/**
 * Tasklist sends no notifications, so this does: a person given a task gets an email with a
 * link to it, unless they asked for post or phone, in which case the coordinators are told. A
 * follow-up task (an invitation still unanswered after its reminder, feedback still not
 * acknowledged) is announced to the coordinators too. Runs for every user task of every model
 * ({@link TaskNoticesEnginePlugin}), inside the transaction that creates or assigns the task.
 */
@Component
public class TaskNotices implements TaskListener {

  /** Tasks whose own message (the invitation, the feedback) already tells the expert. */
  static final Set<String> ANNOUNCED_BY_THEIR_OWN_MESSAGE = Set.of("Activity_AnswerInvitation", "Activity_AcknowledgeFeedback");
  /** Tasks that mean someone could not be reached: the coordinators hear at once. */
  static final Set<String> FOLLOW_UPS = Set.of("Activity_FollowUpInvitation", "Activity_FollowUpFeedback");

  private static final String MULTI_INSTANCE_COUNT = "nrOfInstances";

  private final MessageQueue queue;
  private final Contacts contacts;
  private final ExpertContacts experts;
  private final InvitationRepository invitations;
  private final IdentityService identity;

  public TaskNotices(MessageQueue queue, Contacts contacts, ExpertContacts experts, InvitationRepository invitations,
      IdentityService identity) {
    this.queue = queue;
    this.contacts = contacts;
    this.experts = experts;
    this.invitations = invitations;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      assigned(task);
    } else if (EVENTNAME_CREATE.equals(task.getEventName()) && FOLLOW_UPS.contains(task.getTaskDefinitionKey())) {
      followUpNeeded(task);
    }
  }

  private void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    Authentication current = identity.getCurrentAuthentication();
    if (assignee == null || (current != null && assignee.equals(current.getUserId()))) {
      return; // nobody to tell, or they took the task themselves
    }
    // Tasks of one step for one person (every contribution to answer, say) share one notice.
    String key = "task/" + task.getTaskDefinitionKey() + "/" + noticeScope(task) + "/" + assignee;
    TaskNoticeMessage notice = new TaskNoticeMessage(task.getId(), taskName(task), task.getTaskDefinitionKey(),
        task.getProcessInstanceId(), assignee);
    Optional<ExpertContact> expert = experts.expertByUser(assignee);
    if (expert.isEmpty()) {
      queue.queue(key, Recipient.user(assignee), notice);
    } else if (expert.get().reachableByEmail()) {
      if (!ANNOUNCED_BY_THEIR_OWN_MESSAGE.contains(task.getTaskDefinitionKey())) {
        queue.queue(key, Recipient.expert(expert.get().ref()), notice);
      }
    } else {
      for (String coordinator : contacts.coordinators()) {
        queue.queue(key + "/coordinator/" + coordinator, Recipient.user(coordinator),
            new CoordinatorNoticeMessage(Reason.OFFLINE_TASK, task.getId(), taskName(task), expert.get().ref()));
      }
    }
  }

  private void followUpNeeded(DelegateTask task) {
    String expertRef = expertRefOf(task);
    for (String coordinator : contacts.coordinators()) {
      queue.queue("follow-up/" + task.getId() + "/" + coordinator, Recipient.user(coordinator),
          new CoordinatorNoticeMessage(Reason.FOLLOW_UP, task.getId(), taskName(task),
              expertRef == null ? "" : expertRef));
    }
  }

  private String expertRefOf(DelegateTask task) {
    Object contributor = task.getVariable("contributorRef");
    if (contributor != null) {
      return contributor.toString();
    }
    Object invitationId = task.getVariable("invitationId");
    if (invitationId instanceof Number id) {
      return invitations.get(id.longValue()).expertRef();
    }
    return null;
  }

  /**
   * The multi-instance run a task belongs to (its tasks share one notice), or the task itself.
   * The engine keeps the number of instances on the execution of the whole run.
   */
  private static String noticeScope(DelegateTask task) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    while (execution != null) {
      if (execution.hasVariableLocal(MULTI_INSTANCE_COUNT)) {
        return execution.getId();
      }
      if (execution.isProcessInstanceExecution()) {
        break;
      }
      execution = execution.getParent();
    }
    return task.getId();
  }

  private static String taskName(DelegateTask task) {
    return task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
  }
}
