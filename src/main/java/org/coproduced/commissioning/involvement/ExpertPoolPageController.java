package org.coproduced.commissioning.involvement;

import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.PageTokens;
import org.coproduced.commissioning.web.WebUser;
import org.coproduced.commissioning.web.WebUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.experts.ExpertPoolView;
import org.coproduced.commissioning.experts.ExpertProfile;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.invitation.AccessNeedsRepository;
import org.coproduced.commissioning.involvement.invitation.AccessNeedsRepository.AccessNeeds;
import org.coproduced.commissioning.involvement.recompense.BenefitsCheck;
import org.coproduced.commissioning.involvement.recompense.BenefitsRules;
import org.coproduced.commissioning.involvement.recompense.LedgerEntry;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert pool for coordinators (and administrators, who may look but not pay): who is active,
 * whose consent or wellbeing review is due, hours given in the last 90 days, what is owed, and
 * whose payments approach the amount that may affect their benefits. No database access needed.
 */
@PageController
public class ExpertPoolPageController {

  private static final BigDecimal NOTHING_OWED = BigDecimal.ZERO.setScale(2);

  static final String[] POOL_READERS = {AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS};

  private final WebUsers users;
  private final ExpertPoolView pool;
  private final ExpertRepository experts;
  private final RecompenseLedger ledger;
  private final BenefitsRules benefitsRules;
  private final LivedExperienceAreas areas;
  private final AccessNeedsRepository accessNeeds;
  private final InvolvementRequestRepository requests;

  public ExpertPoolPageController(WebUsers users, ExpertPoolView pool, ExpertRepository experts,
      RecompenseLedger ledger, BenefitsRules benefitsRules, LivedExperienceAreas areas,
      AccessNeedsRepository accessNeeds, InvolvementRequestRepository requests) {
    this.users = users;
    this.pool = pool;
    this.experts = experts;
    this.ledger = ledger;
    this.benefitsRules = benefitsRules;
    this.areas = areas;
    this.accessNeeds = accessNeeds;
    this.requests = requests;
  }

  /** What the expert needed for one session they said yes to, and what was arranged. */
  public record AccessNeedsLine(LocalDate sessionDate, long requestId, AccessNeeds needs) {}

  /** One line of the pool page. */
  public record PoolLine(ExpertPoolView.Row row, BigDecimal owed, BenefitsCheck benefits, String areas) {}

  @GetMapping("/app/experts")
  public String pool(HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(POOL_READERS);
    LocalDate today = ProcessClock.today();
    // The whole pool's sums and labels are read once, not once per expert: the page lists hundreds.
    Map<Long, BigDecimal> owed = ledger.owedByExpert();
    Map<Long, BenefitsCheck> benefits = benefitsRules.benefitsChecks(today);
    BenefitsCheck nothingPaid = benefitsRules.nothingPaid(today);
    UnaryOperator<String> label = areas.labeller();
    List<PoolLine> lines = pool.rows(today).stream()
        .map(row -> new PoolLine(row, owed.getOrDefault(row.expert().id(), NOTHING_OWED),
            benefits.getOrDefault(row.expert().id(), nothingPaid),
            String.join(", ", row.expert().livedExperience().stream().map(label).toList())))
        .toList();
    model.addAttribute("today", today);
    model.addAttribute("lines", lines);
    model.addAttribute("activeCount", lines.stream().filter(l -> l.row().active()).count());
    model.addAttribute("pausedCount", lines.stream()
        .filter(l -> !l.row().expert().erased() && l.row().expert().status().name().equals("PAUSED")).count());
    model.addAttribute("leftCount", lines.stream()
        .filter(l -> l.row().expert().erased() || l.row().expert().status().name().equals("LEFT")).count());
    model.addAttribute("reviewsDue", lines.stream()
        .filter(l -> l.row().consentReviewDue() || l.row().wellbeingReviewDue()).toList());
    model.addAttribute("benefitsDue", lines.stream().filter(l -> l.benefits().warn()).toList());
    model.addAttribute("reviewDueWithinDays", pool.reviewDueWithinDays());
    model.addAttribute("areas", areas.all());
    model.addAttribute("canEdit", user.isIn(AccessGroups.COORDINATORS, AccessGroups.ADMINISTRATORS));
    model.addAttribute("token", PageTokens.token(request.getSession()));
    return "experts";
  }

