package org.coproduced.commissioning.privacy;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps experts' own words out of the engine's history. Form fields whose key starts with
 * {@code private} are read by a task listener into the application's tables and removed from the
 * engine in the same transaction; this filter makes sure the history never records them either,
 * neither as a variable nor as a submitted form property. The same holds for the notes about a
 * person listed in {@link PersonalFieldRemover#PERSONAL_NOTES}.
 */
public class PrivateVariableHistoryFilter implements HistoryEventHandler {

  public static final String PRIVATE_PREFIX = "private";

  private final HistoryEventHandler delegate;

  public PrivateVariableHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isPrivate(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isPrivate(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return isPrivateName(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formProperty) {
      return isPrivateName(formProperty.getPropertyId());
    }
    return false;
  }

  static boolean isPrivateName(String name) {
    return PersonalFieldRemover.isPersonal(name);
  }
}
