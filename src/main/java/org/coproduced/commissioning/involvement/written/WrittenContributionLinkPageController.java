package org.coproduced.commissioning.involvement.written;

import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.LinkPageController;
import org.coproduced.commissioning.web.PageException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the link in "Would you like to send us your thoughts instead?": a box to write
 * in, or a button to ask a coordinator to take it down by phone or from a recording. The token in
 * the address is the only key, as on every link page.
 */
@LinkPageController
public class WrittenContributionLinkPageController {

  static final String PATH = "/app/send-your-thoughts/{token}";

  private final WrittenContributionLinks links;

  public WrittenContributionLinkPageController(WrittenContributionLinks links) {
    this.links = links;
  }

  @GetMapping(PATH)
  public String offer(@PathVariable String token, Model model) {
    return page(links.show(token), model);
  }

  @PostMapping(PATH)
  public String send(@PathVariable String token, @RequestParam(required = false) String thoughts,
      @RequestParam(required = false) String talk, Model model) {
    if ("yes".equals(talk)) {
      return page(links.askToTalk(token), model);
    }
    try {
      return page(links.send(token, thoughts), model);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("thoughts", thoughts);
      return page(links.show(token), model);
    }
  }

  private String page(WrittenContributionLinks.Page page, Model model) {
    if (page.state() == WrittenContributionLinks.State.REFUSED) {
      throw PageException.notFound("that page");
    }
    model.addAttribute("page", page);
    return "links/send-your-thoughts";
  }
}
