package org.coproduced.commissioning.involvement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import org.coproduced.commissioning.involvement.matching.MatchingRules.Candidate;
import org.coproduced.commissioning.involvement.matching.MatchingService;
import org.junit.jupiter.api.Test;

/** A gate is closed with "nobody can take part" only when nobody could be asked, or those asked could not come. */
class NobodyCouldTakePartRuleTest {

  final InvitationRepository invitations = mock(InvitationRepository.class);
  final MatchingService matching = mock(MatchingService.class);
  final NobodyCouldTakePartRule rule = new NobodyCouldTakePartRule(invitations, matching);
  final InvolvementRequest request = new InvolvementRequest(7, 1, "ANALYSE", "What", "Why", "coproduction",
      LocalDate.of(2027, 3, 1), "10:30", 2, "in-person", "Hall", 2, Set.of("homelessness"), "Commissioner",
      "SUBMITTED", 0, null);

  @Test
  void refusedWhileExpertsCouldBeAskedAndNobodyHasBeen() {
    when(invitations.expertIdsAsked(7)).thenReturn(List.of());
    when(matching.eligible(request)).thenReturn(List.of(mock(Candidate.class), mock(Candidate.class)));

    assertThatThrownBy(() -> rule.check(request)).isInstanceOf(FormInputException.class)
        .hasMessage("2 experts in the pool could take part in this session, and nobody has been asked yet. Please "
            + "accept the request so they are invited. If nobody can come, the request comes back to you, and you "
            + "can close it then and say why.");
  }

  @Test
  void allowedWhenNobodyInThePoolCouldBeAsked() {
    when(invitations.expertIdsAsked(7)).thenReturn(List.of());
    when(matching.eligible(request)).thenReturn(List.of());

    assertThatCode(() -> rule.check(request)).doesNotThrowAnyException();
  }

  @Test
  void allowedOnceExpertsWereAskedForThisRequest() {
    when(invitations.expertIdsAsked(7)).thenReturn(List.of(3L, 4L));
    when(matching.eligible(request)).thenReturn(List.of(mock(Candidate.class)));

    assertThatCode(() -> rule.check(request)).doesNotThrowAnyException();
  }
}
