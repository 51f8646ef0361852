package org.coproduced.commissioning.involvement.matching;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.invitation.SessionChanges;
import org.coproduced.commissioning.involvement.invitation.SessionMoveForm;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageTokens;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * From the proposal page, a coordinator moves a session or cancels it, saying why. A problem shows
 * on the same page in plain words, and nothing changes.
 */
@PageController
public class SessionChangePageController {

  private final WebUsers users;
  private final SessionChanges changes;
  private final SessionMoveForm form;
  private final ProposalPageController proposal;

  public SessionChangePageController(WebUsers users, SessionChanges changes, SessionMoveForm form,
      ProposalPageController proposal) {
    this.users = users;
    this.changes = changes;
    this.form = form;
    this.proposal = proposal;
  }

  @PostMapping("/app/requests/{requestId}/session/move")
  public String move(@PathVariable long requestId, @RequestParam(required = false) String sessionDate,
      @RequestParam(required = false) String sessionTime, @RequestParam(required = false) String sessionFormat,
      @RequestParam(required = false) String venueAndAccess, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String shortNoticeReason, @RequestParam(required = false) String token,
      HttpServletRequest request, Model model) {
    WebUser user = coordinator(request, token);
    try {
      changes.move(requestId, form.read(sessionDate, sessionTime, sessionFormat, venueAndAccess, reason,
          shortNoticeReason), user.userId());
    } catch (FormInputException problem) {
      model.addAttribute("changeError", problem.getMessage());
      return proposal.proposal(requestId, request, model);
    }
    return "redirect:/app/requests/" + requestId + "/proposal#session-change";
  }

  @PostMapping("/app/requests/{requestId}/session/cancel")
  public String cancel(@PathVariable long requestId, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String token, HttpServletRequest request, Model model) {
    WebUser user = coordinator(request, token);
    try {
      changes.cancel(requestId, reason, user.userId());
    } catch (FormInputException problem) {
      model.addAttribute("changeError", problem.getMessage());
      return proposal.proposal(requestId, request, model);
    }
    return "redirect:/app/requests/" + requestId + "/proposal#session-change";
  }

  private WebUser coordinator(HttpServletRequest request, String token) {
    WebUser user = users.current(request);
    user.requireAnyGroup("coordinators", "camunda-admin");
    PageTokens.require(request.getSession(), token);
    return user;
  }
}
