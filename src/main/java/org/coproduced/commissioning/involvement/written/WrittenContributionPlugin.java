package org.coproduced.commissioning.involvement.written;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.coproduced.commissioning.engine.ParseListeners;
import org.coproduced.commissioning.involvement.InvolvementVariables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Ties thoughts sent instead of coming to every version of the gate {@code involvement-request},
 * those already running included, as built-in listeners, so the gate's model stays as it is:
 * <ul>
 *   <li>a no to an invitation (the gate goes on to find a replacement) offers the person a way to
 *       send their thoughts ({@link WrittenContributions#offer});</li>
 *   <li>the end of the gate's notes of the session (all of "Record attendance", just before "Did
 *       anyone contribute?" counts) closes every offer still open, and so does the gate ending
 *       any other way (the cycle stopped).</li>
 * </ul>
 */
@Component
public class WrittenContributionPlugin extends AbstractProcessEnginePlugin {

  /** Reached only when someone said no to their invitation. */
  static final String AFTER_A_NO = "Activity_FindReplacement";
  /** The whole of "Record attendance and what the expert said", every expert's task together. */
  static final String SESSION_NOTES = "Activity_RecordContribution#multiInstanceBody";

  private final WrittenContributions written;

  public WrittenContributionPlugin(@Lazy WrittenContributions written) {
    this.written = written;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExecutionListener offer = this::offer;
    ExecutionListener close = this::close;
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        if (!InvolvementVariables.PROCESS_ID.equals(definition.getKey())) {
          return;
        }
        ActivityImpl afterANo = definition.findActivity(AFTER_A_NO);
        if (afterANo != null) {
          afterANo.addBuiltInListener(ExecutionListener.EVENTNAME_START, offer);
        }
        ActivityImpl notes = definition.findActivity(SESSION_NOTES);
        if (notes != null) {
          notes.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
        }
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
      }
    });
  }

  private void offer(DelegateExecution execution) {
    if (execution.getVariable(InvolvementVariables.INVITATION_ID) instanceof Number id) {
      written.offer(id.longValue());
    }
  }

  private void close(DelegateExecution execution) {
    if (execution.getVariable(InvolvementVariables.REQUEST_ID) instanceof Number id) {
      written.closeForRequest(id.longValue());
    }
  }
}
