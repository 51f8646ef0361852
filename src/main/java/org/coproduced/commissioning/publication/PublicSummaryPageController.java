package org.coproduced.commissioning.publication;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.publication.PublicSummary.PublicWording;
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
 * The staff page of a cycle's public summary: the commissioner writes the public wording,
 * publishes and withdraws it; the coordinator approves the wording. Nobody else may see it.
 */
@PageController
public class PublicSummaryPageController {

  private static final String PATH = "/app/cycles/{cycleId}/public-summary";

  private final WebUsers users;
  private final PublicSummaries summaries;

  public PublicSummaryPageController(WebUsers users, PublicSummaries summaries) {
    this.users = users;
    this.summaries = summaries;
  }

  @GetMapping(PATH)
  public String show(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(AccessGroups.COMMISSIONERS, AccessGroups.COORDINATORS);
    return page(cycleId, user, request, model);
  }

  @PostMapping(PATH)
  public String act(@PathVariable long cycleId, @RequestParam(required = false) String action,
      @RequestParam(required = false) String token, @RequestParam Map<String, String> fields,
      HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(AccessGroups.COMMISSIONERS, AccessGroups.COORDINATORS);
    PageTokens.require(request.getSession(), token);
    try {
      switch (action == null ? "" : action) {
        case "save" -> {
          user.requireAnyGroup(AccessGroups.COMMISSIONERS);
          summaries.save(cycleId, draft(fields), user.userId());
        }
        case "approve" -> {
          user.requireAnyGroup(AccessGroups.COORDINATORS);
          summaries.approve(cycleId, user.userId());
        }
        case "publish" -> {
          user.requireAnyGroup(AccessGroups.COMMISSIONERS);
          summaries.publish(cycleId, user.userId());
        }
        case "withdraw" -> {
          user.requireAnyGroup(AccessGroups.COMMISSIONERS);
          summaries.withdraw(cycleId, user.userId());
        }
        default -> throw new FormInputException("Please use one of the buttons on the page.");
      }
      model.addAttribute("done", action);
    } catch (FormInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("typed", fields);
    }
    return page(cycleId, user, request, model);
  }

  private String page(long cycleId, WebUser user, HttpServletRequest request, Model model) {
    model.addAttribute("editor", summaries.editor(cycleId)
        .orElseThrow(() -> PageException.notFound("that commissioning cycle")));
    model.addAttribute("commissioner", user.isIn(AccessGroups.COMMISSIONERS));
    model.addAttribute("coordinator", user.isIn(AccessGroups.COORDINATORS));
    model.addAttribute("token", PageTokens.token(request.getSession()));
    return "public-summary";
  }

  /** The typed wording: fields {@code said-12}, {@code changed-12} and {@code why-12} for contribution 12. */
  private static PublicSummaries.Draft draft(Map<String, String> fields) {
    Map<Long, PublicWording> wordings = new HashMap<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().matches("said-\\d{1,18}")) {
        String id = field.getKey().substring("said-".length());
        wordings.put(Long.parseLong(id),
            new PublicWording(field.getValue(), fields.get("changed-" + id), fields.get("why-" + id)));
      }
    }
    return new PublicSummaries.Draft(fields.get("title"), fields.get("purpose"), wordings);
  }
}
