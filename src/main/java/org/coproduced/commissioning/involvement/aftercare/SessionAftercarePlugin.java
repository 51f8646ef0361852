package org.coproduced.commissioning.involvement.aftercare;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.coproduced.commissioning.involvement.InvolvementVariables;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link SessionAftercareListener} to the end of each "Record attendance" task of every
 * version of {@code involvement-request}, those already running included, as a built-in
 * listener: the gate's model stays as it is, and cycles that started years ago get the same
 * aftercare as new ones.
 */
@Component
public class SessionAftercarePlugin extends AbstractProcessEnginePlugin {

  /** The task where a coordinator records whether each expert took part. */
  static final String RECORD_ATTENDANCE = "Activity_RecordContribution";

  private final InvitationRepository invitations;
  private final SessionAftercare aftercare;

  public SessionAftercarePlugin(@Lazy InvitationRepository invitations, @Lazy SessionAftercare aftercare) {
    this.invitations = invitations;
    this.aftercare = aftercare;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SessionAftercareListener listener = new SessionAftercareListener(invitations, aftercare);
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        if (InvolvementVariables.PROCESS_ID.equals(definition.getKey())) {
          ActivityImpl recording = definition.findActivity(RECORD_ATTENDANCE);
          if (recording != null) {
            recording.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
          }
        }
      }
    });
  }
}
