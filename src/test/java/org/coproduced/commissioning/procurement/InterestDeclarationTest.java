package org.coproduced.commissioning.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Conflicts of interest (Procurement Act 2023, section 81): every evaluator declares before
 * scoring; a declared conflict takes that bid, and only that bid, out of their scoring; and the
 * declarations are evidence auditors can read, with any score that broke the rules flagged.
 */
@ApplicationTest
class InterestDeclarationTest {

  @Autowired InterestDeclarationListener listener;
  @Autowired ConflictTalkListener talk;
  @Autowired ProcurementService procurementService;
  @Autowired ProcurementRepository procurement;
  @Autowired InterestDeclarations declarations;
  @Autowired CycleRepository cycles;

  long cycleId;
  long openDoor;
  long streetlight;
  long harbour;

  @BeforeEach
  void bids() {
    cycleId = cycles.insert("Conflicts test", "housing-homelessness", "500k-2m", "Experts evaluate bids.",
        "Better outcomes", "Spring", "commissioner", null);
    procurement.replaceBids(cycleId, List.of(
        new Bid(0, cycleId, 1, "Open Door Trust", new BigDecimal("950000")),
        new Bid(0, cycleId, 2, "Streetlight Housing", new BigDecimal("880000")),
        new Bid(0, cycleId, 3, "Harbour Light", new BigDecimal("910000"))));
    List<Long> ids = procurementService.bidIds(cycleId);
    openDoor = ids.get(0);
    streetlight = ids.get(1);
    harbour = ids.get(2);
  }

  @ParameterizedTest(name = "{0} declares {1} with \"{2}\": scores {3}")
  @CsvSource(delimiter = '|', value = {
      "EX-0002              | no  |                                        | 1,2,3",
      "EX-0002              | yes | Open Door Trust                        | 2,3",
      "EX-0002              | yes | I volunteer at streetlight housing     | 1,3",
      "officer:commissioner | yes | Open Door Trust and Harbour Light      | 2",
      "EX-0005              | yes | Open Door Trust, Streetlight Housing, Harbour Light | ''"})
  void aDeclaredConflictTakesOnlyThatBidOutOfTheirScoring(String evaluator, String conflict, String names,
      String slots) {
    listener.notify(task(evaluator, conflict, names, "My cousin is on the board."));

    List<Long> expected = slots.isEmpty() ? List.of()
        : java.util.Arrays.stream(slots.split(",")).map(s -> procurementService.bidIds(cycleId)
            .get(Integer.parseInt(s) - 1)).toList();
    assertThat(procurementService.bidsToScore(cycleId, evaluator)).containsExactlyElementsOf(expected);
    assertThat(procurementService.bidsToScore(cycleId, "EX-0006")).as("someone who declared nothing yet")
        .containsExactly(openDoor, streetlight, harbour);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a conflict without naming the bidder | yes |                  | Please say which bidders",
      "a bidder that is not in the list     | yes | Sunrise Homes Ltd | as they appear in the list of bids",
      "no answer                            |     |                  | Please fill in \"Conflict of interest\""})
  void aDeclarationThatCannotBeRightIsRefusedAndSavesNothing(String description, String conflict, String names,
      String message) {
    assertThatThrownBy(() -> listener.notify(task("EX-0002", conflict, names, null)))
        .isInstanceOf(FormInputException.class).hasMessageContaining(message);

    assertThat(declarations.forCycle(cycleId)).isEmpty();
  }

  @Test
  void aNewDeclarationReplacesTheLastOne() {
    listener.notify(task("EX-0002", "yes", "Open Door Trust", null));
    listener.notify(task("EX-0002", "no", null, null));

    assertThat(procurementService.bidsToScore(cycleId, "EX-0002")).containsExactly(openDoor, streetlight, harbour);
    assertThat(declarations.forCycle(cycleId)).singleElement().extracting(InterestDeclarations.Evaluator::hasConflict)
        .isEqualTo(false);
  }

  @Test
  void auditorsSeeEachDeclarationWhatWasScoredAndAnyScoreThatBrokeTheRules() {
    listener.notify(task("EX-0002", "yes", "Harbour Light", "I used their hostel last year."));
    listener.notify(task("officer:commissioner", "no", null, null));
    Scores fours = new Scores(4, 4, 4, 4);
    procurement.saveScore(openDoor, "EX-0002", fours, null);
    procurement.saveScore(streetlight, "EX-0002", fours, null);
    procurement.saveScore(openDoor, "officer:commissioner", fours, null);
    // What the rules forbid, written straight to the table: the page must show it.
    procurement.saveScore(harbour, "EX-0002", fours, null);
    procurement.saveScore(harbour, "EX-0009", fours, null);

    List<InterestDeclarations.Evaluator> evidence = declarations.forCycle(cycleId);

    assertThat(evidence).extracting(InterestDeclarations.Evaluator::evaluatorRef)
        .containsExactly("EX-0002", "officer:commissioner", "EX-0009");
    InterestDeclarations.Evaluator expert = evidence.get(0);
    assertThat(expert.hasConflict()).isTrue();
    assertThat(expert.conflictedBidders()).containsExactly("Harbour Light");
    assertThat(expert.details()).isEqualTo("I used their hostel last year.");
    assertThat(expert.scoredBidders()).containsExactly("Open Door Trust", "Streetlight Housing", "Harbour Light");
    assertThat(expert.problems()).containsExactly(
        "Scored Harbour Light despite declaring a conflict of interest with it");
    assertThat(evidence.get(1).problems()).isEmpty();
    assertThat(evidence.get(2).declared()).isFalse();
    assertThat(evidence.get(2).problems()).containsExactly("Scored Harbour Light without declaring interests");
  }

  @Test
  void notSureTakesNoBidOutOnAGuessAndTheTalkWithACoordinatorDecides() {
    listener.notify(task("EX-0002", "not-sure", null, "I once stayed at a hostel one of them runs."));

    assertThat(procurementService.unsureAboutConflict(cycleId, "EX-0002")).isTrue();
    assertThat(declarations.forCycle(cycleId)).singleElement().satisfies(e -> {
      assertThat(e.declared()).isTrue();
      assertThat(e.hasConflict()).as("neither yes nor no until they have talked").isNull();
    });
    assertThatThrownBy(() -> talk.notify(talk("EX-0002", "yes", null)))
        .isInstanceOf(FormInputException.class).hasMessageContaining("which bidders");
    assertThat(procurementService.unsureAboutConflict(cycleId, "EX-0002")).as("nothing changed").isTrue();

    talk.notify(talk("EX-0002", "yes", "Harbour Light"));

    assertThat(procurementService.unsureAboutConflict(cycleId, "EX-0002")).isFalse();
    assertThat(procurementService.bidsToScore(cycleId, "EX-0002")).containsExactly(openDoor, streetlight);
    assertThat(declarations.forCycle(cycleId).get(0).conflictedBidders()).containsExactly("Harbour Light");
  }

  private DelegateTask talk(String evaluator, String agreed, String names) {
    DelegateTask task = task(evaluator, null, names, "Talked on the phone; they stayed there last year.");
    when(task.getVariable("conflictAgreed")).thenReturn(agreed);
    return task;
  }

  private DelegateTask task(String evaluator, String conflict, String names, String details) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("cycleId", cycleId);
    variables.put("evaluatorRef", evaluator);
    variables.put("hasConflict", conflict);
    variables.put("conflictBidNames", names);
    variables.put("conflictDetails", details);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return task;
  }
}
