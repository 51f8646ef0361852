package org.coproduced.commissioning.forms;

import org.coproduced.commissioning.stepback.StepBackVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.cycle.CycleVariables.*;
import static org.coproduced.commissioning.feedback.FeedbackVariables.*;
import static org.coproduced.commissioning.involvement.InvolvementVariables.*;
import static org.coproduced.commissioning.procurement.ProcurementVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.coproduced.commissioning.experts.ExpertOnboardingVariables;
import org.coproduced.commissioning.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.coproduced.commissioning.feedback.FeedbackReplyVariables;
import org.coproduced.commissioning.involvement.aftercare.AftercareVariables;
import org.coproduced.commissioning.involvement.invitation.AccessArrangementVariables;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task and start event has a Camunda Form that is deployed with its process, and the
 * fields a person fills in are exactly the variables the process reads for that step.
 */
@ApplicationTest
class FormsDeployedTest {

  /** For each form: the keys of its editable fields, which the step's listener or delegate reads. */
  static final Map<String, Set<String>> FIELDS_READ = new HashMap<>();

  static {
    read("start-cycle", TITLE, SERVICE_AREA, BUDGET_BAND, INVOLVEMENT_PURPOSE, DESIRED_OUTCOMES, TIMELINE);
    read("agree-involvement-plan", SHARED_PURPOSE, ROLES_AGREED, RECOMPENSE_OFFER, PLAN_AGREED);
    read("record-contribution-use", CONTRIBUTION_USE);
    read("write-needs-assessment", NEEDS_SUMMARY, DOCUMENT_LINK);
    read("draft-specification", SPECIFICATION_SUMMARY, CHANGES_MADE, DOCUMENT_LINK);
    read("follow-up-expert-task", StepBackVariables.FOLLOW_UP_OUTCOME);
    read("review-specification", SPECIFICATION_DECISION, PRIVATE_REVIEW_COMMENTS, StepBackVariables.STEP_BACK, StepBackVariables.PRIVATE_STEP_BACK_NOTE);
    read("hold-mediation-meeting", MEETING_DATE, MEETING_HOURS, AGREED_CHANGES);
    read("publish-tender", PROCUREMENT_ROUTE, NOTICE_REFERENCE, PLANNED_NOTICE_REFERENCE, CLOSING_DATE, COPRODUCTION_QUESTION, QUALITY_WEIGHTING,
        COPRODUCTION_WEIGHTING, SOCIAL_VALUE_WEIGHTING, PRICE_WEIGHTING);
    read("record-bids", IntStream.rangeClosed(1, BID_SLOTS)
        .boxed().flatMap(i -> List.of(bidNameKey(i), bidPriceKey(i)).stream()).toArray(String[]::new));
    read("declare-interests", HAS_CONFLICT, CONFLICT_BID_NAMES, CONFLICT_DETAILS, StepBackVariables.STEP_BACK, StepBackVariables.PRIVATE_STEP_BACK_NOTE);
    read("talk-through-conflict", CONFLICT_AGREED, CONFLICT_BID_NAMES, CONFLICT_DETAILS);
    read("score-bid", QUALITY_SCORE, COPRODUCTION_SCORE, SOCIAL_VALUE_SCORE, PRICE_SCORE, PRIVATE_SCORE_NOTES, ONLY_THIS_BID,
        StepBackVariables.STEP_BACK, StepBackVariables.PRIVATE_STEP_BACK_NOTE);
    read("moderate-scores", QUALITY_SCORE, COPRODUCTION_SCORE, SOCIAL_VALUE_SCORE, PRICE_SCORE, MODERATION_NOTES);
    read("decide-award", WINNING_BID, PANEL_AGREES, REASON_FOR_EXPERTS);
    read("tell-panel-of-award", AWARD_TOLD_BY, AWARD_TOLD_ON, AWARD_TOLD_CONFIRMED);
    read("issue-assessment-summary", ASSESSMENT_SUMMARY, SUMMARY_SENT_ON);
    read("publish-award-notice", AWARD_NOTICE_REFERENCE, AWARD_NOTICE_PUBLISHED_ON, KEEP_STANDSTILL);
    read("record-standstill-challenge", CHALLENGE_RECEIVED_ON, CHALLENGE_DETAILS);
    read("record-challenge-outcome", CHALLENGE_OUTCOME, CHALLENGE_OUTCOME_ON, CHALLENGE_OUTCOME_DETAILS);
    read("award-contract", CONTRACT_REFERENCE, CONTRACT_SIGNED_DATE, CONTRACT_START_DATE);
    read("publish-contract-details", DETAILS_NOTICE_REFERENCE, DETAILS_NOTICE_PUBLISHED_ON);
    read("decide-review-outcome", REVIEW_OUTCOME, REVIEW_REASON);
    read("describe-involvement-request", WHAT_IS_ASKED, WHY_ASKED, INVOLVEMENT_KIND, SESSION_DATE, SESSION_TIME,
        DURATION_HOURS, SESSION_FORMAT, VENUE_AND_ACCESS, PLACES, LIVED_EXPERIENCE, WHO_WILL_ATTEND, OWN_EXPERIENCE,
        PeerResearchVariables.HOW_TO_TAKE_PART, PeerResearchVariables.PEER_RESEARCH_BY,
        PeerResearchVariables.PEER_RESEARCH_ASK);
    read("review-involvement-request", REQUEST_DECISION, REVIEWER_FEEDBACK, NOTICE_EXCEPTION, NOTICE_EXCEPTION_REASON);
    read("record-nobody-could-take-part", NOBODY_REASON);
    read("confirm-experts", PROPOSAL_CONFIRMED, CONFIRMATION_NOTES, REMOVE_EXPERT_REFS, ADD_EXPERT_REFS,
        OVERRIDE_REASON);
    read("answer-invitation", INVITATION_ANSWER, PRIVATE_ACCESS_NEEDS, PeerResearchVariables.TAKE_PART_AS);
    read("follow-up-invitation", CONTACT_METHOD, INVITATION_ANSWER, PRIVATE_ACCESS_NEEDS, FOLLOW_UP_NOTES,
        PeerResearchVariables.TAKE_PART_AS);
    read("record-peer-research", PeerResearchVariables.point(1), PeerResearchVariables.point(2),
        PeerResearchVariables.point(3), PeerResearchVariables.point(4), PeerResearchVariables.point(5),
        PeerResearchVariables.PEOPLE_HEARD, PeerResearchVariables.HOURS_SPENT, PeerResearchVariables.GATHERED_ANY,
        EXPENSES_TRAVEL, EXPENSES_CHILDCARE, EXPENSES_SUBSISTENCE);
    read("arrange-access-needs", AccessArrangementVariables.PRIVATE_ACCESS_ARRANGED);
    read("record-contribution", ATTENDED, PRIVATE_CONTRIBUTION_1, PRIVATE_CONTRIBUTION_2, PRIVATE_CONTRIBUTION_3,
        HOURS_GIVEN, PREPARATION_HOURS, EXPENSES_TRAVEL, EXPENSES_CHILDCARE, EXPENSES_SUBSISTENCE, PRIVATE_EXPENSES_NOTE,
        EXPENSES_APPROVED);
    read("answer-contribution", ANSWER_OUTCOME, WHAT_CHANGED, WHY_DECIDED);
    read("check-plain-english", PLAIN_ENGLISH_OK, REWORD_CONTRIBUTION_REFS, SUGGESTIONS);
    read("acknowledge-feedback", FEEDBACK_READ, PRIVATE_REPLY, PRIVATE_PUBLIC_CONSENT, StepBackVariables.STEP_BACK, StepBackVariables.PRIVATE_STEP_BACK_NOTE);
    read("follow-up-feedback", DELIVERY_METHOD, DELIVERED_ON, DELIVERY_CONFIRMED, DELIVERY_NOTES, PRIVATE_PUBLIC_CONSENT);
    read("deliver-feedback-offline", DELIVERY_METHOD, DELIVERED_ON, DELIVERY_CONFIRMED, DELIVERY_NOTES,
        PRIVATE_PUBLIC_CONSENT);
    read("answer-feedback-reply", FeedbackReplyVariables.PRIVATE_REPLY_ANSWER, FeedbackReplyVariables.TOLD_HOW);
    onboarding();
  }

