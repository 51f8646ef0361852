package org.coproduced.commissioning.feedback;

import static org.coproduced.commissioning.feedback.FeedbackReplyVariables.*;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.coproduced.commissioning.experts.AsApplication;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertContacts.ExpertContact;
import org.springframework.stereotype.Service;

/**
 * Gives the coordinators a task when an expert writes something back as they acknowledge their
 * feedback ("Anything you would like to say back?"), so their words reach a person who answers.
 * However they acknowledged (the email link, or Tasklist), it ends here, once per person and
 * cycle. The cycle does not wait for it. The task holds references only; the words stay in
 * {@code cc_feedback}.
 */
@Service
public class FeedbackReplies {

  private final ExpertContacts contacts;
  private final RuntimeService runtime;
  private final HistoryService history;

  public FeedbackReplies(ExpertContacts contacts, RuntimeService runtime, HistoryService history) {
    this.contacts = contacts;
    this.runtime = runtime;
    this.history = history;
  }

  /**
   * Starts {@code feedback-reply} for this person's reply if they wrote one; does nothing for an
   * empty reply, or if it was started already.
   */
  public void afterAcknowledgement(long cycleId, String expertRef, String reply) {
    if (reply == null || reply.isBlank()) {
      return;
    }
    String businessKey = businessKey(cycleId, expertRef);
    AsApplication.run(() -> {
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
          .processInstanceBusinessKey(businessKey).count() > 0) {
        return;
      }
      ExpertContact contact = contacts.expert(expertRef).orElseThrow();
      runtime.startProcessInstanceByKey(PROCESS_ID, businessKey, Variables.createVariables()
          .putValue(CYCLE_ID, cycleId)
          .putValue(EXPERT_REF, expertRef)
          .putValue(ANSWER_BY_EMAIL, contact.reachableByEmail())
          .putValue(ANSWER_BY, contact.reachableByEmail() ? "by email" : contact.channelInWords()));
    });
  }

  /**
   * "feedback-reply/12/EX-0005": marked as such, so it is never taken for the id of a cycle, whose
   * processes use the bare number.
   */
  public static String businessKey(long cycleId, String expertRef) {
    return PROCESS_ID + "/" + cycleId + "/" + expertRef;
  }
}
