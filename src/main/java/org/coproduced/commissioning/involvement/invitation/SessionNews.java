package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.invitation.SessionNewsVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.notification.MessageQueue;
import org.coproduced.commissioning.notification.Recipient;
import org.coproduced.commissioning.notification.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells an expert news about a session they were invited to, by their channel: an email through
 * the outbox, or, for someone who prefers post or phone, a coordinator task to tell them
 * (process {@code session-news}). Either way once per news and person, however often it is asked.
 */
@Service
public class SessionNews {

  private final ExpertContacts contacts;
  private final MessageQueue messages;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final SystemAccess system;
  private final InvolvementRequestRepository requests;

  public SessionNews(ExpertContacts contacts, MessageQueue messages, RuntimeService runtime, HistoryService history,
      SystemAccess system, InvolvementRequestRepository requests) {
    this.contacts = contacts;
    this.messages = messages;
    this.runtime = runtime;
    this.history = history;
    this.system = system;
    this.requests = requests;
  }

  /** Tells the expert of this invitation the news, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tell(Invitation invitation, SessionNewsMessage news) {
    Optional<ExpertContact> expert = contacts.expert(invitation.expertRef());
    if (expert.isEmpty() || expert.get().erased()) {
      return; // nobody left to tell: their personal data was erased at their request
    }
    String key = keyOf(news, invitation);
    if (expert.get().reachableByEmail()) {
      messages.queue(key, Recipient.expert(invitation.expertRef()), news);
    } else {
      askCoordinators(key, invitation, news);
    }
  }

  /**
   * A coordinator tells this expert the news, whatever their channel: for news an emailed expert
   * hears another way (a session moved: the new invitation says so), but post or phone people hear
   * from a coordinator.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void askCoordinatorsToTell(Invitation invitation, SessionNewsMessage news) {
    Optional<ExpertContact> expert = contacts.expert(invitation.expertRef());
    if (expert.isPresent() && !expert.get().erased()) {
      askCoordinators(keyOf(news, invitation), invitation, news);
    }
  }

  /**
   * A message's key for this invitation: after the session was moved or cancelled, the change's
   * number too, so news about the new date is not mistaken for the same news about the old one.
   * Keys of sessions never changed stay as they were before changes were possible.
   */
  public static String key(String prefix, Invitation invitation, int sessionChanges) {
    String key = prefix + "/" + invitation.id() + "/" + invitation.expertRef();
    return sessionChanges == 0 ? key : key + "/change-" + sessionChanges;
  }

  /** Whether a message with this key was decided before the session's latest move (so it tells the old date). */
  public static boolean beforeLatestChange(String key, int sessionChanges) {
    return sessionChanges > 0 && !key.endsWith("/change-" + sessionChanges);
  }

  private String keyOf(SessionNewsMessage news, Invitation invitation) {
    return key(news.kind().toLowerCase().replace('_', '-'), invitation, requests.sessionChanges(invitation.requestId()));
  }

  private void askCoordinators(String key, Invitation invitation, SessionNewsMessage news) {
    long cycleId = requests.get(invitation.requestId()).cycleId();
    system.withoutAuthorization(() -> {
      boolean asked = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
          .processInstanceBusinessKey(key).count() > 0;
      if (!asked) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CYCLE_ID, cycleId);
        variables.put(REQUEST_ID, invitation.requestId());
        variables.put(INVITATION_ID, invitation.id());
        variables.put(EXPERT_REF, invitation.expertRef());
        variables.put(NEWS, news.kind());
        // Not the cycle's id: the cycle's own processes are found by that, and this is not one of them.
        runtime.startProcessInstanceByKey(PROCESS_ID, key, variables);
      }
      return null;
    });
  }
}
