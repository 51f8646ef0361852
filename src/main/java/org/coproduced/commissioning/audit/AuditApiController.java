package org.coproduced.commissioning.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.coproduced.commissioning.audit.AuditReports.CycleDetail;
import org.coproduced.commissioning.audit.AuditReports.CycleFigures;
import org.coproduced.commissioning.audit.AuditReports.CyclePage;
import org.coproduced.commissioning.audit.AuditReports.Figures;
import org.coproduced.commissioning.audit.CoproductionEvidence.ContributionFate;
import org.coproduced.commissioning.audit.CoproductionEvidence.FeedbackRecord;
import org.coproduced.commissioning.audit.CoproductionEvidence.Gate;
import org.coproduced.commissioning.audit.CoproductionEvidence.RecompenseTotal;
import org.coproduced.commissioning.web.PageException;
import org.coproduced.commissioning.web.WebUsers;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The read-only JSON and CSV behind the auditors' Cockpit plugins. Every request needs the
 * Cockpit session of an auditor or administrator; nothing here changes anything.
 */
@RestController
@RequestMapping("/app/api/audit")
public class AuditApiController {

  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final AuditorAccess access;
  private final AuditReports reports;
  private final WebUsers users;
  private final SessionExperienceFigures howItFelt;

  public AuditApiController(AuditorAccess access, AuditReports reports, WebUsers users,
      SessionExperienceFigures howItFelt) {
    this.access = access;
    this.reports = reports;
    this.users = users;
    this.howItFelt = howItFelt;
  }

  /** One page of cycles, newest first; {@code page} counts from 1. */
  @GetMapping("/cycles")
  public ResponseEntity<CyclePage> cycles(@RequestParam(name = "page", required = false) String page,
      HttpServletRequest request) {
    return json(access.read(request, () -> reports.cycles(pageNumber(page))));
  }