  /** The forms of {@code expert-onboarding}, whose names overlap those of the involvement gate. */
  private static void onboarding() {
    read("start-expert-onboarding", ExpertOnboardingVariables.ONBOARDING_ACTION, ExpertOnboardingVariables.EXPERT_REF);
    read("record-expert-details", ExpertOnboardingVariables.PRIVATE_NAME, ExpertOnboardingVariables.CONTACT_CHANNEL,
        ExpertOnboardingVariables.PRIVATE_EMAIL, ExpertOnboardingVariables.PRIVATE_PHONE,
        ExpertOnboardingVariables.PRIVATE_POSTAL_ADDRESS, ExpertOnboardingVariables.PRIVATE_TASKLIST_USER,
        ExpertOnboardingVariables.CONSENT_GIVEN, ExpertOnboardingVariables.CONSENT_GIVEN_ON,
        ExpertOnboardingVariables.CONSENT_REVIEW_ON, ExpertOnboardingVariables.LIVED_EXPERIENCE,
        ExpertOnboardingVariables.RECOMPENSE_PREFERENCE, ExpertOnboardingVariables.BENEFITS_ADVICE_OFFERED,
        ExpertOnboardingVariables.WELLBEING_CHECKED_ON, ExpertOnboardingVariables.WELLBEING_REVIEW_ON,
        ExpertOnboardingVariables.PRIVATE_WELLBEING_NOTES, ExpertOnboardingVariables.EXPERIENCED,
        ExpertOnboardingVariables.BUDDY_REF, ExpertOnboardingVariables.PRIVATE_DECLARED_INTERESTS,
        ExpertOnboardingVariables.EXPERT_STATUS);
    read("pause-expert", ExpertOnboardingVariables.PAUSED_UNTIL, ExpertOnboardingVariables.PRIVATE_PAUSE_REASON);
    read("record-expert-leaving", ExpertOnboardingVariables.LEFT_ON, ExpertOnboardingVariables.PRIVATE_LEAVING_NOTE);
    read("erase-expert", ExpertOnboardingVariables.ERASURE_REQUESTED_ON, ExpertOnboardingVariables.ERASURE_CONFIRMED);
    read("check-in-with-expert", AftercareVariables.CHECK_IN_OUTCOME, AftercareVariables.CHECK_IN_NOTES);
    read("ask-how-the-session-went", AftercareVariables.LISTENED_TO, AftercareVariables.PREPARED,
        AftercareVariables.FAIRLY_PAID, AftercareVariables.TAKE_PART_AGAIN, AftercareVariables.WHAT_TO_CHANGE,
        AftercareVariables.WANTS_CONTACT);
    read("get-in-touch-about-session", AftercareVariables.GOT_IN_TOUCH);
  }

