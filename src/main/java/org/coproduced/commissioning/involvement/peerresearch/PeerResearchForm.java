package org.coproduced.commissioning.involvement.peerresearch;

import static org.coproduced.commissioning.involvement.peerresearch.PeerResearchVariables.*;

import java.time.LocalDate;
import java.util.Optional;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Reads how a commissioner asks experts to take part: at a session (the default, so requests
 * described on older forms still go through), by peer research, or both; and for peer research,
 * the date by which views are gathered and what to ask people about.
 */
@Component
public class PeerResearchForm {

  /** What the request form asks of peer researchers, before the request has an id; empty for a session only. */
  public Optional<PeerResearchAsk> read(TaskForm form) {
    String how = form.optionalText(HOW_TO_TAKE_PART, "How experts take part", TaskForm.SHORT_TEXT);
    if (how == null || SESSION.equals(how)) {
      return Optional.empty();
    }
    if (!PEER_RESEARCH.equals(how) && !BOTH.equals(how)) {
      throw new FormInputException("Please choose how experts take part: at a session, by peer research, or both.");
    }
    LocalDate by = form.requiredDate(PEER_RESEARCH_BY, "Date to gather views by");
    if (by.isBefore(ProcessClock.today())) {
      throw new FormInputException("The date to gather views by has already passed. Please choose a later date.");
    }
    String ask = form.requiredText(PEER_RESEARCH_ASK, "What peer researchers ask people about", TaskForm.LONG_TEXT);
    return Optional.of(new PeerResearchAsk(0, BOTH.equals(how), by, ask));
  }
}
