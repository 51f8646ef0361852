package org.coproduced.commissioning.involvement.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertErasure;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.PoolFixtures;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens to the answers and check-in notes afterwards: auditors read counts and shares
 * only, per cycle and across cycles, with small numbers hidden, in Cockpit's JSON and in the CSVs;
 * erasing an expert removes their answers and their check-in notes.
 */
@ApplicationTest
class SessionExperienceRecordsTest {

  private static final String WORDS = "The tea was cold and nobody said hello (figures test)";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired CycleRepository cycles;
  @Autowired SessionExperienceRepository experiences;
  @Autowired CheckInRepository checkIns;
  @Autowired ExpertErasure erasure;

  private final ObjectMapper json = new ObjectMapper();
  PoolFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
  }

  @Test
  void auditorsSeeSharesFromFiveAnswersUpAndNeverTheWordsOrWho() throws Exception {
    long five = cycleAnswered(List.of("yes", "yes", "yes", "partly", "no"));
    long four = cycleAnswered(List.of("yes", "yes", "yes", "yes"));
    WebSession auditor = new WebSession(port).signIn("cockpit", "auditor");

    HttpResponse<String> response = auditor.get("/app/api/audit/how-it-felt");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    JsonNode fiveLine = report.get("perCycle").get(String.valueOf(five));
    assertThat(fiveLine.get("answers").asText()).isEqualTo("5");
    assertThat(fiveLine.get("listenedTo").asText()).isEqualTo("60% of 5");
    assertThat(fiveLine.get("fairlyPaid").asText()).isEqualTo("fewer than 5 answers");
    JsonNode fourLine = report.get("perCycle").get(String.valueOf(four));
    assertThat(fourLine.get("answers").asText()).isEqualTo("fewer than 5");
    assertThat(fourLine.get("listenedTo").asText()).isEqualTo("fewer than 5 answers");
    assertThat(Integer.parseInt(report.get("acrossCycles").get("answers").asText())).isGreaterThanOrEqualTo(9);
    assertThat(response.body()).doesNotContain(WORDS).doesNotContain("EX-");

    String csv = auditor.get("/app/api/audit/how-it-felt.csv").body();
    assertThat(csv).contains("cycle,answers about taking part,felt listened to,felt prepared enough,felt fairly paid,"
        + "would take part again").contains(five + ",5,60% of 5,").contains(four + ",fewer than 5,fewer than 5 answers")
        .contains("all cycles,").doesNotContain(WORDS);
    assertThat(auditor.get("/app/api/audit/cycles.csv").body()).contains("expenses (GBP),answers about taking part,"
        + "felt listened to,felt prepared enough,felt fairly paid,would take part again");
    assertThat(new WebSession(port).signIn("tasklist", "coordinator").get("/app/api/audit/how-it-felt").statusCode())
        .isEqualTo(403);
  }

  @Test
  void erasingAnExpertRemovesTheirAnswersAndTheirCheckInNotes() {
    Expert expert = fixtures.expert("payment", "homelessness");
    long cycleId = cycles.insert("Erasure of answers", "housing-homelessness", "under-100k", "Purpose", "Outcomes",
        "Spring", "commissioner", null);
    long invitationId = 900_000_000L + cycleId;
    checkIns.open(invitationId, expert.id(), cycleId);
    checkIns.close(invitationId, CheckInStatus.DONE, "Spoke about their sister (erasure test)", "coordinator");
    experiences.ask(invitationId, expert.id(), cycleId);
    experiences.answer(invitationId, SessionAnswers.of("yes", null, null, null, WORDS, false), "link");

    erasure.erase(expert.id(), "coordinator");

    assertThat(checkIns.find(invitationId).orElseThrow().notes()).isNull();
    assertThat(experiences.findByInvitation(invitationId)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cc_check_in WHERE notes LIKE '%erasure test%'").query(Long.class)
        .single()).isZero();
  }

  /** A cycle whose experts gave these answers to "did you feel listened to?" (and nothing else but their words). */
  private long cycleAnswered(List<String> listened) {
    long cycleId = cycles.insert("Figures " + listened.size(), "housing-homelessness", "under-100k", "Purpose",
        "Outcomes", "Spring", "commissioner", null);
    for (int i = 0; i < listened.size(); i++) {
      Expert expert = fixtures.expert("payment", "homelessness");
      long invitationId = 800_000_000L + cycleId * 10 + i;
      experiences.ask(invitationId, expert.id(), cycleId);
      experiences.answer(invitationId, SessionAnswers.of(listened.get(i), "yes", i == 0 ? "yes" : null, null, WORDS,
          false), "link");
    }
    return cycleId;
  }
}
