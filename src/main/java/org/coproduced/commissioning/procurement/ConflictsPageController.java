package org.coproduced.commissioning.procurement;

import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.procurement.InterestDeclarations;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Declarations of interest of a cycle's evaluation panel, for auditors, commissioners and
 * coordinators: who declared what, when, which bids they then scored, and any score that broke
 * the rules (Procurement Act 2023, section 81).
 */
@PageController
public class ConflictsPageController {

  private final WebUsers users;
  private final CycleOutlines cycles;
  private final InterestDeclarations declarations;

  public ConflictsPageController(WebUsers users, CycleOutlines cycles, InterestDeclarations declarations) {
    this.users = users;
    this.cycles = cycles;
    this.declarations = declarations;
  }

  @GetMapping("/app/cycles/{cycleId}/conflicts")
  public String conflicts(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    model.addAttribute("cycle", cycles.outline(cycleId)
        .orElseThrow(() -> PageException.notFound("that commissioning cycle")));
    model.addAttribute("evaluators", declarations.forCycle(cycleId));
    return "conflicts";
  }
}
