package org.coproduced.commissioning.involvement.aftercare;

import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.LinkPageController;
import org.coproduced.commissioning.web.PageException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind the link in the "How was it for you?" email: a few short questions, all optional. */
@LinkPageController
public class SessionExperienceLinkPageController {

  private final SessionExperienceLinks links;

  public SessionExperienceLinkPageController(SessionExperienceLinks links) {
    this.links = links;
  }

  @GetMapping("/app/how-was-it/{token}")
  public String questions(@PathVariable String token, Model model) {
    return page(links.show(token), model);
  }

  @PostMapping("/app/how-was-it/{token}")
  public String answer(@PathVariable String token, @RequestParam(required = false) String listenedTo,
      @RequestParam(required = false) String prepared, @RequestParam(required = false) String fairlyPaid,
      @RequestParam(required = false) String takePartAgain, @RequestParam(required = false) String whatToChange,
      @RequestParam(required = false) String wantsContact, Model model) {
    try {
      return page(links.answer(token, listenedTo, prepared, fairlyPaid, takePartAgain, whatToChange, wantsContact),
          model);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("whatToChange", whatToChange);
      return page(links.show(token), model);
    }
  }

  private String page(SessionExperienceLinks.Page page, Model model) {
    if (page.state() == SessionExperienceLinks.State.REFUSED) {
      throw PageException.notFound("those questions");
    }
    model.addAttribute("page", page);
    return "links/how-was-it";
  }
}