  private static void read(String formId, String... keys) {
    FIELDS_READ.put(formId, Set.of(keys));
  }

  @Autowired RepositoryService repository;

  @Test
  void everyUserTaskAndStartEventHasADeployedFormWhoseFieldsTheProcessReads() throws Exception {
    Set<String> formsUsed = new HashSet<>();
    for (String key : List.of("commissioning-cycle", "involvement-request", "feedback-delivery",
        "expert-onboarding", AccessArrangementVariables.PROCESS_ID, FeedbackReplyVariables.PROCESS_ID,
        StepBackVariables.FOLLOW_UP_PROCESS_ID,
        AftercareVariables.CHECK_IN_PROCESS, AftercareVariables.EXPERIENCE_PROCESS)) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(definition).as("process %s is deployed", key).isNotNull();
      Set<String> deployedForms = deployedFormIds(definition.getDeploymentId());
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (FlowNode node : formNodes(model)) {
        String formRef = node instanceof UserTask task ? task.getCamundaFormRef()
            : ((StartEvent) node).getCamundaFormRef();
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess) {
          continue;
        }
        if (node instanceof StartEvent && formRef == null && !"commissioning-cycle".equals(key)) {
          continue; // called processes start from their caller, not from a form
        }
        assertThat(formRef).as("%s in %s has a form", node.getId(), key).isNotNull();
        assertThat(deployedForms).as("form %s of %s is deployed with the process", formRef, node.getId())
            .contains(formRef);
        assertThat(editableKeys(definition.getDeploymentId(), formRef))
            .as("fields of form %s are exactly what %s reads", formRef, node.getId())
            .isEqualTo(FIELDS_READ.get(formRef));
        formsUsed.add(formRef);
      }
    }
    assertThat(formsUsed).containsExactlyInAnyOrderElementsOf(FIELDS_READ.keySet());
  }

  private Collection<FlowNode> formNodes(BpmnModelInstance model) {
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    nodes.addAll(model.getModelElementsByType(StartEvent.class));
    return nodes;
  }

  private Set<String> deployedFormIds(String deploymentId) throws Exception {
    Set<String> ids = new HashSet<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        ids.add(readForm(deploymentId, name).get("id").asText());
      }
    }
    return ids;
  }

  private Set<String> editableKeys(String deploymentId, String formId) throws Exception {
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        JsonNode form = readForm(deploymentId, name);
        if (formId.equals(form.get("id").asText())) {
          Set<String> keys = new HashSet<>();
          collect(form.get("components"), keys);
          return keys;
        }
      }
    }
    return Set.of();
  }

  private static void collect(JsonNode components, Set<String> keys) {
    if (components == null) {
      return;
    }
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
        keys.add(component.get("key").asText());
      }
      collect(component.get("components"), keys);
    }
  }

  private JsonNode readForm(String deploymentId, String name) throws Exception {
    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
