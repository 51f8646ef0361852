package org.coproduced.commissioning.involvement.aftercare;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * How a session was for one expert, and the coordinator's check-in with them, for the coordinator
 * who gets in touch: the task in Tasklist links here, because the answers never go into the
 * engine. Coordinators only.
 */
@PageController
public class SessionExperiencePageController {

  private final WebUsers users;
  private final InvitationRepository invitations;
  private final InvolvementRequestRepository requests;
  private final CycleOutlines cycles;
  private final SessionExperienceRepository experiences;
  private final CheckInRepository checkIns;
  private final ExpertContacts contacts;

  public SessionExperiencePageController(WebUsers users, InvitationRepository invitations,
      InvolvementRequestRepository requests, CycleOutlines cycles, SessionExperienceRepository experiences,
      CheckInRepository checkIns, ExpertContacts contacts) {
    this.users = users;
    this.invitations = invitations;
    this.requests = requests;
    this.cycles = cycles;
    this.experiences = experiences;
    this.checkIns = checkIns;
    this.contacts = contacts;
  }

  @GetMapping("/app/session-experiences/{invitationId}")
  public String experience(@PathVariable long invitationId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    SessionExperienceRepository.Experience experience = experiences.findByInvitation(invitationId)
        .orElseThrow(() -> PageException.notFound("answers about that session"));
    Invitation invitation = invitations.get(invitationId);
    long cycleId = requests.get(invitation.requestId()).cycleId();
    model.addAttribute("cycle", cycles.outline(cycleId).orElseThrow(() -> PageException.notFound("that cycle")));
    model.addAttribute("expertRef", invitation.expertRef());
    model.addAttribute("experience", experience);
    model.addAttribute("checkIn", checkIns.find(invitationId).orElse(null));
    model.addAttribute("contact", contacts.expert(invitation.expertRef()).orElse(null));
    return "session-experience";
  }
}
