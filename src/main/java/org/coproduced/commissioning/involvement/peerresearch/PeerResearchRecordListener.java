package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.InvolvementVariables.*;
import static org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.aftercare.SessionAftercare;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Expenses;
import org.coproduced.commissioning.involvement.recompense.WorkRecorder;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Records what a peer researcher gathered: each point, in people's own words and unnamed, becomes
 * a contribution (route peer research) by the researcher, which goes through the same "you said,
 * we did"; how many people they heard from; and the hours they spent and what they paid out,
 * which go into the recompense ledger. Someone who could not gather any views says so: no
 * contribution, and their hours are paid all the same. The words are saved in the application's tables only. Then the researcher is
 * asked how it was for them, as after a session.
 */
@Component
public class PeerResearchRecordListener implements TaskListener {

  /** The most people one peer researcher can have heard from; more is a typing slip. */
  static final int MOST_PEOPLE = 500;
  /** The most hours one peer researcher can record for one request. */
  static final int MOST_HOURS = 40;

  private final PeerResearchRepository peerResearch;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final ContributionRepository contributions;
  private final WorkRecorder work;
  private final SessionAftercare aftercare;

  public PeerResearchRecordListener(PeerResearchRepository peerResearch, InvitationRepository invitations,
      InvolvementRequestRepository requests, ContributionRepository contributions, WorkRecorder work,
      SessionAftercare aftercare) {
    this.peerResearch = peerResearch;
    this.invitations = invitations;
    this.requests = requests;
    this.contributions = contributions;
    this.work = work;
    this.aftercare = aftercare;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    // Taken out of the engine first, so no word stays there whatever happens next.
    List<String> points = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int n = 1; n <= MOST_POINTS; n++) {
      String point = form.takePrivateText(point(n), "Point " + n, TaskForm.LONG_TEXT);
      if (point != null) {
        points.add(point);
        numbers.add(n);
      }
    }
    // Kept on the task's own researcher only: these fields are not declared on the task, so they would reach the next.
    boolean heardFromNobody =
        NONE_GATHERED.equals(form.optionalText(GATHERED_ANY, "Did you gather views", TaskForm.SHORT_TEXT));
    Expenses expenses = PeerResearchExpenses.read(form);
    task.removeVariables(List.of(GATHERED_ANY, EXPENSES_TRAVEL, EXPENSES_CHILDCARE, EXPENSES_SUBSISTENCE));
    int hours = form.requiredWholeNumber(HOURS_SPENT, "Hours you spent", 1, MOST_HOURS);
    if (heardFromNobody && !points.isEmpty()) {
      throw new FormInputException("You said you could not gather any views, but wrote what people told you. "
          + "Please choose \"Yes\" if you heard from people.");
    }
    int people = heardFromNobody ? 0
        : form.requiredWholeNumber(PEOPLE_HEARD, "How many people you heard from", 1, MOST_PEOPLE);
    if (points.isEmpty() && !heardFromNobody) {
      throw new FormInputException("Please write down at least one thing people told you, in their own words. "
          + "It is how they hear back about it. If you could not gather any views, choose \"No\": "
          + "that is fine, and you are still thanked for your time.");
    }
    for (int i = 0; i < points.size(); i++) {
      UnnamedWords.check(numbers.get(i), points.get(i));
    }
    Invitation invitation = invitations.get(form.id(INVITATION_ID));
    String by = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
        ? null : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    if (!peerResearch.recordGathered(invitation.id(), people, hours, by)) {
      return; // recorded already: nothing twice
    }
    InvolvementRequest request = requests.get(invitation.requestId());
    for (String point : points) {
      contributions.insert(request.id(), request.cycleId(), invitation.expertId(), request.stage(), point,
          ContributionRoute.PEER_RESEARCH);
    }
    // A peer researcher's own claim: a coordinator checks it before recording it paid.
    work.recordPeerResearch(request.id(), request.cycleId(), invitation.expertId(), hours, expenses, null,
        ProcessClock.today());
    aftercare.afterSession(invitation);
  }
}