  @GetMapping("/app/experts/{ref}")
  public String expert(@PathVariable String ref, HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(POOL_READERS);
    return showExpert(ref, user, request, model, null);
  }

  /** Records that an owed entry was paid, or the voucher or training credit given. */
  @PostMapping("/app/experts/{ref}/payments/{entryId}")
  public String pay(@PathVariable String ref, @PathVariable long entryId,
      @RequestParam(required = false) String token, @RequestParam(required = false) String adviceOffered,
      HttpServletRequest request, Model model) {
    WebUser user = users.current(request);
    user.requireAnyGroup(AccessGroups.COORDINATORS);
    PageTokens.require(request.getSession(), token);
    ExpertProfile profile = profile(ref);
    LedgerEntry entry = ledger.findEntry(entryId).filter(e -> e.expertId() == profile.expert().id())
        .orElseThrow(() -> PageException.notFound("that payment"));
    LocalDate today = ProcessClock.today();
    BenefitsCheck check = benefitsRules.benefitsCheck(profile.expert().id(), today);
    boolean advisedInPeriod = profile.benefitsAdviceOfferedOn() != null
        && !profile.benefitsAdviceOfferedOn().isBefore(check.from());
    boolean ticked = "on".equals(adviceOffered) || "true".equals(adviceOffered);
    if (BenefitsRules.countsForBenefits(entry.kind().toLowerCase(java.util.Locale.ROOT)) && entry.amount().signum() > 0
        && check.warn() && !advisedInPeriod && !ticked) {
      return showExpert(ref, user, request, model, "Before paying, offer independent benefits advice: "
          + check.message() + " Tick \"I have offered benefits advice\" when you have.");
    }
    if (ticked) {
      experts.recordBenefitsAdviceOffered(profile.expert().id(), today);
    }
    ledger.markPaid(entry.id(), today, user.userId());
    return "redirect:/app/experts/" + profile.ref();
  }

  @PostMapping("/app/experts/areas")
  public String addArea(@RequestParam(required = false) String label, @RequestParam(required = false) String token,
      HttpServletRequest request, Model model) {
    users.current(request).requireAnyGroup(POOL_READERS);
    PageTokens.require(request.getSession(), token);
    try {
      areas.add(label);
    } catch (FormInputException problem) {
      model.addAttribute("areaError", problem.getMessage());
      return pool(request, model);
    }
    return "redirect:/app/experts#areas";
  }

  @PostMapping("/app/experts/areas/{code}/retire")
  public String retireArea(@PathVariable String code, @RequestParam(required = false) String token,
      HttpServletRequest request) {
    users.current(request).requireAnyGroup(POOL_READERS);
    PageTokens.require(request.getSession(), token);
    areas.retire(code);
    return "redirect:/app/experts#areas";
  }

  private String showExpert(String ref, WebUser user, HttpServletRequest request, Model model, String error) {
    ExpertProfile profile = profile(ref);
    LocalDate today = ProcessClock.today();
    model.addAttribute("today", today);
    model.addAttribute("profile", profile);
    model.addAttribute("areas", String.join(", ", profile.livedExperience().stream().map(areas::labelOf).toList()));
    model.addAttribute("entries", ledger.entriesFor(profile.expert().id()));
    model.addAttribute("owed", ledger.owedTo(profile.expert().id()));
    model.addAttribute("benefits", benefitsRules.benefitsCheck(profile.expert().id(), today));
    model.addAttribute("showNotes", user.isIn(AccessGroups.COORDINATORS));
    model.addAttribute("accessNeeds", user.isIn(AccessGroups.COORDINATORS)
        ? accessNeeds.byExpert(profile.expert().id()).stream()
            .map(n -> new AccessNeedsLine(requests.get(n.requestId()).sessionDate(), n.requestId(), n)).toList()
        : List.of());
    model.addAttribute("canPay", user.isIn(AccessGroups.COORDINATORS));
    model.addAttribute("token", PageTokens.token(request.getSession()));
    model.addAttribute("error", error);
    return "expert";
  }

  private ExpertProfile profile(String ref) {
    String normalised = ref == null ? "" : ref.trim().toUpperCase(java.util.Locale.ROOT);
    return experts.findProfile(normalised).orElseThrow(() -> PageException.notFound("an expert " + normalised));
  }
}
