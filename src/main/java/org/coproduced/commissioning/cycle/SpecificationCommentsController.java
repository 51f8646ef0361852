package org.coproduced.commissioning.cycle;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.cycle.SpecificationComments.Answer;
import org.coproduced.commissioning.cycle.SpecificationComments.ReviewComment;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.PageTokens;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewers' comments on the specification, every round, by reference; the commissioner
 * answers each comment of the last round here (changed or not, and why) before the next draft.
 * Camunda Forms cannot show the application's tables, so the draft and mediation tasks link here.
 */
@PageController
public class SpecificationCommentsController {

  private final WebUsers users;
  private final CycleRepository cycles;
  private final SpecificationComments comments;

  public SpecificationCommentsController(WebUsers users, CycleRepository cycles, SpecificationComments comments) {
    this.users = users;
    this.cycles = cycles;
    this.comments = comments;
  }

  @GetMapping("/app/cycles/{cycleId}/specification/comments")
  public String comments(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    // The words are the reviewers'; auditors see the rounds and decisions in the audit views instead.
    user.requireAnyGroup(AccessGroups.COMMISSIONERS, AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    show(cycleId, user, request, model);
    return "specification-comments";
  }

  @PostMapping("/app/cycles/{cycleId}/specification/comments")
  public String answer(@PathVariable long cycleId, @RequestParam Map<String, String> params,
      HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(AccessGroups.COMMISSIONERS);
    PageTokens.require(request.getSession(), params.get("token"));
    Map<Long, Answer> answers = new LinkedHashMap<>();
    for (ReviewComment comment : comments.lastRound(cycle(cycleId).id())) {
      String changed = params.get("changed-" + comment.id());
      String why = params.get("why-" + comment.id());
      if (changed == null && (why == null || why.isBlank())) {
        continue; // left for later
      }
      answers.put(comment.id(), new Answer(changed == null ? null : "yes".equals(changed), why));
    }
    try {
      comments.answer(cycleId, answers, user.userId());
      model.addAttribute("saved", true);
    } catch (FormInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("typed", params);
    }
    show(cycleId, user, request, model);
    return "specification-comments";
  }

  private void show(long cycleId, WebUser user, HttpServletRequest request, Model model) {
    model.addAttribute("cycle", cycle(cycleId));
    List<ReviewComment> all = comments.forCycle(cycleId);
    List<ReviewComment> last = comments.lastRound(cycleId);
    model.addAttribute("comments", all);
    model.addAttribute("lastRound", last);
    model.addAttribute("mayAnswer", user.isIn(AccessGroups.COMMISSIONERS) && !last.isEmpty());
    model.addAttribute("token", PageTokens.token(request.getSession()));
  }

  private Cycle cycle(long cycleId) {
    return cycles.findById(cycleId).orElseThrow(() -> PageException.notFound("that commissioning cycle"));
  }
}
