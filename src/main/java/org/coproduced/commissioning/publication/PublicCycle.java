package org.coproduced.commissioning.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public page of one cycle shows: the public wording staff approved, each stage with its
 * sessions and counts, and the words of contributors who said yes. Nothing here names anyone.
 *
 * @param stoppedReason why the work stopped, or {@code null} when it did not stop
 */
public record PublicCycle(long cycleId, String title, String purpose, String stoppedReason, Instant publishedAt,
    List<Stage> stages) {

  /** One stage of the cycle: its sessions, how many points people made there, and the ones shown in words. */
  public record Stage(String name, List<Session> sessions, Counts counts, List<Item> items) {}

  /** A session: when, whether it was coproduction or consultation, and how many people took part. */
  public record Session(LocalDate date, String kind, int tookPart) {}

  /** How many points were made at a stage and what became of them. */
  public record Counts(int total, int adopted, int partly, int notAdopted) {}

  /** A point in public words, with what we did: {@code outcome} is adopted, partly or not-adopted. */
  public record Item(String said, String outcome, String whatChanged, String whyDecided) {}

  public int contributionCount() {
    return stages.stream().mapToInt(stage -> stage.counts().total()).sum();
  }

  public int tookPartCount() {
    return stages.stream().flatMap(stage -> stage.sessions().stream()).mapToInt(Session::tookPart).sum();
  }
}
