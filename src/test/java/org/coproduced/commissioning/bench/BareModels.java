package org.coproduced.commissioning.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.LoopCardinality;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Copies of the three models with the application taken out, for measuring what the application
 * adds to the engine's own work: the same elements, flows, gateways, timers, call activities and
 * multi-instance counts, deployed under keys starting with {@value #PREFIX}, but
 * <ul>
 *   <li>no task or execution listeners (the forms' checks, the application's tables, the privacy
 *       and feedback rules), no coproduction properties (so no model check), no forms;</li>
 *   <li>service tasks (registering the cycle, matching, invitations, recompense, the end guards)
 *       evaluate {@code ${null}};</li>
 *   <li>expressions that ask the application (who is invited, which contributions, who reviews)
 *       become plain values: multi-instance activities run as many times as they did in a cycle
 *       of the application's models, people are {@code ${commissioner}}, conditions on the
 *       application's answers are true, waiting timers are due at once.</li>
 * </ul>
 * The engine-wide parts stay on for both: authorization checks, full history, the history filter
 * for private variables.
 */
final class BareModels {

  static final String PREFIX = "bare-";
  static final String CYCLE = PREFIX + "commissioning-cycle";
  static final List<String> PROCESSES = List.of("commissioning-cycle", "involvement-request", "feedback-delivery");

  /**
   * Conditions on variables the application's task listeners set, which the bare copies do not
   * have: the standstill is kept (the award notice's listener decides it from the route).
   */
  static final java.util.Set<String> SET_BY_LISTENERS = java.util.Set.of("${standstillApplies}");

  private BareModels() {}

  /**
   * How many instances each multi-instance activity had per activation in a finished cycle of the
   * application's models (e.g. invitations per gate, bids scored per evaluator).
   */
  static Map<String, Integer> cardinalities(ProcessEngine engine, String businessKey) {
    Map<String, Integer> activities = new HashMap<>();
    for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      for (HistoricActivityInstance activity : engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).list()) {
        activities.merge(activity.getActivityId(), 1, Integer::sum);
      }
    }
    Map<String, Integer> cardinalities = new HashMap<>();
    for (String process : PROCESSES) {
      for (String id : multiInstanceActivities(read(process))) {
        int bodies = activities.getOrDefault(id + "#multiInstanceBody", 0);
        if (bodies == 0) {
          throw new IllegalStateException("Cycle " + businessKey + " never ran " + id);
        }
        cardinalities.put(id, Math.round((float) activities.getOrDefault(id, 0) / bodies));
      }
    }
    return cardinalities;
  }

  /** Deploys the bare copies with these multi-instance counts. */
  static void deploy(ProcessEngine engine, Map<String, Integer> cardinalities) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name("Bare copies of the models, for the benchmark");
    for (String process : PROCESSES) {
      BpmnModelInstance model = read(process);
      strip(model, cardinalities);
      Bpmn.validateModel(model);
      deployment.addModelInstance(PREFIX + process + ".bpmn", model);
    }
    deployment.deploy();
    grantAsForTheApplicationsModels(engine);
  }

  /** The same grants on the bare copies as the application gives each group on its models. */
  private static void grantAsForTheApplicationsModels(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String process : PROCESSES) {
      for (Authorization original : authorizations.createAuthorizationQuery()
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(process).list()) {
        Authorization copy = authorizations.createNewAuthorization(original.getAuthorizationType());
        copy.setUserId(original.getUserId());
        copy.setGroupId(original.getGroupId());
        copy.setResource(Resources.PROCESS_DEFINITION);
        copy.setResourceId(PREFIX + process);
        copy.setPermissions(original.getPermissions(ProcessDefinitionPermissions.values()));
        authorizations.saveAuthorization(copy);
      }
    }
  }

  private static BpmnModelInstance read(String process) {
    try (InputStream in = BareModels.class.getResourceAsStream("/processes/" + process + ".bpmn")) {
      if (in == null) {
        throw new IllegalStateException("processes/" + process + ".bpmn is not on the class path");
      }
      return Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> multiInstanceActivities(BpmnModelInstance model) {
    List<String> ids = new ArrayList<>();
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      ids.add(((org.camunda.bpm.model.bpmn.instance.BaseElement) loop.getParentElement()).getId());
    }
    return ids;
  }

  private static void strip(BpmnModelInstance model, Map<String, Integer> cardinalities) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      process.setId(PREFIX + process.getId());
      process.setName("Bare copy: " + process.getName());
    }
    for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
      for (ModelElementInstance element : new ArrayList<>(extensions.getElements())) {
        if (element instanceof CamundaTaskListener || element instanceof CamundaExecutionListener
            || element instanceof CamundaProperties) {
          extensions.removeChildElement(element);
        }
      }
    }
    for (CamundaInputParameter parameter : model.getModelElementsByType(CamundaInputParameter.class)) {
      if (asksTheApplication(parameter.getTextContent())) {
        parameter.setTextContent("${commissioner}");
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
      task.setCamundaExpression("${null}");
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (asksTheApplication(task.getCamundaAssignee())) {
        task.setCamundaAssignee("${commissioner}");
      }
      removeFormReference(task);
    }
    for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
      removeFormReference(event);
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      String activity = ((org.camunda.bpm.model.bpmn.instance.BaseElement) loop.getParentElement()).getId();
      Integer count = cardinalities.get(activity);
      if (count == null) {
        throw new IllegalStateException("No multi-instance count for " + activity);
      }
      loop.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "collection");
      loop.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "elementVariable");
      LoopCardinality cardinality = model.newInstance(LoopCardinality.class);
      cardinality.setTextContent(String.valueOf(count));
      loop.setLoopCardinality(cardinality);
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      if (asksTheApplication(condition.getTextContent()) || SET_BY_LISTENERS.contains(condition.getTextContent())) {
        // A conditional flow out of a task with a default flow is the unusual way on (a panel
        // member not sure about a conflict of interest); the walk's answers take the default.
        condition.setTextContent(leavesATaskWithADefault(condition) ? "${false}" : "${true}");
      }
    }
    for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
      date.setTextContent("2000-01-01T00:00:00");
    }
    for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
      if (duration.getTextContent().contains("${")) {
        duration.setTextContent("P30D");
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      call.setCalledElement(PREFIX + call.getCalledElement());
    }
  }

  private static boolean leavesATaskWithADefault(ConditionExpression condition) {
    return condition.getParentElement() instanceof SequenceFlow flow && flow.getSource() instanceof Activity activity
        && activity.getAttributeValue("default") != null;
  }

  /** An expression that calls one of the application's beans (a method call). */
  private static boolean asksTheApplication(String expression) {
    return expression != null && expression.contains("${") && expression.contains("(");
  }

  private static void removeFormReference(ModelElementInstance element) {
    for (String attribute : List.of("formRef", "formRefBinding", "formRefVersion", "formKey")) {
      element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, attribute);
    }
  }
}
