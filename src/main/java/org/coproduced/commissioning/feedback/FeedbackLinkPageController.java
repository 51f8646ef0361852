package org.coproduced.commissioning.feedback;

import org.coproduced.commissioning.web.LinkInputException;
import org.coproduced.commissioning.web.LinkPageController;
import org.coproduced.commissioning.web.PageException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the acknowledgement link in a "you said, we did" message. Opening it shows the
 * person their feedback; pressing the button records that they read it.
 */
@LinkPageController
public class FeedbackLinkPageController {

  private final FeedbackLinks feedback;

  public FeedbackLinkPageController(FeedbackLinks feedback) {
    this.feedback = feedback;
  }

  @GetMapping("/app/feedback/acknowledge/{token}")
  public String showFeedback(@PathVariable String token, Model model) {
    return feedbackPage(token, feedback.show(token), model);
  }

  @PostMapping("/app/feedback/acknowledge/{token}")
  public String acknowledge(@PathVariable String token, @RequestParam(required = false) String reply,
      @RequestParam(required = false) String publicConsent, Model model) {
    try {
      return feedbackPage(token, feedback.acknowledge(token, reply, publicConsent), model);
    } catch (LinkInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("reply", reply);
      model.addAttribute("publicConsent", publicConsent);
      return feedbackPage(token, feedback.show(token), model);
    }
  }

  @PostMapping("/app/feedback/acknowledge/{token}/step-back")
  public String stepBack(@PathVariable String token, @RequestParam(required = false) String stepBack,
      @RequestParam(required = false) String note, Model model) {
    try {
      return feedbackPage(token, feedback.stepBack(token, stepBack, note), model);
    } catch (LinkInputException problem) {
      model.addAttribute("stepBackError", problem.getMessage());
      model.addAttribute("note", note);
      return feedbackPage(token, feedback.show(token), model);
    }
  }

  private String feedbackPage(String token, FeedbackLinks.Page page, Model model) {
    if (page.state() == FeedbackLinks.State.REFUSED) {
      throw PageException.notFound("that feedback");
    }
    model.addAttribute("page", page);
    model.addAttribute("token", token);
    return "links/acknowledge";
  }
}
