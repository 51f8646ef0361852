package org.coproduced.commissioning.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What an expert wrote back about their feedback, for the coordinator who answers it: the task in
 * Tasklist links here, because a Camunda Form cannot read the words from the application's tables
 * (and they must never be in the engine). Coordinators only.
 */
@PageController
public class FeedbackReplyPageController {

  private final WebUsers users;
  private final CycleOutlines cycles;
  private final FeedbackReplyRepository replies;
  private final ExpertContacts contacts;

  public FeedbackReplyPageController(WebUsers users, CycleOutlines cycles, FeedbackReplyRepository replies,
      ExpertContacts contacts) {
    this.users = users;
    this.cycles = cycles;
    this.replies = replies;
    this.contacts = contacts;
  }

  @GetMapping("/app/cycles/{cycleId}/replies/{expertRef}")
  public String reply(@PathVariable long cycleId, @PathVariable String expertRef, HttpServletRequest request,
      Model model) {
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    model.addAttribute("cycle", cycles.outline(cycleId)
        .orElseThrow(() -> PageException.notFound("that commissioning cycle")));
    model.addAttribute("reply", replies.find(cycleId, expertRef)
        .orElseThrow(() -> PageException.notFound("that reply")));
    model.addAttribute("contact", contacts.expert(expertRef).orElse(null));
    return "feedback-reply";
  }
}
