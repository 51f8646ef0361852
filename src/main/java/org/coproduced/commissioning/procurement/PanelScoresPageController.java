package org.coproduced.commissioning.procurement;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Each panel member's scores for one bid beside the notes they wrote, by reference, so the panel
 * agrees its scores on reasons and not only on numbers. The moderation task links here: the notes
 * are people's own words and stay in the application's tables, never in the task's variables.
 */
@PageController
public class PanelScoresPageController {

  private final WebUsers users;
  private final ProcurementRepository procurement;

  public PanelScoresPageController(WebUsers users, ProcurementRepository procurement) {
    this.users = users;
    this.procurement = procurement;
  }

  @GetMapping("/app/bids/{bidId}/scores")
  public String scores(@PathVariable long bidId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    Bid bid;
    try {
      bid = procurement.bid(bidId);
    } catch (IllegalArgumentException missing) {
      throw PageException.notFound("that bid");
    }
    model.addAttribute("bid", bid);
    model.addAttribute("scores", procurement.scoresWithNotes(bidId));
    return "panel-scores";
  }
}
