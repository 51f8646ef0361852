package org.coproduced.commissioning.feedback;

import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link FeedbackEndGuard} to the end of every commissioning cycle and feedback delivery
 * as a built-in listener: built-in listeners run even when Cockpit or the REST API asks to skip
 * custom listeners.
 */
@Component
public class FeedbackEndGuardPlugin extends AbstractProcessEnginePlugin {

  static final Set<String> GUARDED_PROCESSES = Set.of("commissioning-cycle", "feedback-delivery");

  private final FeedbackRepository feedback;

  public FeedbackEndGuardPlugin(@Lazy FeedbackRepository feedback) {
    this.feedback = feedback;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FeedbackEndGuard guard = new FeedbackEndGuard(feedback);
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition) {
        if (GUARDED_PROCESSES.contains(definition.getKey())) {
          ((ScopeImpl) definition).addBuiltInListener(ExecutionListener.EVENTNAME_END, guard);
        }
      }
    });
  }
}
