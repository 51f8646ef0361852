package org.coproduced.commissioning.involvement.invitation;

import org.coproduced.commissioning.notification.MessageContent;
import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.LinkPageController;
import org.coproduced.commissioning.web.PageException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the answer link in an invitation. Opening it only shows the invitation;
 * pressing a button records the answer. Without a valid token it shows nothing but a kind "this
 * link does not work".
 */
@LinkPageController
public class InvitationLinkPageController {

  private final InvitationLinks invitations;

  public InvitationLinkPageController(InvitationLinks invitations) {
    this.invitations = invitations;
  }

  @GetMapping("/app/invitations/{token}")
  public String showInvitation(@PathVariable String token, @RequestParam(required = false) String answer,
      Model model) {
    model.addAttribute("answer", answer);
    model.addAttribute("token", token);
    return invitationPage(invitations.show(token), model);
  }

  @PostMapping("/app/invitations/{token}")
  public String answerInvitation(@PathVariable String token, @RequestParam(required = false) String answer,
      @RequestParam(required = false) String accessNeeds, @RequestParam(required = false) String takePartAs,
      @RequestParam(required = false) Integer seenChange, Model model) {
    model.addAttribute("token", token);
    try {
      InvitationLinks.Page page = invitations.answer(token, answer, accessNeeds, takePartAs, seenChange);
      model.addAttribute("needsGiven", accessNeeds != null && !accessNeeds.isBlank());
      return invitationPage(page, model);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("answer", answer);
      model.addAttribute("accessNeeds", accessNeeds);
      model.addAttribute("takePartAs", takePartAs);
      return invitationPage(invitations.show(token), model);
    }
  }

  private String invitationPage(InvitationLinks.Page page, Model model) {
    if (page.state() == InvitationLinks.State.REFUSED) {
      throw PageException.notFound("that invitation");
    }
    model.addAttribute("page", page);
    model.addAttribute("date", MessageContent.DAY.format(page.invitation().sessionDate()));
    if (page.invitation().change() != null) {
      model.addAttribute("previousDate", MessageContent.DAY.format(page.invitation().change().previousDate()));
    }
    return "links/invitation";
  }
}
