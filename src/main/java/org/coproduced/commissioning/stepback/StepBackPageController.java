package org.coproduced.commissioning.stepback;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What an expert told us when they stepped back from a task, for the coordinator following up.
 * Camunda Forms cannot show the application's tables (and the words must not go into the engine),
 * so the follow-up task links here.
 */
@PageController
public class StepBackPageController {

  private final WebUsers users;
  private final StepBackRepository stepBacks;

  public StepBackPageController(WebUsers users, StepBackRepository stepBacks) {
    this.users = users;
    this.stepBacks = stepBacks;
  }

  @GetMapping("/app/step-backs")
  public String stepBack(@RequestParam(required = false) String task, HttpServletRequest request, Model model) {
    // The words are the expert's: only the people who follow up with them read them.
    users.current(request).requireAnyGroup(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS);
    StepBackRepository.StepBack found = Optional.ofNullable(task).flatMap(stepBacks::find)
        .orElseThrow(() -> PageException.notFound("that task"));
    model.addAttribute("stepBack", found);
    model.addAttribute("asked", TaskKinds.inWords(found.taskKind()));
    return "step-back";
  }
}
