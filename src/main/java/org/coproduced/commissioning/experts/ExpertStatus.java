package org.coproduced.commissioning.experts;

/** Whether an expert can be asked to take part now. */
public enum ExpertStatus {
  ACTIVE,
  PAUSED,
  LEFT
}
