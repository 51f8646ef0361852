package org.coproduced.commissioning.procurement;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The award decision as the experts on the panel hear it, and who has been told and how: the
 * coordinator's task to tell someone by post or phone links here, because a Camunda Form cannot
 * read the explanation from the application's tables.
 */
@PageController
public class AwardPageController {

  private final WebUsers users;
  private final CycleOutlines cycles;
  private final ProcurementRepository procurement;
  private final AwardExplanations explanations;

  public AwardPageController(WebUsers users, CycleOutlines cycles, ProcurementRepository procurement,
      AwardExplanations explanations) {
    this.users = users;
    this.cycles = cycles;
    this.procurement = procurement;
    this.explanations = explanations;
  }

  @GetMapping("/app/cycles/{cycleId}/award")
  public String award(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    model.addAttribute("cycle", cycles.outline(cycleId)
        .orElseThrow(() -> PageException.notFound("that commissioning cycle")));
    model.addAttribute("award", procurement.award(cycleId).filter(a -> a.winningBidder() != null).orElse(null));
    model.addAttribute("panel", explanations.forCycle(cycleId));
    return "award";
  }
}
