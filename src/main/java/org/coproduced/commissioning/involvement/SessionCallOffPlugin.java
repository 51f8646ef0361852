package org.coproduced.commissioning.involvement;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.coproduced.commissioning.involvement.invitation.SessionCallOff;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link SessionCallOffListener} to the end of every version of {@code involvement-request},
 * those released in 0.1.0 included, as a built-in listener: a model change could not reach cycles
 * already running, and Cockpit's "skip custom listeners" must not leave anyone booked and untold.
 */
@Component
public class SessionCallOffPlugin extends AbstractProcessEnginePlugin {

  private final SessionCallOff callOff;
  private final CycleOutlines cycles;

  public SessionCallOffPlugin(@Lazy SessionCallOff callOff, @Lazy CycleOutlines cycles) {
    this.callOff = callOff;
    this.cycles = cycles;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SessionCallOffListener listener = new SessionCallOffListener(callOff, cycles);
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        if (InvolvementVariables.PROCESS_ID.equals(definition.getKey())) {
          ((ScopeImpl) definition).addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
        }
      }
    });
  }
}
