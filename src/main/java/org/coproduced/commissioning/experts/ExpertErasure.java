package org.coproduced.commissioning.experts;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.records.ExpertRecords;
import org.coproduced.commissioning.records.ExpertRecords.Erasure;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases an expert's personal data (UK GDPR article 17) while the pseudonymous history stays
 * whole: their reference, the sessions they came to, the hours they gave, what they were paid and
 * what they said at sessions all remain, so every cycle still reads correctly, but nothing is left
 * that says who they are.
 *
 * <p>Wiped: name, email, phone, postal address, Tasklist sign-in, lived experience, wellbeing notes,
 * declared interests, notes on pauses and leaving, access needs, notes on expenses, replies to
 * feedback and coordinators' delivery notes. Kept: what they said at sessions and in reviews of a
 * specification, because the council's decisions answer it; in the engine, only the reference and
 * the user id ever were there. Feedback not yet delivered is closed: they asked not to be contacted.
 *
 * <p>The expert's own record is wiped here; every other feature erases its own rows through
 * {@link ExpertRecords}, in the same transaction, so an erasure is never half done.
 */
@Service
public class ExpertErasure {

  private static final Logger LOG = LoggerFactory.getLogger(ExpertErasure.class);

  private final ExpertRepository experts;
  private final List<ExpertRecords> otherRecords;
  private final IdentityService identity;

  public ExpertErasure(ExpertRepository experts, List<ExpertRecords> otherRecords, IdentityService identity) {
    this.experts = experts;
    this.otherRecords = otherRecords;
    this.identity = identity;
  }

  /** Erases the expert's personal data; {@code by} is the coordinator who confirmed it. */
  @Transactional
  public void erase(long expertId, String by) {
    Expert expert = experts.findById(expertId).orElseThrow();
    if (expert.erased()) {
      return;
    }
    Erasure erasure = new Erasure(ProcessClock.today(), ProcessClock.now().toInstant(), by);
    experts.erasePersonalDetails(expertId, erasure.on());
    otherRecords.forEach(records -> records.eraseExpert(expertId, erasure));
    if (expert.tasklistUser() != null) {
      removeSignIn(expert.tasklistUser());
    }
    LOG.info("Erased the personal data of expert {} at the request of the expert, confirmed by {}", expert.ref(), by);
  }

  /**
   * Deletes the expert's Tasklist sign-in (its names and email), but only a sign-in that is in the
   * experts group alone: a member of staff's account is never removed this way.
   */
  private void removeSignIn(String userId) {
    AsApplication.run(() -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        return;
      }
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      if (groups.stream().allMatch(AccessGroups.EXPERTS::equals)) {
        identity.deleteUser(userId);
      } else {
        LOG.warn("Expert sign-in {} is also in {}: not removed; an administrator should check it", userId, groups);
      }
    });
  }
}
