package org.coproduced.commissioning.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.coproduced.commissioning.audit.SessionExperienceFigures.HowItFelt;
import org.coproduced.commissioning.audit.SessionExperienceFigures.Report;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.coproduced.commissioning.web.PageException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' "How was it for you?" figures, as JSON for Cockpit and as CSV. Read only. */
@RestController
@RequestMapping("/app/api/audit")
public class SessionExperienceAuditController {

  static final String[] CSV_HEADERS = {"answers about taking part", "felt listened to", "felt prepared enough",
      "felt fairly paid", "would take part again"};

  private final AuditorAccess access;
  private final SessionExperienceFigures figures;

  public SessionExperienceAuditController(AuditorAccess access, SessionExperienceFigures figures) {
    this.access = access;
    this.figures = figures;
  }

  @GetMapping("/how-it-felt")
  public ResponseEntity<Report> howItFelt(HttpServletRequest request) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(access.read(request, figures::report));
  }

  @GetMapping("/how-it-felt.csv")
  public ResponseEntity<String> howItFeltCsv(HttpServletRequest request) {
    Report report = access.read(request, figures::report);
    String[] headers = new String[CSV_HEADERS.length + 1];
    headers[0] = "cycle";
    System.arraycopy(CSV_HEADERS, 0, headers, 1, CSV_HEADERS.length);
    Csv csv = new Csv(headers);
    report.perCycle().values().forEach(line -> csv.row(cells(String.valueOf(line.cycleId()), line)));
    csv.row(cells("all cycles", report.acrossCycles()));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("coproduction-how-it-felt.csv").build().toString())
        .body(csv.toString());
  }

  /** Not signed in, or not an auditor: the same plain JSON problem as the other audit endpoints. */
  @ExceptionHandler(PageException.class)
  public ResponseEntity<Map<String, Object>> problem(PageException problem) {
    return ResponseEntity.status(problem.status()).cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", problem.status().value(), "message", problem.getMessage()));
  }

  /** The figures' cells after {@code first}, in the order of {@link #CSV_HEADERS}. */
  static Object[] cells(Object first, HowItFelt line) {
    return new Object[] {first, line.answers(), line.listenedTo(), line.prepared(), line.fairlyPaid(),
        line.wouldTakePartAgain()};
  }
}
