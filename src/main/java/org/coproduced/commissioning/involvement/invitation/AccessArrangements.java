package org.coproduced.commissioning.involvement.invitation;

import static org.coproduced.commissioning.involvement.invitation.AccessArrangementVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.coproduced.commissioning.experts.AsApplication;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.schedule.WorkingDayCalendar;
import org.springframework.stereotype.Service;

/**
 * Gives the coordinators a task when an expert says yes and there is something to arrange before
 * the session: what they told us they need, or the bids of an evaluation session to send them.
 * However the answer came (Tasklist, the email link, a coordinator on their behalf), it ends here,
 * once per invitation. The words stay in the application's tables; the task holds ids only.
 */
@Service
public class AccessArrangements {

  /** Arranged by the end of the working day it is due. */
  static final LocalTime DUE_AT = LocalTime.of(17, 0);

  private final InvitationFacts facts;
  private final InvitationRepository invitations;
  private final AccessNeedsRepository needs;
  private final ExpertRepository experts;
  private final WorkingDayCalendar calendar;
  private final AccessNeedsProperties properties;
  private final RuntimeService runtime;
  private final HistoryService history;

  public AccessArrangements(InvitationFacts facts, InvitationRepository invitations, AccessNeedsRepository needs,
      ExpertRepository experts, WorkingDayCalendar calendar, AccessNeedsProperties properties, RuntimeService runtime,
      HistoryService history) {
    this.facts = facts;
    this.invitations = invitations;
    this.needs = needs;
    this.experts = experts;
    this.calendar = calendar;
    this.properties = properties;
    this.runtime = runtime;
    this.history = history;
  }

  /**
   * Starts {@code arrange-access-needs} for an answered invitation if it was a yes with access
   * needs, or a yes to an evaluation session (bids to send); does nothing otherwise, or if it was
   * started already. It is the application's rule, so it runs whoever answered.
   */
  public void afterAnswer(long invitationId) {
    Facts invitation = facts.find(invitationId).orElseThrow();
    if (invitation.status() != InvitationStatus.ACCEPTED) {
      return;
    }
    boolean hasNeeds = needs.of(invitationId).map(n -> n.needs() != null).orElse(false);
    boolean bids = isEvaluation(invitation.stage());
    if (!hasNeeds && !bids) {
      return;
    }
    String businessKey = businessKey(invitationId);
    AsApplication.run(() -> {
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
          .processInstanceBusinessKey(businessKey).count() > 0) {
        return;
      }
      Expert expert = experts.findById(invitation.expertId()).orElseThrow();
      Map<String, Object> variables = Variables.createVariables()
          .putValue(INVITATION_ID, invitationId)
          .putValue(REQUEST_ID, invitation.requestId())
          .putValue(EXPERT_REF, invitations.get(invitationId).expertRef())
          .putValue(SESSION_DAY, MessageContent.DAY.format(invitation.sessionDate()))
          .putValue(ARRANGE_BY, arrangeBy(invitation.sessionDate()));
      if (bids) {
        variables.put(PAPERS_TO_SEND, papersBy(expert.contactChannel()));
      }
      runtime.startProcessInstanceByKey(PROCESS_ID, businessKey, variables);
    });
  }

  /**
   * "invitation/42": the invitation's id, marked as such, so it is never taken for the id of a
   * cycle, whose processes use the bare number.
   */
  public static String businessKey(long invitationId) {
    return "invitation/" + invitationId;
  }

  /** The end of the working day {@code arrange-working-days-before} working days before the session. */
  public Date arrangeBy(LocalDate sessionDate) {
    LocalDate day = sessionDate;
    int counted = 0;
    while (counted < properties.arrangeWorkingDaysBefore()) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return Date.from(day.atTime(DUE_AT).atZone(ZoneId.systemDefault()).toInstant());
  }

  static boolean isEvaluation(String stage) {
    return "EVALUATION".equals(stage);
  }

  /** How the bids reach someone, as their invitation said: by post unless they read email. */
  static String papersBy(ContactChannel channel) {
    return channel == ContactChannel.POST || channel == ContactChannel.PHONE
        ? "The bids, by post" : "The bids, by email (or by post if they ask)";
  }
}