  /** The page asked for: a whole number from 1 (the newest cycles), or 1 when none is given. */
  static int pageNumber(String page) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    try {
      int number = Integer.parseInt(page.trim());
      if (number >= 1 && number <= 1_000_000) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // Answered below, as for a number out of range.
    }
    throw new PageException(HttpStatus.BAD_REQUEST, "The page of cycles must be a whole number from 1.");
  }

  @GetMapping("/cycles/{cycleId}")
  public ResponseEntity<CycleDetail> cycle(@PathVariable long cycleId, HttpServletRequest request) {
    return json(access.read(request, () -> reports.cycle(cycleId))
        .orElseThrow(() -> PageException.notFound("that commissioning cycle")));
  }

  @GetMapping("/process-instances/{processInstanceId}/cycle")
  public ResponseEntity<CycleFigures> cycleOfProcessInstance(@PathVariable String processInstanceId,
      HttpServletRequest request) {
    return json(access.read(request, () -> reports.cycleOfProcessInstance(processInstanceId))
        .orElseThrow(() -> new PageException(HttpStatus.NOT_FOUND,
            "This process instance is not part of a commissioning cycle you may read.")));
  }

  @GetMapping("/figures")
  public ResponseEntity<Figures> figures(HttpServletRequest request) {
    return json(access.read(request, reports::figures));
  }

  @GetMapping("/cycles.csv")
  public ResponseEntity<String> cyclesCsv(HttpServletRequest request) {
    List<CycleFigures> cycles = access.read(request, reports::allCycles);
    Csv csv = new Csv("cycle", "title", "service area", "status", "started", "ended", "gates passed", "sessions",
        "sessions with full notice", "contributions", "adopted", "partly adopted", "not adopted", "unanswered",
        "contributors", "acknowledged", "attested", "waiting", "median days from decision to feedback",
        "replies answered", "replies waiting", "expert hours", "recompense (GBP)", "expenses (GBP)",
        SessionExperienceAuditController.CSV_HEADERS[0], SessionExperienceAuditController.CSV_HEADERS[1],
        SessionExperienceAuditController.CSV_HEADERS[2], SessionExperienceAuditController.CSV_HEADERS[3],
        SessionExperienceAuditController.CSV_HEADERS[4],
        "contributions at sessions", "contributions written or recorded", "contributions from peer research");
    SessionExperienceFigures.Report felt = access.read(request, howItFelt::report);
    for (CycleFigures c : cycles) {
      SessionExperienceFigures.HowItFelt f = felt.of(c.cycleId());
      csv.row(c.cycleId(), c.title(), c.serviceArea(), c.status(), c.startedAt(), c.endedAt(), c.gatesPassed(),
          c.sessions(), c.sessionsWithFullNotice(), c.contributions(), c.adopted(), c.partly(), c.notAdopted(),
          c.unanswered(), c.contributors(), c.acknowledged(), c.attested(), c.waiting(),
          c.medianDaysFromDecisionToFeedback(), c.repliesAnswered(), c.repliesWaiting(), c.expertHours(), c.recompense(), c.expenses(),
          f.answers(), f.listenedTo(), f.prepared(), f.fairlyPaid(), f.wouldTakePartAgain(),
          c.contributionsAtSessions(), c.contributionsWritten(), c.contributionsFromPeerResearch());
    }
    return csv("coproduction-cycles.csv", csv);
  }

  @GetMapping("/experts.csv")
  public ResponseEntity<String> expertsCsv(HttpServletRequest request) {
    Figures figures = access.read(request, reports::figures);
    Csv csv = new Csv("contributor", "hours given", "sessions attended");
    figures.experts().forEach(e -> csv.row(e.contributor(), e.hours(), e.sessions()));
    return csv("coproduction-hours-per-expert.csv", csv);
  }

  @GetMapping("/cycles/{cycleId}/contributions.csv")
  public ResponseEntity<String> contributionsCsv(@PathVariable long cycleId, HttpServletRequest request) {
    CycleDetail detail = access.read(request, () -> reports.cycle(cycleId))
        .orElseThrow(() -> PageException.notFound("that commissioning cycle"));
    Map<String, FeedbackRecord> feedback = new java.util.HashMap<>();
    detail.feedback().forEach(f -> feedback.put(f.contributor(), f));
    Csv csv = new Csv("contribution", "contributor", "stage", "route", "outcome", "what changed", "why", "answered",
        "feedback", "feedback completed", "days from decision to feedback");
    for (ContributionFate c : detail.contributions()) {
      FeedbackRecord f = feedback.get(c.contributor());
      csv.row(c.ref(), c.contributor(), c.stage(), c.route(), c.outcome(), c.whatChanged(), c.whyDecided(), c.answeredAt(),
          f == null ? null : f.status(), f == null ? null : f.completedAt(), f == null ? null : f.daysFromDecision());
    }
    return csv("cycle-" + cycleId + "-contributions.csv", csv);
  }

  /**
   * One line per Procurement Act step of a cycle's tender: the route, each assessment summary, the
   * contract award notice and standstill, any challenge, the contract and the contract details
   * notice, each with its date and reference.
   */
  @GetMapping("/cycles/{cycleId}/procurement.csv")
  public ResponseEntity<String> procurementCsv(@PathVariable long cycleId, HttpServletRequest request) {
    CycleDetail detail = access.read(request, () -> reports.cycle(cycleId))
        .orElseThrow(() -> PageException.notFound("that commissioning cycle"));
    Csv csv = new Csv("step", "date", "reference", "note");
    detail.decisions().procurementSteps().forEach(s -> csv.row(s.step(), s.date(), s.reference(), s.note()));
    return csv("cycle-" + cycleId + "-procurement.csv", csv);
  }

  /**
   * One line per session of a cycle: attendance, and how many who said yes needed something to
   * take part and whether it was arranged before the session. Never what they needed.
   */
  @GetMapping("/cycles/{cycleId}/sessions.csv")
  public ResponseEntity<String> sessionsCsv(@PathVariable long cycleId, HttpServletRequest request) {
    CycleDetail detail = access.read(request, () -> reports.cycle(cycleId))
        .orElseThrow(() -> PageException.notFound("that commissioning cycle"));
    Csv csv = new Csv("stage", "session date", "invited", "accepted", "attended", "with access needs",
        "arranged before the session", "arranged late", "not arranged", "gate passed", "contributions at the session",
        "contributions written or recorded", "contributions from peer research");
    for (Gate g : detail.gates()) {
      csv.row(g.stage(), g.sessionDate(), g.invited(), g.accepted(), g.attended(), g.withAccessNeeds(),
          g.accessArrangedBeforeSession(), g.accessArrangedLate(), g.accessNotArranged(), g.passed(),
          g.contributionsAtSession(), g.contributionsWritten(), g.contributionsFromPeerResearch());
    }
    return csv("cycle-" + cycleId + "-sessions.csv", csv);
  }

  /**
   * One line per kind of work (sessions, reviewing the specification, meetings to agree it) and
   * kind of recompense in a cycle: how many entries, hours, recompense and expenses. Never who.
   */
  @GetMapping("/cycles/{cycleId}/recompense.csv")
  public ResponseEntity<String> recompenseCsv(@PathVariable long cycleId, HttpServletRequest request) {
    CycleDetail detail = access.read(request, () -> reports.cycle(cycleId))
        .orElseThrow(() -> PageException.notFound("that commissioning cycle"));
    Csv csv = new Csv("for", "recompense", "entries", "hours", "recompense (GBP)", "expenses (GBP)");
    for (RecompenseTotal r : detail.recompense()) {
      csv.row(r.work(), kindInWords(r.kind()), r.entries(), r.hours(), r.amount(), r.expenses());
    }
    return csv("cycle-" + cycleId + "-recompense.csv", csv);
  }

  /** The form of recompense an expert chose, as people say it. */
  static String kindInWords(String kind) {
    return switch (kind) {
      case "PAYMENT" -> "payment";
      case "VOUCHER" -> "voucher";
      case "TRAINING" -> "training credit";
      case "NONE" -> "none, by their choice";
      default -> kind;
    };
  }

  /** Auditors read; nothing can be changed through these views, whoever asks. */
  @RequestMapping(path = "/**", method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
      RequestMethod.DELETE})
  public ResponseEntity<Map<String, Object>> refuseChanges(HttpServletRequest request) {
    users.current(request);
    throw new PageException(HttpStatus.FORBIDDEN, "The audit views are read only: nothing can be changed here.");
  }

  @ExceptionHandler(PageException.class)
  public ResponseEntity<Map<String, Object>> problem(PageException problem) {
    return ResponseEntity.status(problem.status()).cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", problem.status().value(), "message", problem.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> badLink() {
    return problem(PageException.notFound("that commissioning cycle"));
  }

  private static <T> ResponseEntity<T> json(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static ResponseEntity<String> csv(String filename, Csv csv) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString());
  }
}
