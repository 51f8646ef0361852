package org.coproduced.commissioning.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.feedback.FeedbackStatus;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.recompense.RecompenseStatus;
import org.coproduced.commissioning.involvement.recompense.RecompenseLedger;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PersonalDataScan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An expert joins with a Tasklist sign-in, takes part in a session of a cycle, and then asks for
 * their personal data to be erased: nothing that says who they were is left in the application's
 * tables or the engine, while the cycle's history still adds up under their reference.
 */
@ApplicationTest
class ExpertErasureTest {

  static final String NAME = "Wren Okonjo-Blake";
  static final String EMAIL = "wren.ob@example.org";
  static final String PHONE = "01632 960555";
  static final String ADDRESS = "9 Larkspur Row";
  static final String ACCESS_NEEDS = "Needs a hearing loop";
  static final String ACCESS_ARRANGED = "Hearing loop booked in the small hall";
  static final String EXPENSES_NOTE = "Bus from Eastfield";
  static final String SAID = "The night shelter turned me away because my dog came too.";
  // Words no other test's experts share, so the scans below find only this expert's.
  static final String WELLBEING_NOTES = "Gets anxious in lifts; meet on the ground floor.";
  static final String INTERESTS = "Trustee of Heronsgate Housing Co-op";

  @Autowired ProcessEngine engine;
  @Autowired ExpertRepository experts;
  @Autowired LivedExperienceAreas areas;
  @Autowired SessionHours sessionHours;
  @Autowired CycleRepository cycles;
  @Autowired ContributionRepository contributions;
  @Autowired InvitationRepository invitations;
  @Autowired RecompenseLedger ledger;
  @Autowired FeedbackRepository feedback;
  @Autowired JdbcClient jdbc;

