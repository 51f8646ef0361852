package org.coproduced.commissioning.notification;

import jakarta.servlet.http.HttpServletResponse;
import org.coproduced.commissioning.notification.MessageContent.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the links in messages. They need no sign-in: the token in the address is the
 * only key, it opens one thing for one person, and without a valid token they show nothing but
 * a kind "this link does not work". Opening a link only shows; pressing the button records.
 */
@Controller
public class LinkPagesController {

  private static final Logger LOG = LoggerFactory.getLogger(LinkPagesController.class);

  private final FeedbackLinks feedback;
  private final InvitationLinks invitations;
  private final MessageProperties properties;

  public LinkPagesController(FeedbackLinks feedback, InvitationLinks invitations, MessageProperties properties) {
    this.feedback = feedback;
    this.invitations = invitations;
    this.properties = properties;
  }

  @ModelAttribute
  void common(Model model, HttpServletResponse response) {
    // The token is in the address: keep it out of caches, other sites' logs and search engines.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex");
    model.addAttribute("contact", Contact.of(properties));
  }

  @GetMapping("/app/feedback/acknowledge/{token}")
  public String showFeedback(@PathVariable String token, Model model, HttpServletResponse response) {
    return feedbackPage(feedback.show(token), model, response);
  }

  @PostMapping("/app/feedback/acknowledge/{token}")
  public String acknowledge(@PathVariable String token, @RequestParam(required = false) String reply, Model model,
      HttpServletResponse response) {
    try {
      return feedbackPage(feedback.acknowledge(token, reply), model, response);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("reply", reply);
      return feedbackPage(feedback.show(token), model, response);
    }
  }

  @GetMapping("/app/invitations/{token}")
  public String showInvitation(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
      HttpServletResponse response) {
    model.addAttribute("answer", answer);
    return invitationPage(invitations.show(token), model, response);
  }

  @PostMapping("/app/invitations/{token}")
  public String answerInvitation(@PathVariable String token, @RequestParam(required = false) String answer,
      @RequestParam(required = false) String accessNeeds, Model model, HttpServletResponse response) {
    try {
      return invitationPage(invitations.answer(token, answer, accessNeeds), model, response);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("answer", answer);
      model.addAttribute("accessNeeds", accessNeeds);
      return invitationPage(invitations.show(token), model, response);
    }
  }

  /** Anything unexpected (two answers at the same moment, the database away): nothing was recorded. */
  @ExceptionHandler(RuntimeException.class)
  public String problem(RuntimeException problem, Model model, HttpServletResponse response) {
    LOG.error("A link could not be handled", problem);
    common(model, response);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    return "links/problem";
  }

  private String feedbackPage(FeedbackLinks.Page page, Model model, HttpServletResponse response) {
    if (page.state() == FeedbackLinks.State.REFUSED) {
      return refused(response);
    }
    model.addAttribute("page", page);
    return "links/acknowledge";
  }

  private String invitationPage(InvitationLinks.Page page, Model model, HttpServletResponse response) {
    if (page.state() == InvitationLinks.State.REFUSED) {
      return refused(response);
    }
    model.addAttribute("page", page);
    model.addAttribute("date", MessageContent.DAY.format(page.invitation().sessionDate()));
    return "links/invitation";
  }

  private static String refused(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "links/refused";
  }
}
