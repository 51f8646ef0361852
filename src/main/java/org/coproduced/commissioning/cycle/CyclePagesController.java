package org.coproduced.commissioning.cycle;

import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.cycle.Cycle;
import org.coproduced.commissioning.cycle.CycleCancellation;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.peerresearch.PassBackWords;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages about one cycle that Tasklist forms link to: what experts said, the specification, feedback. */
@PageController
public class CyclePagesController {

  private static final String CANCEL_TOKEN = "coproduction.cancelToken";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebUsers users;
  private final PageAccess access;
  private final CycleRepository cycles;
  private final ContributionRepository contributions;
  private final CycleCancellation cancellation;
  private final SpecificationComments comments;
  private final PassBackWords passBack;

  public CyclePagesController(WebUsers users, PageAccess access, CycleRepository cycles,
      ContributionRepository contributions, CycleCancellation cancellation, SpecificationComments comments,
      PassBackWords passBack) {
    this.passBack = passBack;
    this.users = users;
    this.access = access;
    this.cycles = cycles;
    this.contributions = contributions;
    this.cancellation = cancellation;
    this.comments = comments;
  }

  @GetMapping("/app/cycles/{cycleId}/contributions")
  public String contributions(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    model.addAttribute("cycle", cycle(cycleId));
    model.addAttribute("contributions", contributions.findByCycle(cycleId));
    return "contributions";
  }

  @GetMapping("/app/contributions/{contributionId}")
  public String contribution(@PathVariable long contributionId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    Contribution contribution = contributions.findById(contributionId)
        .orElseThrow(() -> PageException.notFound("that contribution"));
    model.addAttribute("cycle", cycle(contribution.cycleId()));
    model.addAttribute("contributions", List.of(contribution));
    return "contributions";
  }

  @GetMapping("/app/cycles/{cycleId}/specification")
  public String specification(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    access.requireStaffOrContributor(user, cycleId);
    model.addAttribute("cycle", cycle(cycleId));
    // A reviewer reads the commissioner's answers to their own comments; staff follow a link to all of them.
    boolean staff = user.isIn(AccessGroups.STAFF);
    String ref = staff ? null : access.expertRefOf(user);
    model.addAttribute("staff", staff);
    model.addAttribute("myComments", ref == null ? List.of() : comments.ofReviewer(cycleId, ref));
    return "specification";
  }

  @GetMapping("/app/cycles/{cycleId}/feedback")
  public String feedback(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(AccessGroups.STAFF);
    model.addAttribute("cycle", cycle(cycleId));
    List<Contribution> all = contributions.findByCycle(cycleId);
    model.addAttribute("contributions", all);
    model.addAttribute("passBack", passBack.byContribution(all));
    model.addAttribute("personal", false);
    return "feedback";
  }

  @GetMapping("/app/my-feedback/{cycleId}")
  public String myFeedback(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    access.requireCycle(cycleId);
    String ref = access.expertRefOf(user);
    List<Contribution> mine = ref == null ? List.of() : contributions.findByCycleAndExpert(cycleId, ref);
    if (mine.isEmpty()) {
      throw PageException.forbidden();
    }
    model.addAttribute("cycle", cycle(cycleId));
    model.addAttribute("contributions", mine);
    model.addAttribute("passBack", passBack.byContribution(mine));
    model.addAttribute("personal", true);
    return "feedback";
  }

  @GetMapping("/app/cycles/{cycleId}/cancel")
  public String cancelForm(@PathVariable long cycleId, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup("commissioners");
    model.addAttribute("cycle", cycle(cycleId));
    model.addAttribute("token", cancelToken(request.getSession()));
    return "cancel";
  }

  @PostMapping("/app/cycles/{cycleId}/cancel")
  public String cancel(@PathVariable long cycleId, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String token, HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup("commissioners");
    HttpSession session = request.getSession();
    if (token == null || !token.equals(session.getAttribute(CANCEL_TOKEN))) {
      throw PageException.forbidden();
    }
    model.addAttribute("cycle", cycle(cycleId));
    try {
      cancellation.cancel(cycleId, reason);
    } catch (FormInputException problem) {
      model.addAttribute("error", problem.getMessage());
      model.addAttribute("reason", reason);
      model.addAttribute("token", cancelToken(session));
      return "cancel";
    }
    return "cancelled";
  }

  private Cycle cycle(long cycleId) {
    return cycles.findById(cycleId).orElseThrow(() -> PageException.notFound("that commissioning cycle"));
  }

  private static String cancelToken(HttpSession session) {
    Object token = session.getAttribute(CANCEL_TOKEN);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      session.setAttribute(CANCEL_TOKEN, token);
    }
    return token.toString();
  }
}