  @Test
  void erasureLeavesNoPersonalDataAndTheCycleStillReadsCorrectly() {
    String user = "expert99";
    User signIn = engine.getIdentityService().newUser(user);
    signIn.setFirstName("Expert");
    signIn.setLastName("Erasure");
    signIn.setEmail(EMAIL);
    signIn.setPassword("not-a-demo-password");
    engine.getIdentityService().saveUser(signIn);
    engine.getIdentityService().createMembership(user, "experts");
    // An area only this expert shares, so the session proposes them alone.
    LivedExperienceArea area = areas.add("Sleeping rough with a dog");
    OnboardingDriver onboarding = new OnboardingDriver(engine);
    ProcessInstance join = onboarding.start("coordinator", "join", null);
    Map<String, Object> details = OnboardingDriver.joining(NAME, EMAIL);
    details.put("contactChannel", "tasklist");
    details.put("privateTasklistUser", user);
    details.put("privatePhone", PHONE);
    details.put("privatePostalAddress", ADDRESS);
    details.put("experienced", true);
    details.put("buddyRef", "none");
    details.put("privateWellbeingNotes", WELLBEING_NOTES);
    details.put("privateDeclaredInterests", INTERESTS);
    details.put("livedExperience", SpinValues.jsonValue("[\"" + area.code() + "\"]").create());
    onboarding.submit(join, details);
    String ref = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(join.getId()).variableName("expertRef").singleResult().getValue();
    Expert expert = experts.findByRef(ref).orElseThrow();

    long cycleId = cycles.insert("Erasure test", "housing-homelessness", "under-100k", "Experts shape it.",
        "Better outcomes", "Spring", "commissioner", null);
    String bk = String.valueOf(cycleId);
    ProcessInstance gate = engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));
    CycleDriver driver = new CycleDriver(engine);
    Task describe = driver.task(bk, "Activity_DescribeRequest");
    SpinJsonNode options = (SpinJsonNode) engine.getTaskService().getVariable(describe.getId(), "livedExperienceOptions");
    assertThat(options.toString()).as("the request form offers the managed list").contains(area.code());
    // Well inside the three months until this expert's wellbeing review.
    Map<String, Object> request = CycleDriver.requestFields(ProcessClock.today().plusDays(25), 1);
    request.put("livedExperience", SpinValues.jsonValue("[\"" + area.code() + "\"]").create());
    driver.submit(describe, request);
    driver.acceptRequest(bk);
    driver.confirmExperts(bk);
    Task answer = driver.task(bk, "Activity_AnswerInvitation");
    assertThat(answer.getAssignee()).isEqualTo(user);
    driver.submit(answer, Map.of("invitationAnswer", "accept", "privateAccessNeeds", ACCESS_NEEDS));
    driver.submit(engine.getTaskService().createTaskQuery().processDefinitionKey("arrange-access-needs")
        .processInstanceBusinessKeyLike("invitation/%").taskNameLike("%" + ref + "%").singleResult(),
        Map.of("privateAccessArranged", ACCESS_ARRANGED));
    driver.fireTimer(bk, "Event_SessionDue");
    driver.submit(driver.task(bk, "Activity_RecordContribution"), Map.of("attended", "yes",
        "privateContribution1", SAID, "hoursGiven", 2, "preparationHours", 1, "expensesTravel", 4.8,
        "privateExpensesNote", EXPENSES_NOTE, "expensesApproved", true));
    assertThat(gate).isEnded();
    assertThat(PersonalDataScan.find(jdbc, "CC_", NAME, ACCESS_NEEDS, EXPENSES_NOTE, ACCESS_ARRANGED)).hasSize(4);

    ProcessInstance erase = onboarding.start("coordinator", "erase", ref);
    onboarding.submit(erase, Map.of("erasureRequestedOn", ProcessClock.today().toString(), "erasureConfirmed", true));

    assertThat(PersonalDataScan.find(jdbc, "CC_", NAME, EMAIL, PHONE, ADDRESS, ACCESS_NEEDS, EXPENSES_NOTE,
        WELLBEING_NOTES, INTERESTS, ACCESS_ARRANGED, user)).isEmpty();
    assertThat(PersonalDataScan.find(jdbc, "ACT_", NAME, EMAIL, PHONE, ADDRESS, ACCESS_NEEDS, EXPENSES_NOTE,
        WELLBEING_NOTES, INTERESTS, SAID)).isEmpty();
    assertThat(engine.getIdentityService().createUserQuery().userId(user).count()).as("sign-in removed").isZero();
    Expert erased = experts.findByRef(ref).orElseThrow();
    assertThat(erased.erased()).isTrue();
    assertThat(erased.livedExperience()).isEmpty();

    // The cycle's history still reads correctly, under the reference.
    assertThat(contributions.findByCycle(cycleId)).singleElement().satisfies(contribution -> {
      assertThat(contribution.expertRef()).isEqualTo(ref);
      assertThat(contribution.said()).isEqualTo(SAID);
    });
    assertThat(invitations.findByRequest(requestId(gate))).singleElement()
        .extracting(Invitation::expertRef, Invitation::status).containsExactly(ref, InvitationStatus.ACCEPTED);
    assertThat(ledger.entriesFor(expert.id())).singleElement().satisfies(entry -> {
      assertThat(entry.expertRef()).isEqualTo(ref);
      assertThat(entry.hours()).isEqualTo(2);
      assertThat(entry.expenses()).isEqualByComparingTo("4.80");
      assertThat(entry.status()).isEqualTo(RecompenseStatus.OWED);
    });
    assertThat(sessionHours.byExpertBetween(ProcessClock.today().minusYears(1), ProcessClock.today().plusYears(1)))
        .containsEntry(expert.id(), 3);
    assertThat(feedback.waitingRefs(cycleId)).as("nobody waits for feedback they asked not to get").isEmpty();
    assertThat(feedback.statusOf(cycleId, ref)).isEqualTo(FeedbackStatus.ATTESTED);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(gate.getId())
        .singleResult().getBusinessKey()).isEqualTo(bk);
    areas.retire(area.code());
  }

  private long requestId(ProcessInstance gate) {
    return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(gate.getId())
        .variableName("requestId").singleResult().getValue()).longValue();
  }
}
