package org.coproduced.commissioning.procurement;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.coproduced.commissioning.involvement.matching.NotProposed;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageTokens;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's page for a scoring panel left short: who is on it, and either someone found
 * through matching to join it, or the commissioner's agreement to go on. A problem shows on the
 * same page in plain words, and nothing changes.
 */
@PageController
public class ScoringPanelPageController {

  private final WebUsers users;
  private final ScoringPanel panel;
  private final InvolvementRequestRepository requests;
  private final MatchingService matching;

  public ScoringPanelPageController(WebUsers users, ScoringPanel panel, InvolvementRequestRepository requests,
      MatchingService matching) {
    this.users = users;
    this.panel = panel;
    this.requests = requests;
    this.matching = matching;
  }

  @GetMapping("/app/cycles/{cycleId}/scoring-panel")
  public String page(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    model.addAttribute("cycleId", cycleId);
    model.addAttribute("panel", panel.view(cycleId).orElse(null));
    Optional<InvolvementRequest> evaluation = evaluationRequest(cycleId);
    model.addAttribute("evaluationRequestId", evaluation.map(InvolvementRequest::id).orElse(null));
    // The fairest first, as on the evaluation's proposal page: matching's order, people who could come.
    model.addAttribute("candidates", evaluation.map(r -> matching.notProposed(r, codes -> "").stream()
        .filter(NotProposed::canCome).toList()).orElse(List.of()));
    model.addAttribute("token", PageTokens.token(request.getSession()));
    return "scoring-panel";
  }

  @PostMapping("/app/cycles/{cycleId}/scoring-panel/add")
  public String add(@PathVariable long cycleId, @RequestParam(required = false) String expertRef,
      @RequestParam(required = false) String token, HttpServletRequest request, Model model) {
    WebUser user = coordinator(request, token);
    try {
      panel.add(cycleId, expertRef, user.userId());
    } catch (FormInputException problem) {
      model.addAttribute("panelError", problem.getMessage());
      return page(cycleId, request, model);
    }
    return "redirect:/app/cycles/" + cycleId + "/scoring-panel";
  }

  @PostMapping("/app/cycles/{cycleId}/scoring-panel/go-on")
  public String goOn(@PathVariable long cycleId, @RequestParam(required = false) String reason,
      @RequestParam(required = false) boolean commissionerAgrees, @RequestParam(required = false) String token,
      HttpServletRequest request, Model model) {
    WebUser user = coordinator(request, token);
    try {
      panel.goOn(cycleId, reason, commissionerAgrees, user.userId());
    } catch (FormInputException problem) {
      model.addAttribute("panelError", problem.getMessage());
      model.addAttribute("reason", reason);
      return page(cycleId, request, model);
    }
    return "redirect:/app/cycles/" + cycleId + "/scoring-panel";
  }

  private Optional<InvolvementRequest> evaluationRequest(long cycleId) {
    return requests.idsOfCycle(cycleId).stream().map(requests::findById).flatMap(Optional::stream)
        .filter(r -> "EVALUATION".equals(r.stage())).max(Comparator.comparingLong(InvolvementRequest::id));
  }

  private WebUser coordinator(HttpServletRequest request, String token) {
    WebUser user = users.current(request);
    user.requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    PageTokens.require(request.getSession(), token);
    return user;
  }
}
