package org.coproduced.commissioning.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The paths of process {@code expert-onboarding}, one test per path, as a coordinator in Tasklist. */
@ApplicationTest
class ExpertOnboardingProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ExpertRepository experts;
  @Autowired JdbcClient jdbc;

  OnboardingDriver driver;
  final List<String> joined = new ArrayList<>();
  LocalDate today;

  @BeforeEach
  void setUp() {
    driver = new OnboardingDriver(engine);
    today = ProcessClock.today();
  }

  /** Experts who joined here leave the pool, so other tests never see them as candidates. */
  @AfterEach
  void leavePool() {
    joined.forEach(ref -> jdbc.sql("UPDATE cc_expert SET status = 'LEFT' WHERE ref = ?").param(ref).update());
  }

  @Test
  void someoneJoiningGetsANewReferenceAndTheirPersonalDetailsNeverReachTheEngine() {
    ProcessInstance onboarding = driver.start("coordinator", "join", null);
    assertThat(onboarding).isWaitingAt("Activity_RecordExpertDetails");
    assertThat(driver.task(onboarding).getAssignee()).isEqualTo("coordinator");

    driver.submit(onboarding, OnboardingDriver.joining("Quinn Harlowe", "quinn.harlowe@example.org"));

    assertThat(onboarding).isEnded().hasPassed("Activity_RecordExpertDetails", "Event_ExpertRecorded");
    String ref = join(onboarding);
    assertThat(ref).matches("EX-\\d{4}");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(onboarding.getId())
        .singleResult().getBusinessKey()).isEqualTo(ref);
    ExpertProfile profile = experts.findProfile(ref).orElseThrow();
    assertThat(profile.expert().displayName()).isEqualTo("Quinn Harlowe");
    assertThat(profile.email()).isEqualTo("quinn.harlowe@example.org");
    assertThat(profile.wellbeingNotes()).contains("near the door");
    assertThat(profile.declaredInterests()).isEqualTo("Volunteers at Kestrel Lane Drop-in");
    assertThat(profile.expert().livedExperience()).containsExactly("homelessness", "mental-health");
    assertThat(profile.expert().recompensePreference()).isEqualTo("voucher");
    assertThat(profile.benefitsAdviceOfferedOn()).isEqualTo(today);
    assertThat(profile.expert().buddyRef()).isEqualTo("EX-0001");
    assertThat(profile.expert().isClearedFor(today.plusDays(10))).isTrue();
    assertThat(PersonalDataScan.find(jdbc, "ACT_", "Quinn Harlowe", "quinn.harlowe", "01632 960777", "near the door",
        "Kestrel Lane")).isEmpty();
    // The scan does find what is there: the application's own table holds it.
    assertThat(PersonalDataScan.find(jdbc, "CC_", "Quinn Harlowe", "quinn.harlowe"))
        .containsExactlyInAnyOrder("CC_EXPERT.DISPLAY_NAME contains Quinn Harlowe", "CC_EXPERT.EMAIL contains quinn.harlowe");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(onboarding.getId())
        .variableNameLike("private%").count()).isZero();
  }

  @Test
  void anUpdateShowsWhatIsRecordedAndKeepsPersonalDetailsLeftEmpty() {
    String ref = joinSomeone("Rowan Pell", "rowan.pell@example.org");

    ProcessInstance update = driver.start("coordinator", "update", ref.toLowerCase());
    assertThat(update).isWaitingAt("Activity_RecordExpertDetails");
    Map<String, Object> shown = engine.getTaskService().getVariables(driver.task(update).getId());
    assertThat(shown).containsEntry("expertRef", ref).containsEntry("contactChannel", "email")
        .containsEntry("recompensePreference", "voucher").containsEntry("expertStatus", "active")
        .containsEntry("buddyRef", "EX-0001").containsEntry("benefitsAdviceOffered", "yes");
    assertThat(shown.keySet()).noneMatch(key -> key.startsWith("private"));
    assertThat(shown.values()).noneMatch(value -> String.valueOf(value).contains("Rowan"));

    Map<String, Object> changes = OnboardingDriver.joining("", "");
    changes.put("contactChannel", "phone");
    changes.put("recompensePreference", "training");
    changes.put("privateWellbeingNotes", "");
    changes.put("expertStatus", "active");
    driver.submit(update, changes);

    assertThat(update).isEnded();
    ExpertProfile profile = experts.findProfile(ref).orElseThrow();
    assertThat(profile.expert().displayName()).isEqualTo("Rowan Pell");
    assertThat(profile.email()).isEqualTo("rowan.pell@example.org");
    assertThat(profile.wellbeingNotes()).contains("near the door");
    assertThat(profile.expert().contactChannel()).isEqualTo(ContactChannel.PHONE);
    assertThat(profile.expert().recompensePreference()).isEqualTo("training");
  }

  @Test
  void aPauseStopsInvitationsUntilItsEndAndAnUpdateEndsItEarlier() {
    String ref = joinSomeone("Sasha Moreau", "sasha.moreau@example.org");

    ProcessInstance pause = driver.start("coordinator", "pause", ref);
    assertThat(pause).isWaitingAt("Activity_PauseExpert");
    // The coordinators' list says whom it is about, by reference only (no cycle: it is about the pool).
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(pause))
        .hasName("Pause the involvement of " + ref);
    driver.submit(pause, Map.of("pausedUntil", today.plusDays(30).toString(),
        "privatePauseReason", "Moving house this month."));

    assertThat(pause).isEnded().hasPassed("Event_ExpertPaused");
    Expert paused = experts.findByRef(ref).orElseThrow();
    assertThat(paused.status()).isEqualTo(ExpertStatus.PAUSED);
    assertThat(paused.isAvailableOn(today.plusDays(30))).isFalse();
    assertThat(paused.isAvailableOn(today.plusDays(31))).isTrue();
    assertThat(experts.findProfile(ref).orElseThrow().statusNote()).isEqualTo("Moving house this month.");
    assertThat(PersonalDataScan.find(jdbc, "ACT_", "Moving house")).isEmpty();

    ProcessInstance resume = driver.start("coordinator", "update", ref);
    Map<String, Object> active = OnboardingDriver.joining("", "");
    active.put("expertStatus", "active");
    driver.submit(resume, active);
    assertThat(experts.findByRef(ref).orElseThrow().isAvailableOn(today.plusDays(1))).isTrue();
  }

  @Test
  void someoneWhoLeftIsNeverAskedAgainButKeepsTheirRecord() {
    String ref = joinSomeone("Tamsin Roe", "tamsin.roe@example.org");

    ProcessInstance leave = driver.start("coordinator", "leave", ref);
    assertThat(leave).isWaitingAt("Activity_RecordExpertLeaving");
    driver.submit(leave, Map.of("leftOn", today.toString(), "privateLeavingNote", "Would like news of openings."));

    assertThat(leave).isEnded().hasPassed("Event_ExpertLeft");
    ExpertProfile profile = experts.findProfile(ref).orElseThrow();
    assertThat(profile.expert().status()).isEqualTo(ExpertStatus.LEFT);
    assertThat(profile.leftOn()).isEqualTo(today);
    assertThat(profile.expert().isAvailableOn(today.plusDays(1))).isFalse();
    assertThat(profile.email()).isEqualTo("tamsin.roe@example.org");
  }

  @Test
  void erasureWipesTheirPersonalDataAndKeepsTheReference() {
    // Contacts and notes no other test's experts share, so the scans below find only hers.
    Map<String, Object> details = OnboardingDriver.joining("Ulla Brenner", "ulla.brenner@example.org");
    details.put("privatePhone", "01632 960321");
    details.put("privateWellbeingNotes", "Mornings are hard; Ulla likes a seat near the fire exit.");
    details.put("privateDeclaredInterests", "Trustee of Heronsgate Housing Co-op");
    ProcessInstance onboarding = driver.start("coordinator", "join", null);
    driver.submit(onboarding, details);
    String ref = join(onboarding);

    ProcessInstance erase = driver.start("coordinator", "erase", ref);
    assertThat(erase).isWaitingAt("Activity_EraseExpert");
    assertThatThrownBy(() -> driver.submit(erase, Map.of("erasureRequestedOn", today.toString())))
        .hasMessageContaining("Erase their personal data now");
    driver.submit(erase, Map.of("erasureRequestedOn", today.toString(), "erasureConfirmed", true));

    assertThat(erase).isEnded().hasPassed("Event_ExpertErased");
    ExpertProfile profile = experts.findProfile(ref).orElseThrow();
    assertThat(profile.expert().erased()).isTrue();
    assertThat(profile.expert().displayName()).isNull();
    assertThat(profile.email()).isNull();
    assertThat(profile.erasedOn()).isEqualTo(today);
    assertThat(PersonalDataScan.find(jdbc, "CC_", "Ulla Brenner", "ulla.brenner", "01632 960321", "near the fire exit",
        "Heronsgate")).isEmpty();
    assertThat(PersonalDataScan.find(jdbc, "ACT_", "Ulla Brenner", "ulla.brenner", "near the fire exit")).isEmpty();
    assertThatThrownBy(() -> driver.start("coordinator", "update", ref)).hasMessageContaining("erased at their request");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "join,   EX-0003, Leave the reference empty",
      "update, '',      Please give the expert's reference",
      "pause,  EX-9999, There is no expert EX-9999",
      "leave,  nobody,  There is no expert NOBODY",
      "erase,  '',      Please give the expert's reference"})
  void aStartThatCannotWorkIsRefusedAndStartsNothing(String action, String ref, String message) {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ExpertOnboardingVariables.PROCESS_ID).count();

    assertThatThrownBy(() -> driver.start("coordinator", action, ref.isEmpty() ? null : ref))
        .hasMessageContaining(message);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ExpertOnboardingVariables.PROCESS_ID).count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no email for someone who prefers email | privateEmail       |                | please give their email address",
      "not an email address                   | privateEmail       | quinn-at-home  | does not look like an email address",
      "no name                                | privateName        |                | Please give the name",
      "consent review already passed          | consentReviewOn    | 2020-01-01     | must be in the future",
      "wellbeing check in the future          | wellbeingCheckedOn | 2099-01-01     | must already have happened",
      "consent not given                      | consentGiven       | false          | They agree to take part",
      "a buddy who is new themselves          | buddyRef           | EX-0003        | has not taken part before",
      "a Tasklist user who does not exist     | privateTasklistUser| nobody-here    | There is no Tasklist user",
      "a Tasklist user who is staff           | privateTasklistUser| coordinator    | There is no Tasklist user",
      "a Tasklist user who is another expert  | privateTasklistUser| expert2        | already belongs to EX-0002",
      "an area nobody offers                  | livedExperience    | gambling       | Please choose only the options"})
  void detailsThatCannotBeRightAreRefusedAndSaveNothing(String description, String field, String value,
      String message) {
    ProcessInstance onboarding = driver.start("coordinator", "join", null);
    Map<String, Object> fields = OnboardingDriver.joining("Vic Amari", "vic.amari@example.org");
    fields.put(field, value == null ? "" : "false".equals(value) ? Boolean.FALSE : value);
    long before = experts.count();

    assertThatThrownBy(() -> driver.submit(onboarding, fields)).hasMessageContaining(message);

    assertThat(onboarding).isWaitingAt("Activity_RecordExpertDetails");
    assertThat(experts.count()).isEqualTo(before);
    assertThat(PersonalDataScan.find(jdbc, "ACT_", "Vic Amari", "vic.amari")).isEmpty();
  }

  @Test
  void onlyCoordinatorsStartIt() {
    assertThatThrownBy(() -> driver.start("expert1", "join", null)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.start("commissioner", "join", null)).isInstanceOf(AuthorizationException.class);
  }

  private String joinSomeone(String name, String email) {
    ProcessInstance onboarding = driver.start("coordinator", "join", null);
    driver.submit(onboarding, OnboardingDriver.joining(name, email));
    return join(onboarding);
  }

  private String join(ProcessInstance onboarding) {
    String ref = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(onboarding.getId()).variableName("expertRef").singleResult().getValue();
    joined.add(ref);
    return ref;
  }
}
