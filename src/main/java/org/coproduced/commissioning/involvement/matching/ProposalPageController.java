package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.AccessNeedsRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The coordinator's view of who is proposed for a session, with names (never in the engine). */
@PageController
public class ProposalPageController {

  private final WebUsers users;
  private final InvolvementRequestRepository requests;
  private final InvitationRepository invitations;
  private final ExpertRepository experts;
  private final MatchingService matching;
  private final LivedExperienceAreas areas;
  private final AccessNeedsRepository accessNeeds;

  public ProposalPageController(WebUsers users, InvolvementRequestRepository requests,
      InvitationRepository invitations, ExpertRepository experts, MatchingService matching,
      LivedExperienceAreas areas, AccessNeedsRepository accessNeeds) {
    this.users = users;
    this.requests = requests;
    this.invitations = invitations;
    this.experts = experts;
    this.matching = matching;
    this.areas = areas;
    this.accessNeeds = accessNeeds;
  }

  @GetMapping("/app/requests/{requestId}/proposal")
  public String proposal(@PathVariable long requestId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup("coordinators", "camunda-admin");
    InvolvementRequest involvement = requests.findById(requestId)
        .orElseThrow(() -> PageException.notFound("that involvement request"));
    model.addAttribute("request", involvement);
    // The areas are read once: the people who could not come may be most of a pool of hundreds.
    java.util.function.UnaryOperator<String> label = areas.labeller();
    model.addAttribute("rows", invitations.findByRequest(requestId).stream()
        .map(i -> new ProposalRow(i, experts.findById(i.expertId()).orElseThrow()))
        .toList());
    model.addAttribute("followUpNotes", invitations.followUpNotesByRequest(requestId));
    model.addAttribute("accessNeeds", accessNeeds.byRequest(requestId));
    model.addAttribute("confirmationNotes", requests.confirmationNotes(requestId).orElse(null));
    model.addAttribute("calledOffReason", requests.calledOffReason(requestId).orElse(null));
    model.addAttribute("gaps", involvement.representationGaps() == null ? ""
        : java.util.Arrays.stream(involvement.representationGaps().split(",")).map(label)
            .collect(java.util.stream.Collectors.joining(", ")));
    model.addAttribute("asked", involvement.livedExperience().stream().map(label)
        .collect(java.util.stream.Collectors.joining(", ")));
    java.util.List<NotProposed> notProposed = matching.notProposed(involvement,
        codes -> codes.isEmpty() ? "none recorded"
            : codes.stream().map(label).collect(java.util.stream.Collectors.joining(", ")));
    model.addAttribute("couldCome", notProposed.stream().filter(NotProposed::canCome).toList());
    model.addAttribute("cannotCome", notProposed.stream().filter(n -> !n.canCome()).toList());
    model.addAttribute("nobodyProposed", invitations.findByRequest(requestId).stream()
        .noneMatch(i -> i.status().isProposedOrConfirmed() || i.status() == InvitationStatus.INVITED
            || i.status() == InvitationStatus.ACCEPTED));
    model.addAttribute("cap", matching.capHours());
    model.addAttribute("lastChange", requests.lastSessionChange(requestId).orElse(null));
    model.addAttribute("canChange", org.coproduced.commissioning.involvement.RequestStatus.ACCEPTED.name()
        .equals(involvement.status()));
    model.addAttribute("token", org.coproduced.commissioning.web.PageTokens.token(request.getSession()));
    return "proposal";
  }

  /** One invited expert, as the coordinator sees them. */
  public record ProposalRow(org.coproduced.commissioning.involvement.invitation.Invitation invitation,
      org.coproduced.commissioning.experts.Expert expert) {}
}
