package org.coproduced.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.RequestDetails;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application's own pages: who may open them, and that what experts wrote shows as text. */
@ApplicationTest
class PagesTest {

  static final String HOSTILE = "<script>alert('x')</script><b>bold</b>";

  @LocalServerPort int port;
  @Autowired CycleRepository cycles;
  @Autowired InvolvementRequestRepository requests;
  @Autowired ContributionRepository contributions;
  @Autowired ExpertRepository experts;

  long cycleId;
  long requestId;

  @BeforeEach
  void cycleWithAHostileContribution() {
    cycleId = cycles.insert("Pages test", "mental-health", "under-100k", "Experts will shape the service.",
        "Better outcomes", "Spring", "commissioner", null);
    requestId = requests.save(null, cycleId, "ANALYSE", new RequestDetails("Share views", "To design it",
        "coproduction", CycleDriver.nextSessionDate(), "10:00", 2, "in-person", "Hall", 2, List.of("mental-health"),
        "Commissioner"), 20, null);
    contributions.insert(requestId, cycleId, experts.findByRef("EX-0003").orElseThrow().id(), "ANALYSE", HOSTILE);
  }

  private WebSession signedIn(String app, String user) throws Exception {
    WebSession session = WebSession.open(port, app);
    assertThat(session.trySignIn(app, user, "demo")).isEqualTo(200);
    return session;
  }

  @Test
  void pagesAskPeopleToSignInFirst() throws Exception {
    HttpResponse<String> page = WebSession.open(port, "tasklist").get("/app/cycles/" + cycleId + "/contributions");

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("Please sign in to Tasklist first").doesNotContain(HOSTILE);
  }

  @Test
  void whatExpertsSaidShowsAsTextNeverAsMarkup() throws Exception {
    HttpResponse<String> page = signedIn("tasklist", "commissioner").get("/app/cycles/" + cycleId + "/contributions");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
  }

  @Test
  void expertsCannotOpenStaffPagesOrOtherExpertsFeedback() throws Exception {
    WebSession expert = signedIn("tasklist", "expert1");

    assertThat(expert.get("/app/cycles/" + cycleId + "/contributions").statusCode()).isEqualTo(403);
    assertThat(expert.get("/app/requests/" + requestId + "/proposal").statusCode()).isEqualTo(403);
    assertThat(expert.get("/app/my-feedback/" + cycleId).statusCode()).isEqualTo(403);
    HttpResponse<String> own = signedIn("tasklist", "expert3").get("/app/my-feedback/" + cycleId);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("Thank you for sharing").contains("&lt;script&gt;");
  }

  @Test
  void coordinatorsSeeWhoIsProposedWithNames() throws Exception {
    HttpResponse<String> page = signedIn("tasklist", "coordinator").get("/app/requests/" + requestId + "/proposal");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Who is proposed for this session");
  }

  @Test
  void unknownIdsGetAKindMessage() throws Exception {
    HttpResponse<String> page = signedIn("tasklist", "commissioner").get("/app/cycles/999999/contributions");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("We could not find that commissioning cycle");
    assertThat(signedIn("tasklist", "commissioner").get("/app/cycles/not-a-number/contributions").statusCode())
        .isEqualTo(404);
  }

  @Test
  void stoppingACycleNeedsThePagesTokenAndAReason() throws Exception {
    WebSession commissioner = signedIn("tasklist", "commissioner");
    String path = "/app/cycles/" + cycleId + "/cancel";

    assertThat(commissioner.postForm(path, "reason", "The budget was withdrawn by the council.").statusCode())
        .isEqualTo(403);
    String token = WebSession.formToken(commissioner.get(path).body());
    HttpResponse<String> tooShort = commissioner.postForm(path, "reason", "budget", "token", token);
    assertThat(tooShort.body()).contains("Please explain why the cycle is stopping");
    assertThat(cycles.findById(cycleId).orElseThrow().status()).isEqualTo("ACTIVE");
    assertThat(signedIn("tasklist", "coordinator").get(path).statusCode()).isEqualTo(403);
  }
}
