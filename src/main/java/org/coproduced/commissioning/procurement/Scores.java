package org.coproduced.commissioning.procurement;

/** Scores from 0 (not answered) to 5 (excellent) on each criterion of the tender. */
public record Scores(int quality, int coproduction, int socialValue, int price) {

  /** The weighted total out of 100, given the tender's weightings (which add up to 100). */
  public double weightedTotal(Weightings w) {
    return (quality * w.quality() + coproduction * w.coproduction() + socialValue * w.socialValue()
        + price * w.price()) / 5.0;
  }
}
